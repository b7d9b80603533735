/**
 * @fileoverview Regex phrases with characters that folding changes. A plain phrase is folded like
 * the transcript (繁體 → 简体, Hong Kong and Taiwan variants too), a regex is not: it runs as written
 * on the folded text, so a 撳 or 喎 in it can never match — the transcript's 撳 is 揿 and its 喎 㖞 by
 * then. 「(睇|记|撳|按)错」 silently misses 「你撳錯咗」; the warning names the folded character.
 */
import { toSimplifiedScript } from '../normalize/fold.js';
import type { LintContext } from './context.js';
import { forEachRegexPhrase, REGEX_PHRASE } from './regex-phrases.js';

const HAN = /\p{Script=Han}/u;

export function checkUnfoldedRegexes(ctx: LintContext): void {
  forEachRegexPhrase(ctx, unfoldedMessage, 'regex-not-folded');
}

/** The warning for a regex phrase with characters folding changes, else undefined. */
export function unfoldedMessage(raw: string): string | undefined {
  const m = REGEX_PHRASE.exec(raw);
  if (!m) return undefined;
  const changed = new Map<string, string>();
  for (const ch of m[1] as string) {
    if (!HAN.test(ch) || changed.has(ch)) continue;
    const folded = toSimplifiedScript(ch);
    if (folded !== ch) changed.set(ch, folded);
  }
  if (changed.size === 0) return undefined;
  const pairs = [...changed].map(([from, to]) => `${from} (folded: ${to})`).join(', ');
  return `regex ${raw} has ${pairs}: the text it runs on is folded, so write the folded character`;
}
