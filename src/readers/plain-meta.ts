/**
 * YAML front matter of the plain format: the call's metadata between two `---` lines at the top.
 * Errors carry the line of the file (not of the YAML block), so people can find them.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { CallMeta, ReadWarning } from '../model/call.js';
import { ParseFailure } from './types.js';

/** Ids are text even when they look like numbers: `agent_id: 0128` must stay '0128'. */
const TEXT_KEYS = new Set(['call_id', 'agent_id', 'agent_name']);
const DIRECTIONS: Record<string, 'inbound' | 'outbound'> = {
  inbound: 'inbound',
  outbound: 'outbound',
  呼入: 'inbound',
  呼出: 'outbound',
};

function isDelimiter(line: string | undefined): boolean {
  return line !== undefined && line.trimEnd() === '---';
}

function validDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
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

interface Entry {
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
function coreScalar(source: string): unknown {
  if (source === '' || source === '~' || /^(null|Null|NULL)$/.test(source)) return null;
  if (/^(true|True|TRUE)$/.test(source)) return true;
  if (/^(false|False|FALSE)$/.test(source)) return false;
  if (/^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(source)) return Number(source);
  return source;
}

function yamlEntries(body: readonly string[], firstLine: number, warnings: ReadWarning[]): Entry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(body.join('\n'), { lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new ParseFailure(`front matter: ${shortMessage(error.code, error.message)}`, pos ? firstLine + pos.line - 1 : firstLine, pos?.col);
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
 * Returns the metadata and the index of the first body line.
 */
export function parseFrontMatter(lines: readonly string[], warnings: ReadWarning[]): { meta: CallMeta; bodyStart: number } {
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
  const meta: CallMeta = {};
  for (const { key, value, source, line } of entries) {
    if (value === null || value === undefined) continue;
    if (TEXT_KEYS.has(key)) {
      meta[key] = typeof value === 'number' && source !== undefined ? source : String(value);
      continue;
    }
    if (key === 'direction') {
      const direction = DIRECTIONS[String(value).trim().toLowerCase()];
      if (direction) meta[key] = direction;
      else warnings.push({ message: `front matter "direction: ${String(value)}" is not inbound or outbound; ignored`, line });
      continue;
    }
    if (key === 'date') {
      if (typeof value === 'string' && validDate(value)) meta[key] = value;
      else warnings.push({ message: `front matter "date: ${String(value)}" is not a date (YYYY-MM-DD); ignored`, line });
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') meta[key] = value;
    else warnings.push({ message: `front matter "${key}": unsupported value; ignored`, line });
  }
  return { meta, bodyStart: close + 1 };
}
