/**
 * The readers' public API: a file (or its bytes) in, a `Call` or a located `ReadError` out.
 * file → bytes → decode → the first reader whose sniff() matches → parse → roles → checks.
 * Nothing here throws: every failure is a value the audit lists in errors.csv.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Stats } from 'node:fs';
import type { Call, ReadError, ReadOutcome, ReadWarning } from '../model/call.js';
import { checkTimes } from './times.js';
import { decodeBytes } from './decode.js';
import { READERS } from './registry.js';
import { assignRoles } from './roles.js';
import { dropEchoes } from './echo.js';
export { BACKWARDS_TOLERANCE_MS, MAX_CALL_MS, MAX_SILENCE_MS } from './times.js';
import { ParseFailure } from './types.js';
import { peekJson, vendorTaskFailure } from './json-util.js';
import { jsonMeta } from './json-meta.js';
import type { FormatReader, ParsedTranscript, ReadOptions } from './types.js';

export type { Call, ReadError, ReadOutcome, ReadWarning, Utterance, Speaker, CallMeta, SourceFacts } from '../model/call.js';
export type { FormatReader, ParsedTranscript, ParsedUtterance, ReadOptions, RoleOptions } from './types.js';
export { ParseFailure } from './types.js';
export { decodeBytes } from './decode.js';
export { assignRoles } from './roles.js';
export { READERS } from './registry.js';

/** Files above this size are refused: a transcript is kilobytes; 50 MB is a wrong file. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Calls with more dialogue than this are refused: 200,000 characters is about eleven hours of
 * speech at 300 characters a minute. Beyond it the file is a broken export (a recogniser stuck
 * repeating one phrase, a whole archive pasted into one line), and scoring it would cost memory
 * in proportion to its phrase hits: a 5 MB line of 您好您好… took 1 GB.
 */
export const MAX_DIALOGUE_CHARS = 200_000;

function fail(file: string, stage: ReadError['stage'], message: string, line?: number, column?: number): ReadOutcome {
  const error: ReadError = { file, stage, message };
  if (line !== undefined) error.line = line;
  if (column !== undefined) error.column = column;
  return { ok: false, error };
}

function systemMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `cannot read the file: ${err instanceof Error ? err.message : String(err)}`;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Read one transcript file synchronously (it runs in worker threads, where sync reads are fastest). */
export function readCallFile(file: string, opts: ReadOptions = {}): ReadOutcome {
  const limit = opts.maxFileBytes ?? MAX_FILE_BYTES;
  // Open first and fstat the descriptor: one path lookup per file instead of two (stat, open).
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    // Missing, no permission, a socket …: the stat-first path gives its exact message.
    return readByPath(file, limit, opts);
  }
  let bytes: Uint8Array;
  try {
    const stat = fstatSync(fd);
    const refused = refusal(file, stat, limit);
    if (refused) {
      closeQuietly(fd);
      return refused;
    }
    bytes = readOpen(fd, stat.size);
  } catch (err) {
    closeQuietly(fd);
    return fail(file, 'read', systemMessage(err));
  }
  try {
    closeSync(fd);
  } catch (err) {
    return fail(file, 'read', systemMessage(err));
  }
  return parseCallBytes(bytes, file, opts);
}

/** Read-only; O_NONBLOCK so that opening a FIFO does not wait for a writer (it is then refused). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
/** readFileSync's own limit; larger files go to it for its error. */
const IO_MAX = 2 ** 31 - 1;

function refusal(file: string, stat: Stats, limit: number): ReadOutcome | undefined {
  if (stat.isDirectory()) return fail(file, 'read', 'is a directory, not a file');
  if (!stat.isFile()) return fail(file, 'read', 'not a regular file');
  if (stat.size > limit) return fail(file, 'read', `file too large (${megabytes(stat.size)}; the limit is ${megabytes(limit)})`);
  return undefined;
}

/** The whole of an open regular file, as readFileSync reads it (its stated size, or to EOF when 0). */
function readOpen(fd: number, size: number): Uint8Array {
  if (size === 0 || size > IO_MAX) return readFileSync(fd);
  const buffer = Buffer.allocUnsafe(size);
  let pos = 0;
  let n: number;
  do {
    n = readSync(fd, buffer, pos, size - pos, null);
    pos += n;
  } while (n !== 0 && pos < size);
  return pos < size ? buffer.subarray(0, pos) : buffer;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // the outcome is already decided
  }
}

/** The original stat, then read by path: for files that could not be opened directly. */
function readByPath(file: string, limit: number, opts: ReadOptions): ReadOutcome {
  let bytes: Uint8Array;
  try {
    const refused = refusal(file, statSync(file), limit);
    if (refused) return refused;
    bytes = readFileSync(file);
  } catch (err) {
    return fail(file, 'read', systemMessage(err));
  }
  return parseCallBytes(bytes, file, opts);
}

