/**
 * Folding: the one text form that rules and transcripts are compared in.
 *
 *   traditional / Taiwan / Hong Kong variants → simplified (opencc-js)
 *   full-width → half-width, compatibility forms → canonical (NFKC), Latin lower-cased
 *   punctuation and whitespace dropped
 *
 * so 「您好，請問有什麼可以幫您？」 and 「您好请问有什么可以帮您」 fold to the same string. The fold
 * keeps a map from every folded character back to the original, so evidence can quote the
 * speaker's own characters.
 */
import * as OpenCC from 'opencc-js';
import type { DictGroup, DictLike } from 'opencc-js';
import { changeableUnits, trieRoot, type TrieNode } from './script-inert.js';

const SEPARATOR = '\u0001';

/**
 * HK and TW variant characters back to OpenCC standard, then traditional → simplified: what
 * OpenCC.ConverterFactory(from.hk, from.tw, to.cn) builds (one Trie per dictionary group, applied
 * in turn), built here so that script-inert.ts can read the same tries.
 */
const GROUPS: readonly DictGroup[] = [...OpenCC.Locale.from.hk, ...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn];
const STAGES = GROUPS.map((group) => {
  const trie = new OpenCC.Trie();
  trie.loadDictGroup(group);
  return trie;
});

function toSimplified(text: string): string {
  let out = text;
  for (const stage of STAGES) out = stage.convert(out);
  return out;
}

export interface FoldedText {
  /** Simplified, half-width, lower-case letters and digits only. */
  folded: string;
  /** map[i] = index in the original string of folded[i] (a plain array: typed-array allocation cost more than the fold itself). */
  map: readonly number[];
}

/**
 * Simplified characters that OpenCC's t→s tables read as traditional variants and change:
 * a lone 么 becomes 幺 (so 还有么需要, with 什 dropped by the recogniser, could never match).
 * They are put back after conversion; their traditional forms (麼) still fold to them.
 */
const KEEP_AS_IS = /[么]/g;

/**
 * SCRIPT[u] for a UTF-16 code unit u: 0 when no text made of such units is changed by
 * toSimplified (proved from the tries themselves, see script-inert.ts), 1 when it may be, 2 for
 * the separator and ideographic description characters (opencc-js copies those and what follows
 * unconverted, across the separator too). null: no filter, everything is converted as before.
 * Built on first use, once per thread: about 10 ms of CPU, 64 KB.
 */
let SCRIPT: Uint8Array | null | undefined;

/** Characters no dictionary entry may hold for a joined conversion to split back exactly. */
const JOIN_BREAKERS = /[\u0001\u2ff0-\u2fff]/;

function holdsJoinBreaker(dict: DictLike): boolean {
  if (typeof dict === 'string') return JOIN_BREAKERS.test(dict);
  return dict.some((pair: readonly [string, string]) => pair.some((s) => JOIN_BREAKERS.test(s)));
}

function scriptTable(): Uint8Array | null {
  if (SCRIPT !== undefined) return SCRIPT;
  const roots = STAGES.map(trieRoot);
  if (GROUPS.some((group) => group.some(holdsJoinBreaker)) || !roots.every((r): r is TrieNode => r !== null)) {
    return (SCRIPT = null);
  }
  const table = changeableUnits(roots, '么'); // 么: KEEP_AS_IS, put back after converting
  table[SEPARATOR.charCodeAt(0)] = 2;
  table.fill(2, 0x2ff0, 0x3000);
  return (SCRIPT = table);
}

/** The bitwise or of SCRIPT over the text's code units. */
function scriptFlags(text: string, table: Uint8Array): number {
  let flags = 0;
  for (let i = 0; i < text.length; i++) flags |= table[text.charCodeAt(i)] as number;
  return flags;
}

/** Traditional/variant → simplified, keeping one output character per input code unit. */
export function toSimplifiedScript(text: string): string {
  const table = scriptTable();
  return table && scriptFlags(text, table) === 0 ? text : convertScript(text);
}

