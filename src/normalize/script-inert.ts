/**
 * Which texts OpenCC's script conversion provably leaves unchanged, so fold.ts can skip it.
 *
 * opencc-js converts with a chain of tries ("stages", one per dictionary group). Each stage
 * scans left to right and at each position emits the value of the longest key starting there,
 * or copies the character. So a stage can only change a text that holds a key whose value
 * differs from it.
 *
 * changeableUnits() finds a set A of UTF-16 code units ("inert") and proves, by following every
 * position through the stages, that any text made only of A comes out of the chain as it went
 * in. It over-approximates what each position can become at each stage:
 *
 *   sigma  = the units that can appear in the stage's input (A, plus what A can turn into);
 *   a key whose units all lie in sigma may match; one whose value has another length, or a
 *   surrogate or description character, must not (positions would shift), and unit j of a
 *   matching key becomes unit j of its value; a unit that is not a one-character key of the
 *   stage may also be copied as it is.
 *
 * A passes when every unit of A can end only as itself (or is one the caller puts back after
 * converting, 么). Units that fail are taken out of A; that only shrinks every set above, so the
 * others still pass. Surrogates (astral keys) and ideographic description characters (opencc-js
 * copies a described character whole, unconverted) are never in A.
 * tests/normalize/script-inert.test.ts checks the proof against opencc-js on random dictionaries.
 */

/**
 * A node of an opencc-js Trie: children by code point, and the value of the key ending here.
 * (Trie.map is the root; neither is in opencc-js's typings, so trieRoot checks the shape.)
 */
export interface TrieNode extends ReadonlyMap<number, TrieNode> {
  readonly trie_val?: string;
}

/** The root of an opencc-js Trie, or null when it is not built the way this file expects. */
export function trieRoot(trie: object): TrieNode | null {
  const map: unknown = (trie as { map?: unknown }).map;
  return map instanceof Map ? (map as TrieNode) : null;
}

const isSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdfff;
/** Ideographic description characters: opencc-js copies them and what they describe unmatched. */
const isDescriber = (u: number): boolean => u >= 0x2ff0 && u <= 0x2fff;

function pushNew(list: number[], u: number): void {
  if (!list.includes(u)) list.push(u);
}

/** The units of the proof, in both polarities so that copies are a memcpy (this runs at startup). */
class Units {
  readonly changeable = new Uint8Array(0x10000);
  readonly inert = new Uint8Array(0x10000).fill(1);
  constructor() {
    this.range(0xd800, 0xe000); // isSurrogate
    this.range(0x2ff0, 0x3000); // isDescriber
  }
  range(from: number, to: number): void {
    this.changeable.fill(1, from, to);
    this.inert.fill(0, from, to);
  }
  mark(u: number): void {
    this.changeable[u] = 1;
    this.inert[u] = 0;
  }
}

/**
 * changeable[u] = 1 when a text holding code unit u may be changed by the stages (tries applied
 * in order); a text with no such unit converts to itself. `kept`: units the caller restores after
 * converting (at the positions where the input had them, when the length did not change).
 */
export function changeableUnits(stages: readonly TrieNode[], kept: string): Uint8Array {
  const units = new Units();
  const keptUnits = Array.from(kept, (c) => c.charCodeAt(0));
  // The first units of each stage's keys, listed once; plain indexed loops below, as this runs
  // once per process, mostly in the interpreter.
  const firsts = stages.map((root) => [...root.keys()]);
  // First guess, so that one run of the proof is enough: a one-character key whose own path
  // through the stages ends elsewhere is changeable.
  for (let s = 0; s < stages.length; s++) {
    const root = stages[s] as TrieNode;
    const codes = firsts[s] as number[];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (code > 0xffff || keptUnits.includes(code) || root.get(code)?.trie_val === undefined) continue;
      let at = code;
      for (let t = 0; t < stages.length && at >= 0; t++) {
        const value = (stages[t] as TrieNode).get(at)?.trie_val;
        if (value !== undefined) at = value.length === 1 ? value.charCodeAt(0) : -1;
      }
      if (at !== code) units.mark(code);
    }
  }
  while (!prove(stages, firsts, keptUnits, units));
  return units.changeable;
}

/**
 * One run of the proof. Units whose paths end elsewhere are marked as it finishes: with fewer
 * inert units every set above can only shrink, so the rest still pass and no rerun is needed.
 * False when a key that changes the length may match: the units it blames are marked, rerun.
 */
function prove(stages: readonly TrieNode[], firsts: readonly number[][], keptUnits: readonly number[], units: Units): boolean {
  let sigma = units.inert.slice();
  // Where each inert unit may be by now; units not listed are still only themselves.
  const paths = new Map<number, number[]>();
  for (let s = 0; s < stages.length; s++) {
    const root = stages[s] as TrieNode;
    // unit → what it may become at this stage, from the keys that may match.
    const moves = new Map<number, number[]>();
    const key: number[] = [];
    // Follows the keys through `node` (reached by `code`) whose units all lie in sigma; false
    // when one of them must not match.
    const walk = (code: number, node: TrieNode): boolean => {
      key.push(code);
      const value = node.trie_val;
      if (value !== undefined) {
        let sameShape = value.length === key.length;
        for (let j = 0; j < value.length && sameShape; j++) {
          const v = value.charCodeAt(j);
          sameShape = !isSurrogate(v) && !isDescriber(v);
        }
        if (!sameShape) {
          excludeKey(key, paths, units);
          return false;
        }
        for (let j = 0; j < key.length; j++) {
          const from = key[j] as number;
          const to = moves.get(from);
          if (to) pushNew(to, value.charCodeAt(j));
          else moves.set(from, [value.charCodeAt(j)]);
        }
      }
      for (const [next, child] of node) {
        if (next <= 0xffff && sigma[next] === 1 && !walk(next, child)) return false;
      }
      key.pop();
      return true;
    };
    const codes = firsts[s] as number[];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (code <= 0xffff && sigma[code] === 1 && !walk(code, root.get(code) as TrieNode)) return false;
    }
    for (const u of moves.keys()) if (units.inert[u] === 1 && !paths.has(u)) paths.set(u, [u]);
    const next = units.inert.slice();
    for (const [unit, at] of paths) {
      const after: number[] = [];
      for (const u of at) {
        if (root.get(u)?.trie_val === undefined) pushNew(after, u); // copied when nothing matches
        for (const v of moves.get(u) ?? []) pushNew(after, v);
      }
      paths.set(unit, after);
      for (const v of after) next[v] = 1;
    }
    sigma = next;
  }
  for (const [unit, at] of paths) {
    if (!(at.length === 1 && at[0] === unit) && !keptUnits.includes(unit)) units.mark(unit);
  }
  return true;
}

/**
 * A key that may match would change the length: make one of its units unreachable by marking
 * every inert unit that can turn into it (for the unit with the fewest such sources).
 */
function excludeKey(key: readonly number[], paths: ReadonlyMap<number, number[]>, units: Units): void {
  let best: number[] | undefined;
  for (const u of key) {
    const sources: number[] = [];
    if (units.inert[u] === 1) sources.push(u);
    for (const [unit, at] of paths) if (unit !== u && at.includes(u)) sources.push(unit);
    if (!best || sources.length < best.length) best = sources;
  }
  // Every unit of the key can occur here, so each has a source, and all are inert till now.
  for (const u of best ?? []) units.mark(u);
}
