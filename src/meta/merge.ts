/**
 * One call's metadata from several sources.
 *
 * Precedence is the order of `sources`; callers pass them as
 *   1. the transcript's own front matter — written with the call, the most specific;
 *   2. the manifest (call log)            — a system export, right for most calls;
 *   3. a vendor JSON's own call fields    — the recogniser's or an export's (readers/json-meta.ts);
 *   4. the file-name pattern              — a naming convention, the easiest to get wrong.
 * A later source only fills keys the earlier ones left missing. When two sources give
 * DIFFERENT values for one key the earlier still wins, and a conflict message names both
 * sources and values, for errors.csv: nothing is resolved silently. Values are compared after
 * coercion (12 = "12", 20261001 = "2026-10-01", 是 = true), so equal values are no conflict. A value
 * kept only because it could not be read (direction "2") gives way to a later readable one, said too.
 */
import type { CallMeta, MetaValue } from '../model/call.js';
import { coerceField, comparable, KEPT_WHEN_UNREADABLE } from './fields.js';

export interface MetaSource {
  /** Shown in conflict messages: "front matter", "manifest", "file name". */
  name: string;
  meta: CallMeta | undefined;
}

/**
 * `conflicts`: the earlier source's value kept. `readable`: an earlier value kept as written only
 * because no reading fits it (direction "2", region "华东": see KEPT_WHEN_UNREADABLE) gives way to a
 * later source's readable one: it stood in for "unknown", which the later source answers.
 */
export function mergeMeta(sources: MetaSource[]): { meta: CallMeta; conflicts: string[]; readable: string[] } {
  const meta: CallMeta = {};
  const from = new Map<string, string>();
  const conflicts: string[] = [];
  const readable: string[] = [];
  for (const source of sources) {
    if (!source.meta) continue;
    for (const [key, value] of Object.entries(source.meta)) {
      if (value === undefined || value === '') continue;
      const kept = meta[key];
      if (kept === undefined) {
        meta[key] = value;
        from.set(key, source.name);
      } else if (comparable(key, kept) !== comparable(key, value)) {
        const message = `${key}: ${from.get(key)} says ${show(kept)}, ${source.name} says ${show(value)}`;
        if (unread(key, kept) && !unread(key, value)) {
          readable.push(message);
          meta[key] = value;
          from.set(key, source.name);
        } else conflicts.push(message);
      }
    }
  }
  return { meta, conflicts, readable };
}

function unread(key: string, value: MetaValue): boolean {
  return KEPT_WHEN_UNREADABLE.has(key) && !coerceField(key, String(value)).ok;
}

function show(value: MetaValue): string {
  return typeof value === 'string' && value.trim() !== value ? JSON.stringify(value) : String(value);
}
