/**
 * Aho–Corasick multi-pattern matcher over folded text.
 *
 * Every plain phrase of a ruleset is compiled once into one automaton, and each utterance is
 * scanned once, whatever the number of phrases: cost grows with the text, not with the ruleset.
 * (A regex per phrase per rule is what this replaces; see the bench.) Written here rather than
 * taken from npm because we need pattern ids and UTF-16 offsets back, and the few packages that
 * exist are unmaintained or return strings only.
 */

export interface PatternHit {
  pattern: number;
  /** Offsets in the scanned string: [start, end). */
  start: number;
  end: number;
}

export class AhoCorasick {
  /**
   * The automaton in flat typed arrays rather than a Map per state: it is walked for every
   * character of every call, between rule evaluations that evict it from the CPU caches, and a
   * few compact arrays stay cheap to reach where hundreds of hash tables do not.
   *
   * symbolOf[code unit] = 1 … S for characters used by some pattern, 0 for the rest (most of a
   * transcript: from any state such a character leads straight back to the root).
   */
  private readonly symbolOf = new Uint16Array(65536);
  /** Root transitions by symbol (dense: the root is where the automaton spends most steps). */
  private readonly rootNext: Int32Array;
  /** Other states' transitions: edgeSymbol/edgeNext[edgeStart[s] … edgeStart[s + 1]). */
  private readonly edgeStart: Int32Array;
  private readonly edgeSymbol: Uint16Array;
  private readonly edgeNext: Int32Array;
  private readonly fail: Int32Array;
  /** Patterns ending at each state (its own, then along suffix links): outputList[outputStart[s] … outputStart[s + 1]). */
  private readonly outputStart: Int32Array;
  private readonly outputList: Int32Array;
  private readonly lengths: Int32Array;
  private readonly states: number;
  /** Where scan() leaves its hits: (pattern, end) pairs, valid until the next scan. */
  found = new Int32Array(256);

  constructor(patterns: readonly string[]) {
    // Build as a trie of Maps, then flatten.
    const edges: Array<Map<number, number>> = [new Map()];
    const own: number[][] = [[]];
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    let symbols = 0;
    patterns.forEach((pattern, id) => {
      if (pattern.length === 0) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        if (this.symbolOf[code] === 0) this.symbolOf[code] = ++symbols;
        const symbol = this.symbolOf[code] as number;
        const out = edges[state] as Map<number, number>;
        let next = out.get(symbol);
        if (next === undefined) {
          next = edges.length;
          edges.push(new Map());
          own.push([]);
          out.set(symbol, next);
        }
        state = next;
      }
      (own[state] as number[]).push(id);
    });
    this.states = edges.length;

    // Breadth-first failure links; outputs inherit the failure state's outputs.
    this.fail = new Int32Array(edges.length);
    const outputs = own.map((o) => o.slice());
    const queue: number[] = [...(edges[0] as Map<number, number>).values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q] as number;
      for (const [symbol, next] of edges[state] as Map<number, number>) {
        queue.push(next);
        let f = this.fail[state] as number;
        while (f !== 0 && !(edges[f] as Map<number, number>).has(symbol)) f = this.fail[f] as number;
        const target = (edges[f] as Map<number, number>).get(symbol);
        this.fail[next] = target !== undefined && target !== next ? target : 0;
        const inherited = outputs[this.fail[next] as number] as number[];
        if (inherited.length > 0) (outputs[next] as number[]).push(...inherited);
      }
    }

    this.rootNext = new Int32Array(symbols + 1);
    for (const [symbol, next] of edges[0] as Map<number, number>) this.rootNext[symbol] = next;
    this.edgeStart = new Int32Array(edges.length + 1);
    let edgeCount = 0;
    edges.forEach((e, state) => {
      this.edgeStart[state] = edgeCount;
      if (state > 0) edgeCount += e.size;
    });
    this.edgeStart[edges.length] = edgeCount;
    this.edgeSymbol = new Uint16Array(edgeCount);
    this.edgeNext = new Int32Array(edgeCount);
    edges.forEach((e, state) => {
      if (state === 0) return;
      let at = this.edgeStart[state] as number;
      for (const [symbol, next] of e) {
        this.edgeSymbol[at] = symbol;
        this.edgeNext[at++] = next;
      }
    });
    this.outputStart = new Int32Array(edges.length + 1);
    let outputCount = 0;
    outputs.forEach((o, state) => {
      this.outputStart[state] = outputCount;
      outputCount += o.length;
    });
    this.outputStart[edges.length] = outputCount;
    this.outputList = Int32Array.from(outputs.flat());
  }

  get stateCount(): number {
    return this.states;
  }

  /** All occurrences of all patterns in `text`, overlapping ones included, in order of end. */
  findAll(text: string): PatternHit[] {
    const count = this.scan(text);
    const found = this.found;
    const hits: PatternHit[] = new Array(count);
    for (let h = 0; h < count; h++) {
      const pattern = found[2 * h] as number;
      const end = found[2 * h + 1] as number;
      hits[h] = { pattern, start: end - (this.lengths[pattern] as number), end };
    }
    return hits;
  }

  /**
   * findAll without the hit objects: the occurrences go into `found` as (pattern, end) pairs, in
   * order of end, and their number is returned. `found` is reused by the next scan.
   */
  scan(text: string): number {
    let found = this.found;
    let count = 0;
    const { symbolOf, rootNext, edgeStart, edgeSymbol, edgeNext, fail, outputStart, outputList } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbolOf[text.charCodeAt(i)] as number;
      if (symbol === 0) {
        state = 0; // a character no pattern contains: no match can run through it
        continue;
      }
      for (;;) {
        if (state === 0) {
          state = rootNext[symbol] as number;
          break;
        }
        let next = -1;
        for (let e = edgeStart[state] as number, end = edgeStart[state + 1] as number; e < end; e++) {
          if (edgeSymbol[e] === symbol) {
            next = edgeNext[e] as number;
            break;
          }
        }
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state] as number;
      }
      for (let k = outputStart[state] as number, end = outputStart[state + 1] as number; k < end; k++) {
        if (2 * count + 2 > found.length) {
          const larger = new Int32Array(found.length * 2);
          larger.set(found);
          this.found = found = larger;
        }
        found[2 * count] = outputList[k] as number;
        found[2 * count + 1] = i + 1;
        count++;
      }
    }
    return count;
  }

}