/** A vendor export that says its recognition task failed: that, rather than how its JSON fell short. */
function failedTask(file: string, text: string): ReadOutcome | undefined {
  const why = vendorTaskFailure(peekJson(text));
  return why === undefined ? undefined : fail(file, 'parse', why);
}

function pickReader(text: string, file: string): FormatReader | undefined {
  return READERS.find((reader) => reader.sniff(text, file));
}

/** Decode, parse and check the bytes of one transcript. */
export function parseCallBytes(bytes: Uint8Array, file: string, opts: ReadOptions = {}): ReadOutcome {
  if (bytes.length === 0) return fail(file, 'read', 'empty file');
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return fail(file, 'decode', decoded.message);
  if (decoded.text.trim() === '') return fail(file, 'parse', 'empty file (only whitespace)');

  let reader: FormatReader | undefined;
  let parsed: ParsedTranscript;
  try {
    reader = pickReader(decoded.text, file);
    if (!reader) return fail(file, 'parse', 'unrecognised transcript format');
    parsed = reader.parse(decoded.text, file, opts);
  } catch (err) {
    if (err instanceof ParseFailure) return failedTask(file, decoded.text) ?? fail(file, 'parse', err.message, err.line, err.column);
    const message = err instanceof Error ? err.message : String(err);
    return fail(file, 'parse', `internal reader error${reader ? ` (${reader.name})` : ''}: ${message}`);
  }

  const warnings: ReadWarning[] = decoded.warning ? [{ message: decoded.warning }, ...parsed.warnings] : [...parsed.warnings];
  // A vendor JSON's call fields (the text is parsed once: peekJson keeps the reader's parse).
  if (reader.name !== 'plain' && Object.keys(parsed.meta).length === 0) parsed.meta = jsonMeta(peekJson(decoded.text), opts.directionCodes, warnings);
  const kept = dropEchoes(dropEmpty(parsed, warnings), warnings);
  if (kept.utterances.length === 0) return failedTask(file, decoded.text) ?? fail(file, 'parse', 'no utterances (every utterance is empty)');
  const tooLong = dialogueOverLimit(kept, file, opts.maxDialogueChars ?? MAX_DIALOGUE_CHARS);
  if (tooLong) return tooLong;

  const roles = assignRoles(kept, opts);
  warnings.push(...roles.warnings);
  const checked = checkTimes(roles.utterances, warnings, kept.recordingMs);
  const utterances = checked.utterances;
  // A broken clock names its utterance; else a timestamp the reader could not read is why a line has none.
  const timingProblem = checked.problem ?? (utterances.some((u) => u.startMs === undefined) ? kept.timingProblem : undefined);

  const call: Call = {
    id: callId(kept, file),
    file,
    meta: kept.meta,
    utterances,
    source: {
      format: reader.name,
      encoding: decoded.encoding,
      timed: utterances.every((u) => u.startMs !== undefined),
      diarized: roles.diarized,
      roleSource: roles.roleSource,
    },
    warnings,
  };
  if (roles.roleConfidence !== undefined) call.source.roleConfidence = roles.roleConfidence;
  if (roles.emptyChannel !== undefined) call.source.emptyChannel = roles.emptyChannel;
  if (timingProblem !== undefined) call.source.timingProblem = timingProblem;
  return { ok: true, call };
}

/** The refusal of a call whose dialogue runs past `limit` characters, located where it does. */
function dialogueOverLimit(parsed: ParsedTranscript, file: string, limit: number): ReadOutcome | undefined {
  let total = 0;
  let crossedAt: number | undefined;
  for (const u of parsed.utterances) {
    total += u.text.length;
    if (total > limit && crossedAt === undefined) crossedAt = u.line ?? -1;
  }
  if (crossedAt === undefined) return undefined;
  const message = `dialogue too long: ${total.toLocaleString('en')} characters (the limit is ${limit.toLocaleString('en')}); a broken export, not a call`;
  return fail(file, 'parse', message, crossedAt >= 0 ? crossedAt : undefined);
}

function callId(parsed: ParsedTranscript, file: string): string {
  const id = parsed.meta.call_id;
  if (id !== undefined && String(id).trim() !== '') return String(id).trim();
  const name = basename(file);
  return name.slice(0, name.length - extname(name).length) || name;
}

/** Utterances with no words carry nothing to score; they are dropped, and the drop is listed. */
function dropEmpty(parsed: ParsedTranscript, warnings: ReadWarning[]): ParsedTranscript {
  const empty = parsed.utterances.filter((u) => u.text.trim() === '');
  if (empty.length === 0) return parsed;
  const first = empty[0];
  warnings.push({
    message: `${empty.length} empty utterance(s) dropped${first?.line !== undefined ? ' (the first on this line)' : ''}`,
    ...(first?.line !== undefined ? { line: first.line } : {}),
  });
  return { ...parsed, utterances: parsed.utterances.filter((u) => u.text.trim() !== '') };
}
