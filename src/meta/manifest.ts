/**
 * `--manifest calls.csv`: a call log exported from the telephony system, one row per call,
 * matched to transcripts by call_id or by file name. UTF-8 with or without a BOM, a header row.
 * Bad cells do not stop the run: each becomes a problem with its CSV line and the value is
 * dropped, or kept as written where dropping would let a default answer (KEPT_WHEN_UNREADABLE):
 * either way the rule that needs it is na, never a guess.
 */
import { notRegularCause, readRegularFileSync } from '../model/read-file.js';
import type { CallMeta } from '../model/call.js';
import { coerceField, KEPT_WHEN_UNREADABLE, knownField, likelyField, NUMBER_KEYS, writtenKey, type DirectionCodes } from './fields.js';
import { decodeUtf8, parseCsvRows } from './csv-rows.js';
import { toSimplifiedScript } from '../normalize/fold.js';

export interface ManifestProblem {
  line: number;
  message: string;
}

export interface Manifest {
  /** Rows read (duplicates and rows without a key are not counted). */
  size: number;
  /** By call_id first; else by the file's base name, the manifest's entry with or without extension,
   * or a recording's (C1.wav for the transcript C1.txt) when only one row has that name. */
  lookup(callId: string, fileName: string): CallMeta | undefined;
  /** The CSV line of the row `lookup` finds. */
  lineOf(callId: string, fileName: string): number | undefined;
  /** Each kept row's line and how it is named (call_id C001, file a.txt), in file order. */
  rows: readonly { line: number; name: string }[];
}

export type ManifestResult =
  | { ok: true; manifest: Manifest; problems: ManifestProblem[] }
  | { ok: false; message: string; line?: number };

/** Columns only a manifest has: the transcript's file name, to match calls by. */
const FILE_COLUMN: Record<string, string> = {
  file: 'file',
  filename: 'file',
  file_name: 'file',
  文件: 'file',
  文件名: 'file',
  // call logs name the recording; its transcript shares its name (C1.wav → C1.txt, C1.wav.json)
  recording: 'file',
  录音: 'file',
  录音文件: 'file',
  录音文件名: 'file',
  录音档: 'file',
  录音档名: 'file',
};

/** Recordings, as call logs name them; their transcript carries the same name with its own extension. */
const AUDIO = /\.(?:wav|mp3|amr|m4a|ogg|opus|flac|aac|wma|gsm|vox|pcm|silk|spx|webm)$/i;

function headerKey(cell: string): string {
  const written = writtenKey(cell);
  return FILE_COLUMN[toSimplifiedScript(written)] ?? knownField(cell) ?? written;
}

