/**
 * `--name-pattern "{agent_id}_{date}_{call_id}"`: metadata taken from a file's base name
 * (directory and last extension removed). `{key}` captures a non-empty, non-greedy run and
 * becomes meta `key` (any snake_case name is allowed, so teams can capture their own fields);
 * everything else is literal text. `{date}` only captures YYYY-MM-DD or YYYYMMDD and is
 * stored as YYYY-MM-DD. A name that does not match gives undefined: the caller warns.
 */
import type { CallMeta } from '../model/call.js';
import { coerceField, type DirectionCodes } from './fields.js';

export type NamePattern =
  | {
      ok: true;
      match(fileName: string): CallMeta | undefined;
      /** The value that keeps a name of the pattern's shape from fitting (direction "1" …), if one does. */
      misfit(fileName: string): string | undefined;
    }
  | { ok: false; message: string };

const KEY = /^[a-z_][a-z0-9_]*$/;

function escapeRegExp(text: string): string {
  // No "-" here: outside a class the `u` flag rejects "\-".
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `a/b/A128_20261001_c1.txt` → `A128_20261001_c1` (both slash kinds, only the last extension). */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function compileNamePattern(pattern: string, codes?: DirectionCodes): NamePattern {
  if (pattern.trim() === '') return { ok: false, message: 'name pattern is empty' };
  const keys: string[] = [];
  let source = '^';
  let rest = pattern;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) {
      return { ok: false, message: `name pattern "${pattern}": "}" without "{" at column ${pattern.length - rest.length + close + 1}` };
    }
    if (open === -1) {
      source += escapeRegExp(rest);
      break;
    }
    source += escapeRegExp(rest.slice(0, open));
    const end = rest.indexOf('}', open);
    const column = pattern.length - rest.length + open + 1;
    if (end === -1) return { ok: false, message: `name pattern "${pattern}": "{" at column ${column} is not closed` };
    const key = rest.slice(open + 1, end).trim();
    if (!KEY.test(key)) {
      return { ok: false, message: `name pattern "${pattern}": "{${key}}" at column ${column} is not a snake_case name like {agent_id}` };
    }
    if (keys.includes(key)) return { ok: false, message: `name pattern "${pattern}": {${key}} appears twice` };
    keys.push(key);
    source += key === 'date' ? '(\\d{4}-\\d{2}-\\d{2}|\\d{8})' : '(.+?)';
    rest = rest.slice(end + 1);
  }
  if (keys.length === 0) return { ok: false, message: `name pattern "${pattern}" has no {placeholder}: it would capture nothing` };
  const regex = new RegExp(`${source}$`, 'u');

  const read = (fileName: string): { meta: CallMeta } | { misfit?: string } => {
    const m = regex.exec(baseName(fileName));
    if (!m) return {};
    const meta: CallMeta = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const coerced = coerceField(key, m[i + 1] ?? '', codes);
      // A value of the wrong kind (20261399, direction "sideways") means the name does not fit.
      if (!coerced.ok) return { misfit: coerced.message };
      meta[key] = coerced.value;
    }
    return { meta };
  };
  return {
    ok: true,
    match: (fileName) => {
      const r = read(fileName);
      return 'meta' in r ? r.meta : undefined;
    },
    misfit: (fileName) => {
      const r = read(fileName);
      return 'meta' in r ? undefined : r.misfit;
    },
  };
}
