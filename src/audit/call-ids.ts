/**
 * Calls that share a call_id. The id is how reviewers, overrides and HR name a call, and it
 * defaults to the file name, so A1/001.txt and A2/001.txt are both "001". Such calls are still
 * scored (they are different calls), but the clash is listed, and an override naming a shared id
 * — which the workers apply to every call with that id — is reported as applied to all of them.
 */
import type { ErrorRow } from '../report/index.js';
import type { OverrideEntry } from '../workflow/overrides.js';
import { grown, PackedStrings, StringIndex, type StringList } from '../model/string-index.js';

export class CallIds {
  /** Every distinct id, packed (a month of ids as a Map was ~90 bytes a call). */
  private readonly ids = new PackedStrings();
  /** Input index of the first call with each id, by its entry in `ids`. */
  private firstAt = new Uint32Array(1024);
  private readonly entryOf = new StringIndex((entry) => this.ids.at(entry) as string);
  /** Input indexes of every call whose id is shared (only those ids). */
  private readonly shared = new Map<string, number[]>();

  constructor(private readonly files: StringList) {}

  /** Note the call read from files[index]; a warning when an earlier input has its id. */
  note(id: string, index: number): ErrorRow | undefined {
    const entry = this.entryOf.get(id);
    if (entry < 0) {
      const added = this.ids.push(id);
      this.entryOf.add(id, added);
      if (added === this.firstAt.length) this.firstAt = grown(this.firstAt, added + 1);
      this.firstAt[added] = index;
      return undefined;
    }
    const first = this.firstAt[entry] as number;
    const all = this.shared.get(id) ?? [first];
    all.push(index);
    this.shared.set(id, all);
    const file = this.files.at(index) as string;
    return { file, severity: 'warning', stage: 'input', message: `call_id "${id}" is also the id of ${this.files.at(first)}: an override naming it applies to both; give each call its own call_id` };
  }

  /** Overrides that named a shared id, one error row each. */
  ambiguousOverrides(overridesFile: string, entries: readonly OverrideEntry[]): ErrorRow[] {
    return entries.flatMap((e) => {
      const all = this.shared.get(e.callId);
      if (!all) return [];
      const files = all.map((i) => this.files.at(i)).join(', ');
      return [{ file: overridesFile, severity: 'error' as const, stage: 'override', message: `line ${e.line}: call "${e.callId}" names ${all.length} calls (${files}); the decision was applied to each` }];
    });
  }
}