function convertScript(text: string): string {
  const converted = restoreKept(text, toSimplified(text));
  if (converted.length === text.length) return converted;
  // A phrase mapping changed the length: convert character by character so offsets still line
  // up (rare; costs a little on that one string only).
  let out = '';
  for (const ch of text) {
    const c = restoreKept(ch, toSimplified(ch));
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

function restoreKept(original: string, converted: string): string {
  if (converted.length !== original.length || !original.includes('么')) return converted;
  let out = converted;
  for (const m of original.matchAll(KEEP_AS_IS)) out = out.slice(0, m.index) + m[0] + out.slice(m.index + 1);
  return out;
}

// Letters (any script) and digits are kept; everything else (punctuation, symbols, spaces) goes.
const KEEP = /[\p{L}\p{N}]/u;

/**
 * Fold one character (already simplified) into zero or more output characters.
 * Fast paths for the common cases: CJK ideographs and ASCII.
 */
function foldChar(ch: string, code: number): string {
  if (code >= 0x4e00 && code <= 0x9fff) return ch; // CJK unified ideographs: the bulk of the text
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return ch;
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    return '';
  }
  if (ch.length === 1) return (FOLDED_UNIT[code] ??= foldRare(ch));
  return foldRare(ch);
}

/**
 * foldRare's answer per BMP code unit, filled on first sight: full-width punctuation (，。？) is in
 * every utterance, and normalizing it afresh each time was most of the fold's own time.
 */
const FOLDED_UNIT: Array<string | undefined> = new Array(0x10000);

/** NFKC, lower case, letters and digits only: full-width forms, compatibility characters, other scripts. */
function foldRare(ch: string): string {
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) {
    if (KEEP.test(c)) out += c;
  }
  return out;
}

/** Runs of characters kept as they are (ideographs, digits, lower-case Latin): copied whole. */
const KEPT_RUN = /[\u4e00-\u9fff0-9a-z]+/g;

/** Fold a text that is already in simplified script (see foldText for the full pipeline). */
export function foldSimplified(simplified: string): FoldedText {
  const map: number[] = [];
  let folded = '';
  const push = (out: string, from: number): void => {
    folded += out;
    for (let k = 0; k < out.length; k++) map.push(from);
  };
  let pos = 0;
  KEPT_RUN.lastIndex = 0;
  for (;;) {
    const run = KEPT_RUN.exec(simplified);
    const runStart = run ? run.index : simplified.length;
    // Between runs: punctuation and spaces (dropped), upper-case Latin, and the rare rest
    // (full-width forms, compatibility characters, other scripts, surrogate pairs).
    for (let i = pos; i < runStart; i++) {
      const code = simplified.charCodeAt(i);
      if (code < 0x80) {
        if (code >= 0x41 && code <= 0x5a) push(String.fromCharCode(code + 32), i);
        continue;
      }
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < simplified.length;
      const ch = pair ? simplified.slice(i, i + 2) : (simplified[i] as string);
      const out = foldChar(ch, code);
      if (out) push(out, i);
      if (pair) i++;
    }
    if (!run) break;
    const text = run[0];
    folded += text;
    for (let k = 0; k < text.length; k++) map.push(runStart + k);
    pos = runStart + text.length;
  }
  // 妳 is Taiwan's 你 said to a woman (「謝謝妳的來電」): OpenCC keeps it, but every rule about
  // 你 (conduct.polite-address, 「隨便你」, 「你自己的問題」) means it too. One code unit for one.
  if (folded.includes('妳')) folded = folded.replaceAll('妳', '你');
  // 甚麼 is the other Taiwan spelling of 什麼 (「這是甚麼態度」); 甚 alone (甚至) stays.
  if (folded.includes('甚么')) folded = folded.replaceAll('甚么', '什么');
  return { folded, map };
}

