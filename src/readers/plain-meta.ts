/**
 * YAML front matter of the plain format: the call's metadata between two `---` lines at the top.
 * Errors carry the line of the file (not of the YAML block), so people can find them.
 */
import { LineCounter, isMap, isScalar } from 'yaml';
import type { CallMeta, ReadWarning } from '../model/call.js';
import { parseYamlDocument, YAML_MAX_DEPTH } from '../model/yaml.js';
import { parseDate } from '../meta/dates.js';
import { coerceField, KEPT_WHEN_UNREADABLE, KNOWN_FIELDS, knownField, likelyField, NUMBER_KEYS, type DirectionCodes } from '../meta/fields.js';
import { ParseFailure } from './types.js';

/** Ids are text even when they look like numbers: `agent_id: 0128` must stay '0128'. */
const TEXT_KEYS = new Set(['call_id', 'agent_id', 'agent_name']);

function isDelimiter(line: string | undefined): boolean {
  // Tested on every head line: the exact '---' and lines not starting with it need no trimEnd.
  return line !== undefined && (line === '---' || (line.startsWith('---') && line.trimEnd() === '---'));
}

/** Plain words for the mistakes people make in front matter; yaml's own wording otherwise. */
const FRIENDLY: Record<string, string> = {
  MULTILINE_IMPLICIT_KEY: 'a line is not "key: value" (is the colon missing?)',
  DUPLICATE_KEY: 'the same key is given twice',
  TAB_AS_INDENT: 'tabs are not allowed for indentation',
};

