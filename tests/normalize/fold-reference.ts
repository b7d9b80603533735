// The script conversion as it was before the script filter (src/normalize/fold.ts at 711fcaa):
// opencc-js's own ConverterFactory on every text. fold-prefilter.test.ts checks the current fold
// against it. Only the conversion is kept here; the width/punctuation fold is the real one.
import * as OpenCC from 'opencc-js';
import { foldSimplified, type FoldedText } from '../../src/normalize/fold.js';

/** HK and TW variant characters back to OpenCC standard, then traditional → simplified. */
const toSimplified = OpenCC.ConverterFactory(OpenCC.Locale.from.hk, OpenCC.Locale.from.tw, OpenCC.Locale.to.cn);

const KEEP_AS_IS = /[么]/g;

/** Traditional/variant → simplified, keeping one output character per input code unit. */
export function toSimplifiedScript(text: string): string {
  const converted = restoreKept(text, toSimplified(text));
  if (converted.length === text.length) return converted;
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

export function foldText(text: string): FoldedText {
  return foldSimplified(toSimplifiedScript(text));
}

const SEPARATOR = '\u0001';

/** Every call's utterances converted together, as one opencc call. */
export function foldMany(texts: readonly string[]): FoldedText[] {
  const parts = toSimplifiedScript(texts.join(SEPARATOR)).split(SEPARATOR);
  if (parts.length !== texts.length) return texts.map(foldText); // a text held the separator
  return parts.map(foldSimplified);
}
