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

/** HK and TW variant characters back to OpenCC standard, then traditional → simplified. */
const toSimplified = OpenCC.ConverterFactory(OpenCC.Locale.from.hk, OpenCC.Locale.from.tw, OpenCC.Locale.to.cn);

export interface FoldedText {
  /** Simplified, half-width, lower-case letters and digits only. */
  folded: string;
  /** map[i] = index in the original string of folded[i]. */
  map: Int32Array;
}

/** Traditional/variant → simplified, keeping one output character per input code unit. */
export function toSimplifiedScript(text: string): string {
  const converted = toSimplified(text);
  if (converted.length === text.length) return converted;
  // A phrase mapping changed the length: convert character by character so offsets still line
  // up (rare; costs a little on that one string only).
  let out = '';
  for (const ch of text) {
    const c = toSimplified(ch);
    out += c.length === ch.length ? c : ch;
  }
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
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) {
    if (KEEP.test(c)) out += c;
  }
  return out;
}

/** Fold a text that is already in simplified script (see foldText for the full pipeline). */
export function foldSimplified(simplified: string): FoldedText {
  const map = new Int32Array(simplified.length);
  let folded = '';
  let n = 0;
  for (let i = 0; i < simplified.length; i++) {
    const code = simplified.charCodeAt(i);
    let ch: string;
    // Keep surrogate pairs together so astral ideographs (CJK ext. B…) survive.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < simplified.length) {
      ch = simplified.slice(i, i + 2);
    } else {
      ch = simplified[i] as string;
    }
    const out = foldChar(ch, code);
    for (let k = 0; k < out.length; k++) {
      folded += out[k];
      map[n++] = i;
    }
    if (ch.length === 2) i++;
  }
  return { folded, map: n === map.length ? map : map.slice(0, n) };
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
 * character, so punctuation between them is kept as the speaker said it.
 */
export function originalSpan(text: string, fold: FoldedText, start: number, end: number): string {
  if (end <= start || start >= fold.map.length) return '';
  const from = fold.map[start] as number;
  const lastIndex = fold.map[Math.min(end, fold.map.length) - 1] as number;
  const code = text.charCodeAt(lastIndex);
  const to = code >= 0xd800 && code <= 0xdbff ? lastIndex + 2 : lastIndex + 1;
  return text.slice(from, to);
}

const SEPARATOR = '\u0001';

/**
 * Fold many strings with one script conversion (opencc-js has a per-call cost that dominates on
 * short utterances, so a call's utterances are converted together).
 */
export function foldMany(texts: readonly string[]): FoldedText[] {
  const joined = texts.join(SEPARATOR);
  const simplified = toSimplifiedScript(joined);
  const parts = simplified.split(SEPARATOR);
  if (parts.length !== texts.length) return texts.map(foldText); // a text held the separator
  return parts.map(foldSimplified);
}
