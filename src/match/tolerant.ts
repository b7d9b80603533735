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
import { sortShort } from '../model/order.js';

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

/** Characters whose loss, addition or change flips a phrase's meaning. */
export const NEGATIONS = new Set(['不', '没', '别', '未', '无', '非'].map((c) => c.charCodeAt(0)));

export type NearOp =
  | { kind: 'dropped'; said: string }
  | { kind: 'added'; heard: string }
  | { kind: 'changed'; said: string; heard: string }
  | { kind: 'homophone'; said: string; heard: string };

export interface NearHit {
  pattern: number;
  /** Offsets in the folded text. */
  start: number;
  end: number;
  edits: number;
  homophones: number;
  /** Differences from the phrase, in phrase order. */
  ops: NearOp[];
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

const EDIT = 64;
const HOMOPHONE = 1;
const INF = 1 << 28;
/** Characters a match with a dropped one must still have. */
const MIN_HEARD = 4;
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

/** Sellers' table over text[from, to): D[i][j] = cheapest alignment of phrase[0, i) ending at j. */
function nearIn(text: string, keyed: string, from: number, to: number, phrase: string, pkeys: string, k: number, pattern: number): NearHit[] {
  const m = phrase.length;
  const w = to - from;
  const cols = w + 1;
  const d = scratchTable((m + 1) * cols);
  const limit = k * EDIT + m * HOMOPHONE;
  d.fill(0, 0, cols); // free start: a match may begin anywhere in the window
  // The window's characters, their keys and the cost of hearing each one added: read once, not once per row.
  const { chars, keys, added } = scratchColumns(cols);
  for (let j = 1; j <= w; j++) {
    const tc = text.charCodeAt(from + j - 1);
    chars[j] = tc;
    keys[j] = keyed.charCodeAt(from + j - 1);
    added[j] = isNegation(tc) ? INF : EDIT;
  }
  for (let i = 1; i <= m; i++) {
    const pc = phrase.charCodeAt(i - 1);
    const pk = pkeys.charCodeAt(i - 1);
    const edge = i === 1 || i === m;
    const del = deletion(pc, i, m);
    let rowMin = Math.min(INF, (d[(i - 1) * cols] as number) + del);
    d[i * cols] = rowMin;
    for (let j = 1; j <= w; j++) {
      const diag = (d[(i - 1) * cols + j - 1] as number) + substitution(pc, chars[j] as number, pk, keys[j] as number, edge);
      const up = (d[(i - 1) * cols + j] as number) + del;
      const left = (d[i * cols + j - 1] as number) + (added[j] as number);
      const cost = Math.min(INF, diag, up, left);
      d[i * cols + j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    // Costs never fall from one row to the next: once a whole row is over the limit, so is the
    // last one, and no end can be accepted (most windows are rejected a few rows in).
    if (rowMin > limit) return [];
  }
  const minExact = Math.ceil(m / 2);
  const hits: NearHit[] = [];
  const last = m * cols;
  for (let j = 1; j <= w; j++) {
    if ((d[last + j] as number) > limit) continue;
    // The best end of this run of acceptable ends.
    let best = j;
    while (j + 1 <= w && (d[last + j + 1] as number) <= limit) {
      j++;
      if ((d[last + j] as number) <= (d[last + best] as number)) best = j; // ties: the longer span quotes more of what was heard
    }
    const hit = traceback(d, cols, text, keyed, from, phrase, pkeys, best, pattern);
    const exact = m - hit.ops.filter((o) => o.kind !== 'added').length;
    const heard = m - hit.ops.filter((o) => o.kind === 'dropped').length;
    // Three characters left of a four-character phrase are another word as often as not
    // (请您心: 请您耐心 or 请您放心?), so a drop must leave at least four heard.
    if (hit.edits <= k && exact >= minExact && (heard === m || heard >= MIN_HEARD)) hits.push(hit);
  }
  return hits;
}

/** One table reused by every verification (allocating a typed array costs more than filling it). */
let scratch = new Int32Array(1024);
function scratchTable(size: number): Int32Array {
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/** Per-column scratch for nearIn, grown like the table. */
let columns = { chars: new Int32Array(64), keys: new Int32Array(64), added: new Int32Array(64) };
function scratchColumns(size: number): typeof columns {
  if (columns.chars.length < size) {
    const n = Math.max(size, columns.chars.length * 2);
    columns = { chars: new Int32Array(n), keys: new Int32Array(n), added: new Int32Array(n) };
  }
  return columns;
}

const NEGATION_CODES = new Uint8Array(65536);
for (const code of NEGATIONS) NEGATION_CODES[code] = 1;
function isNegation(code: number): boolean {
  return NEGATION_CODES[code] === 1;
}

/** Cost of dropping the phrase's i-th character (1-based) of m. */
function deletion(pc: number, i: number, m: number): number {
  // The first and last characters must be heard (as written or as a homophone), never dropped:
  // a phrase's edges are where the next word begins, and 还有其他问题吗 must not match 没|有其他问题吗.
  return isNegation(pc) || i === 1 || i === m ? INF : EDIT;
}

const NI = '你'.charCodeAt(0);
const NIN = '您'.charCodeAt(0);

/** Cost of hearing the phrase's character pc as tc; `edge`: pc is the first or last character. */
function substitution(pc: number, tc: number, pk: number, tk: number, edge: boolean): number {
  if (pc === tc) return 0;
  if (isNegation(pc) || isNegation(tc)) return INF;
  // 您 heard as 你 is a common recogniser slip; but a phrase's 你 is there on purpose (taboos
  // like 你再说一遍 are rude because of it), so the polite 您 never stands in for it.
  if (pc === NI && tc === NIN) return INF;
  if (pk === tk) return HOMOPHONE;
  if (pc === NIN && tc === NI) return EDIT; // the recogniser's commonest slip
  // The edges anchor a phrase: another character there is another phrase (请问有… is not 还有…).
  // Elsewhere another character is another word (请您耐心 is not 请您放心): it costs what a drop
  // plus an addition cost, so only phrases of 7+ characters can absorb one.
  return edge ? INF : 2 * EDIT;
}

function traceback(d: Int32Array, cols: number, text: string, keyed: string, from: number, phrase: string, pkeys: string, end: number, pattern: number): NearHit {
  const ops: NearOp[] = [];
  let i = phrase.length;
  let j = end;
  while (i > 0) {
    const here = d[i * cols + j] as number;
    const pc = phrase.charCodeAt(i - 1);
    if (j > 0) {
      const tc = text.charCodeAt(from + j - 1);
      const sub = substitution(pc, tc, pkeys.charCodeAt(i - 1), keyed.charCodeAt(from + j - 1), i === 1 || i === phrase.length);
      if (here === (d[(i - 1) * cols + j - 1] as number) + sub) {
        const said = phrase[i - 1] as string;
        const heard = text[from + j - 1] as string;
        if (sub === HOMOPHONE) ops.push({ kind: 'homophone', said, heard });
        else if (sub > 0) ops.push({ kind: 'changed', said, heard });
        i--;
        j--;
        continue;
      }
    }
    if (here === (d[(i - 1) * cols + j] as number) + deletion(pc, i, phrase.length)) {
      ops.push({ kind: 'dropped', said: phrase[i - 1] as string });
      i--;
      continue;
    }
    ops.push({ kind: 'added', heard: text[from + j - 1] as string });
    j--;
  }
  const cost = d[phrase.length * cols + end] as number;
  ops.reverse();
  return { pattern, start: from + j, end: from + end, edits: Math.floor(cost / EDIT), homophones: cost % EDIT, ops };
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
