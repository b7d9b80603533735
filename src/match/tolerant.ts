/**
 * Near matches of phrases in folded text: a bounded edit distance where a substitution by a
 * homophone is free (well, almost: it only breaks ties), for transcripts the recogniser got
 * slightly wrong (「您好很高兴您服务」 for 很高兴为您服务, 「在见」 for 再见).
 *
 * How much is tolerated grows with the phrase (see allowedEdits): one Chinese character carries a
 * whole word's worth of meaning, so a 2–3 character phrase stays exact — one edit would make
 * 满意 of 不满意 or 投诉 of 不投诉 — while 很高兴为您服务 survives a dropped 为. Whatever the
 * budget, a negation character (不 没 别 未 无 非) is never dropped, added or substituted, and the
 * first and last characters must be heard as written, as a homophone or as 你 for 您 (an edge is
 * where another word begins: 请问有什么可以帮您 is not 还有什么可以帮您, 没有其他问题 is not
 * 还有其他问题), so a near match cannot flip a phrase's meaning (对服务很满意 never matches
 * 对服务不满意); nor does a polite 您 stand in for a phrase's 你.
 *
 * Cost stays near-linear: a phrase with budget k is split into k+1 pieces of sound keys; any
 * match within k edits contains one piece unchanged (pigeonhole), so one Aho–Corasick scan over
 * an utterance's keys finds the few places worth verifying, and the edit-distance table is
 * computed only on a small window around each (Sellers' algorithm: free start in the text).
 * A piece hit is kept only if the phrase's first and last sounds are heard where that piece puts
 * them (give or take k): with tens of thousands of phrases short pieces hit everywhere, and the
 * edges, which a match must hear, turn most of those hits away before any table is built.
 */
import { AhoCorasick } from './aho-corasick.js';
import { soundKey, soundKeys } from './sound-keys.js';
import { NI, NIN, nearIn, type NearHit } from './edit-table.js';
import { sortShort } from '../model/order.js';

/** Near-match types and the negations live with the table that verifies a match; importers keep one door. */
export { NEGATIONS, type NearHit, type NearOp } from './edit-table.js';

/** A tolerance policy: most edits for long phrases, and whether homophones are free. */
export interface TolerancePolicy {
  edits: number;
  homophones: boolean;
}

/** `tolerance: auto`. */
export const AUTO_TOLERANCE: TolerancePolicy = { edits: 2, homophones: true };

/**
 * Edits allowed for a phrase of `length` characters: ≤3 → 0, 4–6 → 1, 7–9 → 2, 10+ → 3, capped
 * by the policy. About one edit per three characters keeps at least two thirds of the phrase as
 * said, which is what lets a reader still recognise it. A dropped or added character is one edit
 * (and 你 heard for 您); a character replaced by one that does not sound the same is two.
 */
export function allowedEdits(length: number, cap: number): number {
  return length <= 3 ? 0 : Math.min(cap, Math.floor((length - 1) / 3));
}


/** Where the tolerant patterns may occur in a text: merged windows per pattern. */
export interface Candidates {
  /** Patterns with at least one window, in order of their first piece hit. */
  readonly patterns: readonly number[];
  /** windows[i]: the windows of patterns[i], merged, in order of start. */
  readonly windows: ReadonlyArray<Array<[number, number]>>;
}

const NO_CANDIDATES: Candidates = Object.freeze({ patterns: Object.freeze([]), windows: Object.freeze([]) });
const NO_PIECE_HITS = new Int32Array(0);

/** The windows of one pattern, if it has any. */
export function windowsOf(candidates: Candidates, pattern: number): Array<[number, number]> | undefined {
  const i = candidates.patterns.indexOf(pattern);
  return i < 0 ? undefined : candidates.windows[i];
}

/** Longer phrases (whole sentences) are matched exactly only: their table would not be small. */
const MAX_TOLERANT_LENGTH = 40;

export class TolerantMatcher {
  private readonly pieces: AhoCorasick;
  /** Per piece id: [pattern, offset of the piece in the pattern]. */
  private readonly pieceAt: Array<[number, number]> = [];
  private readonly keys: string[];

