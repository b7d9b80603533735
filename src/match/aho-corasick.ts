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
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    // The trie in flat arrays, children as lists in creation order (the root's also by symbol):
    // a Map per state made the build, and its garbage, cost seconds on a 50,000-phrase lexicon.
    // States are numbered in creation order, so the flattened automaton is what a trie of Maps
    // gives.
    let maxStates = 1;
    for (const p of patterns) maxStates += p.length;
    /** 0 = none: the root (state 0) is nobody's child. */
    const firstChild = new Int32Array(maxStates);
    const lastChild = new Int32Array(maxStates);
    const nextSibling = new Int32Array(maxStates);
    const symbolIn = new Uint16Array(maxStates);
    const rootChild = new Int32Array(65537);
    /** Patterns ending at each state, in id order: a list through ownNext (-1 ends it). */
    const ownHead = new Int32Array(maxStates).fill(-1);
    const ownTail = new Int32Array(maxStates);
    const ownNext = new Int32Array(patterns.length).fill(-1);
    const ownCount = new Int32Array(maxStates);
    const child = (state: number, symbol: number): number => {
      if (state === 0) return rootChild[symbol] as number;
      for (let c = firstChild[state] as number; c !== 0; c = nextSibling[c] as number) if (symbolIn[c] === symbol) return c;
      return 0;
    };
    let states = 1;
    let symbols = 0;
    patterns.forEach((pattern, id) => {
      if (pattern.length === 0) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        if (this.symbolOf[code] === 0) this.symbolOf[code] = ++symbols;
        const symbol = this.symbolOf[code] as number;
        let next = child(state, symbol);
        if (next === 0) {
          next = states++;
          symbolIn[next] = symbol;
          if (firstChild[state] === 0) firstChild[state] = next;
          else nextSibling[lastChild[state] as number] = next;
          lastChild[state] = next;
          if (state === 0) rootChild[symbol] = next;
        }
        state = next;
      }
      if (ownHead[state] === -1) ownHead[state] = id;
      else ownNext[ownTail[state] as number] = id;
      ownTail[state] = id;
      ownCount[state] = (ownCount[state] as number) + 1;
    });
    this.states = states;

    // Breadth-first failure links; outputs inherit the failure state's outputs.
    this.fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let queued = 0;
    for (let c = firstChild[0] as number; c !== 0; c = nextSibling[c] as number) queue[queued++] = c;
    const outCount = Int32Array.from(ownCount.subarray(0, states));
    for (let q = 0; q < queued; q++) {
      const state = queue[q] as number;
      for (let next = firstChild[state] as number; next !== 0; next = nextSibling[next] as number) {
        queue[queued++] = next;
        const symbol = symbolIn[next] as number;
        let f = this.fail[state] as number;
        while (f !== 0 && child(f, symbol) === 0) f = this.fail[f] as number;
        const target = child(f, symbol);
        this.fail[next] = target !== 0 && target !== next ? target : 0;
        outCount[next] = (outCount[next] as number) + (outCount[this.fail[next] as number] as number);
      }
    }

    this.rootNext = new Int32Array(symbols + 1);
    for (let c = firstChild[0] as number; c !== 0; c = nextSibling[c] as number) this.rootNext[symbolIn[c] as number] = c;
    this.edgeStart = new Int32Array(states + 1);
    let edgeCount = 0;
    for (let state = 0; state < states; state++) {
      this.edgeStart[state] = edgeCount;
      if (state > 0) for (let c = firstChild[state] as number; c !== 0; c = nextSibling[c] as number) edgeCount++;
    }
    this.edgeStart[states] = edgeCount;
    this.edgeSymbol = new Uint16Array(edgeCount);
    this.edgeNext = new Int32Array(edgeCount);
    for (let state = 1; state < states; state++) {
      let at = this.edgeStart[state] as number;
      for (let c = firstChild[state] as number; c !== 0; c = nextSibling[c] as number) {
        this.edgeSymbol[at] = symbolIn[c] as number;
        this.edgeNext[at++] = c;
      }
    }
    // Each state's outputs: its own patterns, then its failure state's (filled before it, in
    // breadth-first order, being shallower).
    this.outputStart = new Int32Array(states + 1);
    let outputCount = 0;
    for (let state = 0; state < states; state++) {
      this.outputStart[state] = outputCount;
      outputCount += outCount[state] as number;
    }
    this.outputStart[states] = outputCount;
    this.outputList = new Int32Array(outputCount);
    for (let q = 0; q < queued; q++) {
      const state = queue[q] as number;
      let at = this.outputStart[state] as number;
      for (let id = ownHead[state] as number; id !== -1; id = ownNext[id] as number) this.outputList[at++] = id;
      const f = this.fail[state] as number;
      this.outputList.copyWithin(at, this.outputStart[f] as number, this.outputStart[f + 1] as number);
    }
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