/** First line of a yaml error message, without its own "at line x, column y" (ours differ). */
function shortMessage(code: string, message: string): string {
  return FRIENDLY[code] ?? (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

export interface Entry {
  key: string;
  value: unknown;
  /** The value as written, for ids that look like numbers (call_id: 0042). */
  source?: string;
  line: number;
}

// Flat `key: value  # comment` lines with plain scalars: the front matter of nearly every file.
const SIMPLE_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]+([^'"\[\]{}&*!|>%@`#\s][^#]*?|))?(?:[ \t]+#.*)?[ \t]*$/;

/**
 * Fast path (the yaml parser costs more than the rest of reading a call): flat `key: value`
 * lines with plain values, typed as YAML's core schema would. Anything else → undefined, and
 * the full parser takes it.
 */
function simpleEntries(body: readonly string[], firstLine: number): Entry[] | undefined {
  const entries: Entry[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const text = body[i] as string;
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const m = SIMPLE_LINE.exec(text);
    if (!m || keys.has(m[1] as string)) return undefined; // duplicate keys: let yaml report them
    const key = m[1] as string;
    keys.add(key);
    const source = (m[2] ?? '').trim();
    if (/:(\s|$)/.test(source)) return undefined; // `a: b: c` is for the full parser to judge
    entries.push({ key, value: coreScalar(source), source, line: firstLine + i });
  }
  return entries;
}

/** YAML 1.2 core schema for a plain scalar. */
export function coreScalar(source: string): unknown {
  if (source === '' || source === '~') return null;
  // Each form starts with its own characters: most values (ids, names) are told by the first.
  const c = source.charCodeAt(0);
  if ((c === 0x6e || c === 0x4e) && /^(null|Null|NULL)$/.test(source)) return null; // n N
  if ((c === 0x74 || c === 0x54) && /^(true|True|TRUE)$/.test(source)) return true; // t T
  if ((c === 0x66 || c === 0x46) && /^(false|False|FALSE)$/.test(source)) return false; // f F
  const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e; // 0-9 + - .
  if (numeric && /^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(source)) return Number(source);
  return source;
}

function yamlEntries(body: readonly string[], firstLine: number, warnings: ReadWarning[]): Entry[] {
  const lineCounter = new LineCounter();
  const parsed = parseYamlDocument(body.join('\n'), { lineCounter, prettyErrors: false });
  if (!parsed.ok) {
    const pos = lineCounter.linePos(parsed.offset);
    throw new ParseFailure(`front matter is nested too deeply (more than ${YAML_MAX_DEPTH} levels of lists or maps)`, firstLine + pos.line - 1, pos.col);
  }
  const doc = parsed.doc;
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ParseFailure(`front matter: ${shortMessage(error.code, error.message)}`, firstLine + pos.line - 1, pos.col);
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return [];
  if (!isMap(contents)) throw new ParseFailure('front matter must be a mapping of keys to values (key: value)', firstLine, 1);
  const entries: Entry[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const offset = isScalar(keyNode) && keyNode.range ? keyNode.range[0] : 0;
    const line = firstLine + lineCounter.linePos(offset).line - 1;
    const node = pair.value;
    if (!isScalar(node)) {
      if (node !== null) warnings.push({ message: `front matter "${key}": nested values are not supported; ignored`, line });
      continue;
    }
    entries.push({ key, value: node.value, source: node.source, line });
  }
  return entries;
}

/**
 * Parse the front matter if the text starts with one (blank lines before it are allowed).
 * Returns the metadata and the index of the first body line. `codes`: what direction codes mean.
 */
export function parseFrontMatter(lines: readonly string[], warnings: ReadWarning[], codes?: DirectionCodes): { meta: CallMeta; bodyStart: number } {
  let open = 0;
  while (open < lines.length && (lines[open] as string).trim() === '') open++;
  if (!isDelimiter(lines[open])) return { meta: {}, bodyStart: 0 };
  let close = open + 1;
  while (close < lines.length && !isDelimiter(lines[close])) close++;
  if (close >= lines.length) {
    throw new ParseFailure('front matter is not closed: no second "---" line', open + 1, 1);
  }

  // File line of YAML line 1: the line after the opening delimiter (1-based).
  const firstLine = open + 2;
  const body = lines.slice(open + 1, close);
  const entries = simpleEntries(body, firstLine) ?? yamlEntries(body, firstLine, warnings);
  return { meta: metaFromEntries(entries, warnings, codes), bodyStart: close + 1 };
}

/**
 * The call's metadata from `key: value` entries, each value typed and checked as its field
 * wants (dates, seconds, hangup_by …), with a warning naming the line for one that cannot be read.
 * `where`: what warnings call the block (the front matter, or a plain header: plain-header.ts).
 */
export function metaFromEntries(entries: readonly Entry[], warnings: ReadWarning[], codes?: DirectionCodes, where = 'front matter'): CallMeta {
  const meta: CallMeta = {};
  for (const { key: written, value, source, line } of entries) {
    if (value === null || value === undefined) continue;
    // 「挂机方: 客户」 and hang_up_by are hangup_by; a slip one letter from a field is kept, with a warning,
    // since a silently unread hangup_by changes closing verdicts.
    const key = knownField(written) ?? written;
    const hint = key === written && !(KNOWN_FIELDS as readonly string[]).includes(key) ? likelyField(written) : undefined;
    if (hint) warnings.push({ message: `${where} "${written}" is no field callqa reads (did you mean ${hint}?); kept as custom metadata`, line });
    if (TEXT_KEYS.has(key)) {
      meta[key] = typeof value === 'number' && source !== undefined ? source : String(value);
      continue;
    }
    // `queue_s: ""`: an export's empty cell, missing like `queue_s:` — not worth a warning per call.
    if (typeof value === 'string' && value.trim() === '') continue;
    if (KEPT_WHEN_UNREADABLE.has(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      // 挂机方: 客户 is stored as customer, 外呼 as outbound (the call log's reading, so front matter
      // and manifest agree); a value no reading fits is kept and warned (see fields.ts).
      const coerced = coerceField(key, String(value), codes);
      meta[key] = coerced.ok ? coerced.value : value;
      if (!coerced.ok) warnings.push({ message: `${where} ${coerced.message}; kept as written: the rules reading it are na`, line });
      continue;
    }
    if (key === 'started_at' && (typeof value === 'string' || typeof value === 'number')) {
      const coerced = coerceField(key, typeof value === 'number' && source !== undefined ? source : String(value));
      if (coerced.ok) meta[key] = coerced.value;
      else warnings.push({ message: `${where} ${coerced.message}; ignored`, line });
      continue;
    }
    if (key === 'date') {
      // 20261005 is a YAML number: judge the text as written.
      const text = typeof value === 'number' && source !== undefined ? source : String(value);
      const parsed = parseDate(text);
      if (parsed.ok) meta[key] = parsed.value;
      else warnings.push({ message: `${where} "date: ${text}" ${parsed.reason}; ignored`, line });
      continue;
    }
    if (NUMBER_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')) {
      // ring_s: 8000 (milliseconds) would be a ring of two hours: judged like a call log's.
      const coerced = coerceField(key, String(value));
      if (coerced.ok) meta[key] = coerced.value;
      else warnings.push({ message: `${where} ${coerced.message}; ignored`, line });
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') meta[key] = value;
    else warnings.push({ message: `${where} "${key}": unsupported value; ignored`, line });
  }
  return meta;
}