  /** budgets[pattern] = most edits any tolerant use of it allows; -1: never tolerant. */
  constructor(
    private readonly patterns: readonly string[],
    private readonly budgets: readonly number[],
  ) {
    this.keys = patterns.map((p, i) => ((budgets[i] ?? -1) >= 0 ? soundKeys(p) : ''));
    const pieces: string[] = [];
    patterns.forEach((p, id) => {
      const k = budgets[id] ?? -1;
      if (k < 0 || p.length < 2 || p.length > MAX_TOLERANT_LENGTH) return;
      const keys = this.keys[id] as string;
      const count = k + 1;
      let at = 0;
      for (let i = 0; i < count; i++) {
        const len = Math.floor(p.length / count) + (i < p.length % count ? 1 : 0);
        pieces.push(keys.slice(at, at + len));
        this.pieceAt.push([id, at]);
        at += len;
      }
    });
    this.pieces = new AhoCorasick(pieces);
    this.flat = {
      piecePattern: Int32Array.from(this.pieceAt, (p) => p[0]),
      pieceOffset: Int32Array.from(this.pieceAt, (p) => p[1]),
      pieceLength: Int32Array.from(pieces, (p) => p.length),
      patternLength: Int32Array.from(patterns, (p) => p.length),
      patternBudget: Int32Array.from(patterns, (_, i) => budgets[i] ?? -1),
      firstKey: Int32Array.from(this.keys, (k) => (k.length > 0 ? k.charCodeAt(0) : -1)),
      lastKey: Int32Array.from(this.keys, (k) => (k.length > 0 ? k.charCodeAt(k.length - 1) : -1)),
      firstAlt: Int32Array.from(patterns, (p) => edgeAlternative(p.charCodeAt(0))),
      lastAlt: Int32Array.from(patterns, (p) => edgeAlternative(p.charCodeAt(p.length - 1))),
      slotOf: new Int32Array(patterns.length).fill(-1),
    };
  }

  /** The same facts in flat arrays, for the per-utterance candidate scan. */
  private readonly flat: {
    piecePattern: Int32Array;
    pieceOffset: Int32Array;
    pieceLength: Int32Array;
    patternLength: Int32Array;
    patternBudget: Int32Array;
    /** A pattern's first and last sound keys, and the other key its edge may be heard as (-1: none). */
    firstKey: Int32Array;
    lastKey: Int32Array;
    firstAlt: Int32Array;
    lastAlt: Int32Array;
    slotOf: Int32Array;
  };

  /** Whether any pattern is tolerant at all (a ruleset with tolerance off everywhere skips all work). */
  get active(): boolean {
    return this.pieceAt.length > 0;
  }

  budget(pattern: number): number {
    return this.budgets[pattern] ?? -1;
  }

  /** Windows of the text worth verifying, per pattern (merged, in order). */
  candidates(keyed: string): Candidates {
    return this.windowsFrom(this.pieceHits(keyed), keyed.length);
  }

  /**
   * The pieces found in a keyed text whose phrase's edges are heard where they put them, as
   * (piece, end) pairs in order of end: a copy to keep per utterance, so each question about one
   * phrase set builds windows for that set's patterns only.
   */
  pieceHits(keyed: string): Int32Array {
    const count = this.pieces.scan(keyed);
    if (count === 0) return NO_PIECE_HITS;
    // Filtered once here, not per phrase set asking: the sets ask about an utterance dozens of times.
    const found = this.pieces.found;
    const kept = new Int32Array(2 * count);
    let n = 0;
    for (let h = 0; h < 2 * count; h += 2) {
      const piece = found[h] as number;
      const end = found[h + 1] as number;
      if (!this.edgesHeard(keyed, piece, end)) continue;
      kept[n++] = piece;
      kept[n++] = end;
    }
    return n === 0 ? NO_PIECE_HITS : kept.slice(0, n);
  }

  /** How many pieces occur in a keyed text before the edges are checked (for tests and counts). */
  pieceOccurrences(keyed: string): number {
    return this.pieces.scan(keyed);
  }

  /**
   * If this piece is the one a match heard unchanged, the match starts within k of where the piece
   * puts the phrase's start and ends within k of its end (each dropped or added character shifts
   * it by one), and its edges are heard there. The first piece holds the first sound itself, the
   * last piece the last.
   */
  private edgesHeard(keyed: string, piece: number, end: number): boolean {
    const { piecePattern, pieceOffset, pieceLength, patternLength, patternBudget, firstKey, lastKey, firstAlt, lastAlt } = this.flat;
    const pattern = piecePattern[piece] as number;
    const k = patternBudget[pattern] as number;
    const offset = pieceOffset[piece] as number;
    const length = pieceLength[piece] as number;
    const m = patternLength[pattern] as number;
    const at = end - length - offset;
    if (offset > 0 && !heardNear(keyed, at - k, at + k, firstKey[pattern] as number, firstAlt[pattern] as number)) return false;
    return offset + length >= m || heardNear(keyed, at + m - 1 - k, at + m - 1 + k, lastKey[pattern] as number, lastAlt[pattern] as number);
  }

