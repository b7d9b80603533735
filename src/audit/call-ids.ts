/**
 * Calls that share a call_id. The id is how reviewers, overrides and HR name a call, and it
 * defaults to the file name, so A1/001.txt and A2/001.txt are both "001". Such calls are still
 * scored (they are different calls), but the clash is listed, and an override naming a shared id
 * — which the workers apply to every call with that id — is reported as applied to all of them.
 *
 * Every id is noted as its call is taken and the clashes are found at the end, by sorting the
 * ids: on disk past a limit (an external merge sort), so a month of millions of calls costs no
 * more memory than a small one. errors.csv is sorted, so when a clash is found does not show.
 */
import type { ErrorRow } from '../report/index.js';
import type { OverrideEntry } from '../workflow/overrides.js';
import { tmpdir } from 'node:os';
import { scratchError } from '../model/scratch.js';
import { byteOrder } from '../model/order.js';
import { SpillSort } from '../model/spill-sort.js';
import type { StringList } from '../model/packed-strings.js';

interface NotedId {
  id: string;
  /** The call's input index. */
  at: number;
}

export class CallIds {
  private readonly noted: SpillSort<NotedId>;
  /** Input indexes of the calls sharing an id, for the ids overrides name (only those). */
  private readonly shared = new Map<string, number[]>();

  /**
   * `files`: the inputs, by index; `named`: the call ids overrides name; `folder`: where the ids
   * go past `limit` (asked for only then).
   */
  constructor(
    private readonly files: StringList,
    private readonly named: ReadonlySet<string>,
    folder: () => string,
    limit?: number,
  ) {
    this.noted = new SpillSort(folder, (a, b) => byteOrder(a.id, b.id) || a.at - b.at, limit);
  }

  /** Note the call read from files[index]. Throws a ScratchError when the ids cannot be spilled. */
  note(id: string, index: number): void {
    try {
      this.noted.add({ id, at: index });
    } catch (err) {
      throw scratchError(err, tmpdir());
    }
  }

  /** After the last call: a warning row for each call whose id an earlier input has. */
  *clashes(): Generator<ErrorRow> {
    let first: NotedId | undefined;
    /** The calls of `first`'s id, kept only when an override names it. */
    let group: number[] | undefined;
    const close = (): void => {
      if (first && group && group.length > 1) this.shared.set(first.id, group);
    };
    for (const noted of this.sortedIds()) {
      if (first?.id !== noted.id) {
        close();
        first = noted;
        group = this.named.has(noted.id) ? [noted.at] : undefined;
        continue;
      }
      group?.push(noted.at);
      const file = this.files.at(noted.at) as string;
      yield { file, severity: 'warning', stage: 'input', message: `call_id "${noted.id}" is also the id of ${this.files.at(first.at)}: an override naming it applies to both; give each call its own call_id` };
    }
    close();
    this.noted.discard();
  }

  private *sortedIds(): Generator<NotedId> {
    try {
      yield* this.noted.sorted();
    } catch (err) {
      throw scratchError(err, tmpdir());
    }
  }

  /** Overrides that named a shared id, one error row each (after clashes()). */
  ambiguousOverrides(overridesFile: string, entries: readonly OverrideEntry[]): ErrorRow[] {
    return entries.flatMap((e) => {
      const all = this.shared.get(e.callId);
      if (!all) return [];
      const files = all.map((i) => this.files.at(i)).join(', ');
      return [{ file: overridesFile, severity: 'error' as const, stage: 'override', message: `line ${e.line}: call "${e.callId}" names ${all.length} calls (${files}); the decision was applied to each` }];
    });
  }
}
