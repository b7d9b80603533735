/**
 * A Hong Kong ID the agent reads back as the customer's ID whose check character fails: 「麻煩你講一講
 * 身份證號碼」「A123456(7)」「你嘅身份證號碼係A123456(7)，啱唔啱？」. Alone, letters, six digits and a wrong
 * check character are as often a code (src/match/hk-id.ts reports none); called an ID and said by the
 * customer first, they are the customer's ID with a digit misheard — unsure (`review`), as a mainland
 * or Taiwan ID with its check digit wrong is.
 */
import { hongKongIdShapes } from '../match/hk-id.js';
import type { PersonalNumber } from '../match/personal-numbers.js';
import type { PreparedCall } from './prepare.js';

/** Called an ID in words, just before: 身份證 and 證件, not a bare 「ID」 (a member's, a user's). */
const ID_WORD = /身份[證证]|身分[證证]|[證证]件/;

/** The Hong Kong IDs with a wrong check character in utterance `u` that the customer said before it. */
export function readBackHongKongIds(p: PreparedCall, u: number, text: string): PersonalNumber[] {
  if (!ID_WORD.test(text)) return [];
  const unsure = hongKongIdShapes(text).filter((n) => !n.certain && ID_WORD.test(text.slice(Math.max(0, n.start - 12), n.start)));
  if (unsure.length === 0) return [];
  const said = new Set<string>();
  for (let i = 0; i < u; i++) {
    const turn = p.call.utterances[i];
    if (turn?.speaker === 'customer') for (const n of hongKongIdShapes(turn.text)) said.add(n.digits);
  }
  return unsure.filter((n) => said.has(n.digits)).map((n) => ({ ...n, doubt: 'its check character is wrong' }));
}
