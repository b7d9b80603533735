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
 * coercion (12 = "12", 20261001 = "2026-10-01", 是 = true), so equal values are no conflict.
 */
import type { CallMeta, MetaValue } from '../model/call.js';
import { comparable } from './fields.js';

export interface MetaSource {
  /** Shown in conflict messages: "front matter", "manifest", "file name". */
  name: string;
  meta: CallMeta | undefined;
}

export function mergeMeta(sources: MetaSource[]): { meta: CallMeta; conflicts: string[] } {
  const meta: CallMeta = {};
  const from = new Map<string, string>();
  const conflicts: string[] = [];
  for (const source of sources) {
    if (!source.meta) continue;
    for (const [key, value] of Object.entries(source.meta)) {
      if (value === undefined || value === '') continue;
      const kept = meta[key];
      if (kept === undefined) {
        meta[key] = value;
        from.set(key, source.name);
      } else if (comparable(key, kept) !== comparable(key, value)) {
        conflicts.push(`${key}: ${from.get(key)} says ${show(kept)}, ${source.name} says ${show(value)}`);
      }
    }
  }
  return { meta, conflicts };
}

function show(value: MetaValue): string {
  return typeof value === 'string' && value.trim() !== value ? JSON.stringify(value) : String(value);
}