  /**
   * Windows worth verifying, per pattern, from a text's piece hits; with `wanted`, only for the
   * patterns it has (a phrase set's): an utterance's pieces point at a dozen patterns of the
   * ruleset, and a set owns one of them now and then.
   */
  windowsFrom(hits: Int32Array, length: number, wanted?: ReadonlyMap<number, unknown>): Candidates {
    if (hits.length === 0) return NO_CANDIDATES;
    const { piecePattern, pieceOffset, pieceLength, patternLength, patternBudget, slotOf } = this.flat;
    // Patterns are numbered per ruleset: a flat slot table finds a pattern's list without the
    // hashing a Map would do for every piece hit (it was most of this function's time).
    let patterns: number[] | undefined;
    let windows: Array<Array<[number, number]>> | undefined;
    for (let h = 0; h < hits.length; h += 2) {
      const piece = hits[h] as number;
      const pattern = piecePattern[piece] as number;
      if (wanted !== undefined && !wanted.has(pattern)) continue;
      const k = patternBudget[pattern] as number;
      const at = (hits[h + 1] as number) - (pieceLength[piece] as number) - (pieceOffset[piece] as number);
      const from = Math.max(0, at - k);
      const to = Math.min(length, at + (patternLength[pattern] as number) + 2 * k);
      const slot = slotOf[pattern] as number;
      if (slot < 0) {
        patterns ??= [];
        windows ??= [];
        slotOf[pattern] = patterns.length;
        patterns.push(pattern);
        windows.push([[from, to]]);
      } else (windows as Array<Array<[number, number]>>)[slot]?.push([from, to]);
    }
    if (!patterns || !windows) return NO_CANDIDATES;
    for (const pattern of patterns) slotOf[pattern] = -1;
    for (const list of windows) if (list.length > 1) mergeWindows(list);
    return { patterns, windows };
  }

  /** Near occurrences of one pattern inside the given windows (exact ones included, cost 0). */
  verify(text: string, keyed: string, pattern: number, windows: Array<[number, number]>): NearHit[] {
    const phrase = this.patterns[pattern] as string;
    const hits: NearHit[] = [];
    for (const [from, to] of windows) {
      const found = nearIn(text, keyed, from, to, phrase, this.keys[pattern] as string, this.budget(pattern), pattern);
      for (const hit of found) hits.push(hit); // mostly none: no spread call for nothing
    }
    return hits;
  }
}

/** Whether a key in keyed[lo..hi] (clipped to the text) is `key` or `alt`. */
function heardNear(keyed: string, lo: number, hi: number, key: number, alt: number): boolean {
  for (let j = Math.max(0, lo), last = Math.min(keyed.length - 1, hi); j <= last; j++) {
    const here = keyed.charCodeAt(j);
    if (here === key || here === alt) return true;
  }
  return false;
}

/**
 * The sound key an edge character may also be heard as, at the cost of an edit (see substitution:
 * a phrase's 您 heard as 你), or -1. Every other edge must be heard as written or as a homophone.
 */
function edgeAlternative(code: number): number {
  return code === NIN ? soundKey(NI) : -1;
}

/**
 * Sort and merge overlapping windows, in place. Hits arrive in order of end, but a later piece of
 * a phrase points further back than an earlier one (好的好 + 的好的 over 好的好的好的), so the
 * windows' starts are not in order.
 */
function mergeWindows(list: Array<[number, number]>): void {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as [number, number])[0] < (list[i - 1] as [number, number])[0]) {
      sortShort(list, byWindowStart);
      break;
    }
  }
  let kept = 0;
  for (let i = 1; i < list.length; i++) {
    const last = list[kept] as [number, number];
    const next = list[i] as [number, number];
    if (next[0] <= last[1]) last[1] = Math.max(last[1], next[1]);
    else list[++kept] = next;
  }
  list.length = kept + 1;
}

function byWindowStart(a: [number, number], b: [number, number]): number {
  return a[0] - b[0];
}

/** 「1 edit: 为 dropped」, 「homophone 在 for 再」: what a reviewer reads next to a near match. */
export function describeNear(hit: Pick<NearHit, 'edits' | 'ops'>): string {
  const parts = hit.ops.map((o) => {
    switch (o.kind) {
      case 'dropped':
        return `${o.said} dropped`;
      case 'added':
        return `${o.heard} added`;
      case 'changed':
        return `${o.heard} for ${o.said}`;
      case 'homophone':
        return `homophone ${o.heard} for ${o.said}`;
    }
  });
  const edits = hit.edits > 0 ? `${hit.edits} edit${hit.edits > 1 ? 's' : ''}: ` : '';
  return `${edits}${parts.join(', ')}`;
}
