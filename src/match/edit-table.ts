/**
 * Verifying a near match: Sellers' edit-distance table over a window of the text (a free start),
 * with costs that keep a phrase's meaning — negations never dropped, added or changed, edges heard
 * as written or as a homophone, 你 for 您 a slip but never 您 for 你 — and the traceback that says
 * what differs, for the reviewer. src/match/tolerant.ts decides which windows are worth it.
 */
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

const EDIT = 64;
const HOMOPHONE = 1;
const INF = 1 << 28;
/** Characters a match with a dropped one must still have. */
export const MIN_HEARD = 4;

/** Sellers' table over text[from, to): D[i][j] = cheapest alignment of phrase[0, i) ending at j. */
export function nearIn(text: string, keyed: string, from: number, to: number, phrase: string, pkeys: string, k: number, pattern: number): NearHit[] {
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

export const NI = '你'.charCodeAt(0);
export const NIN = '您'.charCodeAt(0);

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
