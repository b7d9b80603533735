/**
 * Hong Kong Big5 (Big5-HKSCS) on top of Node's Big5 decoder. Node decodes Big5 as Windows code page
 * 950, which gives the user-defined byte pairs private-use code points; Hong Kong's exports put the
 * Cantonese characters there (嘅 咗 喺 嚟 啲 嗰 㗎 …). Left private-use, they are dropped from the
 * folded text, and 「多謝你嘅來電」 would no longer be said.
 */
import { HKSCS_BY_PRIVATE_USE, HKSCS_FIRST } from './hkscs-table.js';

const NO_CHARACTER = '\ufffd';
const PRIVATE_USE = /[\ue000-\uf848]/gu;

/** Big5 text as Node decodes it, with each HKSCS character in place of its private-use code point. */
export function withHongKongCharacters(text: string): string {
  return text.replace(PRIVATE_USE, (ch) => {
    const hkscs = HKSCS_BY_PRIVATE_USE[(ch.codePointAt(0) as number) - HKSCS_FIRST];
    return hkscs === undefined || hkscs === NO_CHARACTER ? ch : hkscs;
  });
}