/** The full fold of a transcript string, with the map back to it. */
export function foldText(text: string): FoldedText {
  return foldSimplified(toSimplifiedScript(text));
}

/** Fold a rule phrase (no map needed). */
export function foldPhrase(phrase: string): string {
  return foldText(phrase).folded;
}

/**
 * The original characters behind folded[start, end): from the first to the last mapped
 * character, so punctuation between them is kept as the speaker said it — and what folding
 * dropped at its edges that belongs to it: a number's + (「+86 138…」), a bracket the span closes
 * or opens with its partner outside (「(02)2345-6789」, not 「02)2345-6789」).
 */
export function originalSpan(text: string, fold: FoldedText, start: number, end: number): string {
  if (end <= start || start >= fold.map.length) return '';
  let from = fold.map[start] as number;
  const lastIndex = fold.map[Math.min(end, fold.map.length) - 1] as number;
  const code = text.charCodeAt(lastIndex);
  let to = code >= 0xd800 && code <= 0xdbff ? lastIndex + 2 : lastIndex + 1;
  // 「+86 138…」: a number's + is part of it.
  if ((text[from - 1] === '+' || text[from - 1] === '＋') && /[0-9０-９]/.test(text[from] ?? '')) from--;
  const span = text.slice(from, to);
  if (OPENERS.includes(text[from - 1] || '\n') && count(span, CLOSERS) > count(span, OPENERS)) from--;
  if (CLOSERS.includes(text[to] || '\n') && count(span, OPENERS) > count(span, CLOSERS)) to++;
  return text.slice(from, to);
}

const OPENERS = '(（[［【「『';
const CLOSERS = ')）]］】」』';

/** How many characters of `text` are among `these`. */
function count(text: string, these: string): number {
  let n = 0;
  for (const c of text) if (these.includes(c)) n++;
  return n;
}

/**
 * The folded offsets [start, end) of the original text[from, to): the folded characters that
 * come from it (none, start === end, when all of it was dropped). The inverse of originalSpan.
 */
export function foldedSpan(fold: FoldedText, from: number, to: number): { start: number; end: number } {
  return { start: firstMappedAt(fold.map, from), end: firstMappedAt(fold.map, to) };
}

/** The first folded index whose original index is at or after `at` (the map never decreases). */
function firstMappedAt(map: readonly number[], at: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((map[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fold many strings with one script conversion (opencc-js has a per-call cost that dominates on
 * short utterances, so a call's utterances are converted together). Only the texts it may
 * change are joined and converted: no dictionary entry holds the separator or a description
 * character, so every stage converts each text on its own, and the others would come back as
 * they are (the 么 restore and the per-character fallback work position by position).
 */
export function foldMany(texts: readonly string[]): FoldedText[] {
  const table = scriptTable();
  if (!table) return foldJoined(texts);
  let convert: number[] | undefined;
  for (let t = 0; t < texts.length; t++) {
    const flags = scriptFlags(texts[t] as string, table);
    if (flags > 1) return foldJoined(texts);
    if (flags) (convert ??= []).push(t);
  }
  if (!convert) return texts.map(foldSimplified);
  if (convert.length === texts.length) return foldJoined(texts);
  const parts = convertScript(convert.map((t) => texts[t] as string).join(SEPARATOR)).split(SEPARATOR);
  const folds = new Array<FoldedText>(texts.length);
  let next = 0;
  for (let t = 0; t < texts.length; t++) {
    folds[t] = foldSimplified(convert[next] === t ? (parts[next++] as string) : (texts[t] as string));
  }
  return folds;
}

/** All texts joined into one conversion (the only way before the SCRIPT filter). */
function foldJoined(texts: readonly string[]): FoldedText[] {
  const simplified = convertScript(texts.join(SEPARATOR));
  const parts = simplified.split(SEPARATOR);
  if (parts.length !== texts.length) return texts.map(foldText); // a text held the separator
  return parts.map(foldSimplified);
}