/** The part after the last slash (either kind): manifests made on Windows say `calls\a.txt`. */
function fileOnly(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `codes`: what the log's direction codes mean (--direction-codes). */
export function loadManifest(file: string, codes?: DirectionCodes): ManifestResult {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, message: code === 'ENOENT' ? `manifest ${file} does not exist` : `cannot read manifest ${file} (${notRegularCause(err) ?? code ?? 'error'})` };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return { ok: false, message: `manifest ${file} is not UTF-8 (save it from Excel as "CSV UTF-8")` };
  }
  const parsed = parseCsvRows(text);
  if (!parsed.ok) return { ok: false, message: `manifest is not valid CSV: ${parsed.message}`, ...(parsed.line ? { line: parsed.line } : {}) };
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, message: `manifest ${file} is empty: it needs a header row`, line: 1 };

  const keys = header.cells.map(headerKey);
  const problems: ManifestProblem[] = [];
  const seenKeys = new Set<string>();
  for (const [i, key] of keys.entries()) {
    // Excel leaves unnamed columns at the end of a sheet once a cell there was touched: skipped.
    if (key === '') continue;
    const first = keys.indexOf(key);
    if (first !== i) {
      const names = `columns ${first + 1} "${header.cells[first]?.trim()}" and ${i + 1} "${header.cells[i]?.trim()}"`;
      return { ok: false, message: `manifest header: ${names} are both ${key}; rename or remove one`, line: header.line };
    }
    seenKeys.add(key);
  }
  for (const [i, key] of keys.entries()) {
    const hint = key === 'file' || knownField(key) ? undefined : likelyField(key);
    if (hint) problems.push({ line: header.line, message: `column ${i + 1} "${header.cells[i] ?? key}" is no field callqa reads (did you mean ${hint}?); kept as custom metadata` });
  }
  if (!seenKeys.has('call_id') && !seenKeys.has('file')) {
    // A sheet saved with ; or tabs (a European Excel, "Text (Tab delimited)") reads as one column.
    const only = header.cells.length === 1 ? /[;\t]/.exec(header.cells[0] ?? '')?.[0] : undefined;
    const hint = only ? ` (the header is one column holding ${only === ';' ? '";"' : 'tabs'}: save the file as CSV, comma-separated)` : '';
    return { ok: false, message: `manifest header needs a call_id or a file column to match calls by${hint}`, line: header.line };
  }

  const byId = new Map<string, { meta: CallMeta; line: number }>();
  const byName = new Map<string, { meta: CallMeta; line: number }>();
  /** A recording's row by its name without extension (C1.wav for the transcript C1.txt); null when two rows share it. */
  const byStem = new Map<string, { meta: CallMeta; line: number } | null>();
  /** Unnamed columns holding a value: the first line with one. */
  const unnamed = new Map<number, number>();
  const kept: { line: number; name: string }[] = [];
  /** Each kept row's metadata and the keys written as a bare number (no 秒, no hh:mm:ss). */
  const keptMeta: { meta: CallMeta; bare: Set<string> }[] = [];
  /** Number columns with a value past their maximum: the first such line. */
  const overMax = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length > keys.length) {
      problems.push({ line: row.line, message: `row has ${row.cells.length} cells but the header has ${keys.length}; extra cells ignored` });
    }
    const meta: CallMeta = {};
    const bare = new Set<string>();
    let fileCell = '';
    for (const [i, key] of keys.entries()) {
      const raw = (row.cells[i] ?? '').trim();
      if (raw === '') continue;
      if (key === '') {
        if (!unnamed.has(i)) unnamed.set(i, row.line);
        continue;
      }
      if (key === 'file') {
        fileCell = fileOnly(raw);
        continue;
      }
      const coerced = coerceField(key, raw, codes);
      if (coerced.ok && NUMBER_KEYS.has(key) && /^\d+(?:\.\d+)?$/.test(raw)) bare.add(key);
      if (coerced.ok) meta[key] = coerced.value;
      else if (KEPT_WHEN_UNREADABLE.has(key)) {
        meta[key] = raw;
        problems.push({ line: row.line, message: `${coerced.message}; kept as written: the rules reading it are na` });
      } else {
        if (coerced.overMax && !overMax.has(key)) overMax.set(key, row.line);
        problems.push({ line: row.line, message: `${coerced.message}; value ignored` });
      }
    }
    const callId = typeof meta.call_id === 'string' ? meta.call_id : '';
    if (callId === '' && fileCell === '') {
      problems.push({ line: row.line, message: 'row has neither a call_id nor a file; skipped' });
      continue;
    }
    const earlier = (callId && byId.get(callId)) || (fileCell && byName.get(fileCell)) || undefined;
    if (earlier) {
      const what = callId && byId.has(callId) ? `call_id ${callId}` : `file ${fileCell}`;
      problems.push({ line: row.line, message: `${what} is already on line ${earlier.line}; this row is ignored` });
      continue;
    }
    const entry = { meta, line: row.line };
    if (callId) byId.set(callId, entry);
    if (fileCell) {
      byName.set(fileCell, entry);
      // A transcript's name in the log is that file: C004.txt is not the transcript C004.json.
      const stem = withoutExtension(fileCell);
      if (AUDIO.test(fileCell)) byStem.set(stem, byStem.has(stem) ? null : entry);
    }
    kept.push({ line: row.line, name: callId ? `call_id ${callId}` : `file ${fileCell}` });
    keptMeta.push({ meta, bare });
  }
  // A queue_s column in milliseconds has 45000 on one row and 3000 (3 s, read as 50 minutes) on
  // the next: one value past the maximum makes every bare number of its column a guess (a value
  // with its unit, 25秒 or 00:00:25, says what it is).
  for (const [key, line] of overMax) {
    let dropped = 0;
    for (const { meta, bare } of keptMeta) if (bare.has(key) && delete meta[key]) dropped++;
    if (dropped > 0) problems.push({ line, message: `column ${key} has a value past its maximum on this line (milliseconds?): its ${dropped} other value(s) are ignored too` });
  }

  for (const [i, line] of unnamed) problems.push({ line, message: `column ${i + 1} has no name in the header: its values are ignored` });

  const find = (callId: string, fileName: string) => {
    const name = fileOnly(fileName);
    const stem = withoutExtension(name);
    return byId.get(callId) ?? byName.get(name) ?? byName.get(stem) ?? byStem.get(stem) ?? undefined;
  };
  return {
    ok: true,
    problems,
    manifest: {
      size: kept.length,
      lookup(callId: string, fileName: string): CallMeta | undefined {
        const hit = find(callId, fileName);
        return hit ? { ...hit.meta } : undefined;
      },
      lineOf: (callId, fileName) => find(callId, fileName)?.line,
      rows: kept,
    },
  };
}
