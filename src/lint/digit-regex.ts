/**
 * @fileoverview Regex phrases that look for long runs of digits (a phone, ID-card or card number)
 * in the folded text. Folding drops punctuation and spaces, so neighbouring numbers run together
 * (「13812345678，2个包裹」 → 138123456782: the mobile is missed) and pieces of short numbers join
 * into long ones (「工号1380，电话1234」). `personal_data` reads the text as written and checks the
 * numbers (src/match/personal-numbers.ts): a warning points there.
 */
import type { LintContext } from './context.js';
import { forEachRegexPhrase, REGEX_PHRASE } from './regex-phrases.js';

/** A digit class or \d repeated 9+ times: [0-9]{11}, \d{16,19}, [零一二…幺]{9}. */
const LONG_DIGIT_RUN = /(?:\[[^\]]*(?:0-9|\\d|一|幺)[^\]]*\]|\\d)(?:\{(\d+)(?:,\d*)?\})/g;
const MIN_RUN = 9;

const MESSAGE =
  'looks for a long digit run in the folded text, where spaces and punctuation are gone and neighbouring numbers run ' +
  'together (「13812345678，2个」 → 138123456782): for mobile, ID-card and bank-card numbers use `personal_data` on a forbid';

export function checkDigitRegexes(ctx: LintContext): void {
  forEachRegexPhrase(ctx, (raw) => (looksForDigits(raw) ? `regex ${raw} ${MESSAGE}` : undefined), 'digits-in-folded-text');
}

/** A regex phrase that compiles (a broken one is compile's error) and asks for 9+ digits in a row. */
function looksForDigits(raw: string): boolean {
  const m = REGEX_PHRASE.exec(raw);
  if (!m) return false;
  try {
    new RegExp(m[1] as string, 'u');
  } catch {
    return false;
  }
  for (const run of (m[1] as string).matchAll(LONG_DIGIT_RUN)) if (Number(run[1]) >= MIN_RUN) return true;
  return false;
}
