/**
 * IDs the agent reads back that only the customer's words make IDs. A Taiwan ID read back bare
 * (「A123456789，對嗎？」) after the customer gave it as their ID (「身分證字號A123456789」, or in answer to
 * 「請問您的身分證字號？」): a letter and nine digits are also a model or order code, so the agent's words
 * alone do not make it one (src/match/tw-id.ts); the customer's do.
 *
 * A Hong Kong ID the agent reads back as the customer's ID whose check character fails: 「麻煩你講一講
 * 身份證號碼」「A123456(7)」「你嘅身份證號碼係A123456(7)，啱唔啱？」. Alone, letters, six digits and a wrong
 * check character are as often a code (src/match/hk-id.ts reports none); called an ID and said by the
 * customer first, they are the customer's ID with a digit misheard — unsure (`review`), as a mainland
 * or Taiwan ID with its check digit wrong is.
 */
import { hongKongIdShapes } from '../match/hk-id.js';
import { labelBefore } from '../match/number-labels.js';
import { taiwanIdShapes } from '../match/tw-id.js';
import type { PersonalNumber } from '../match/personal-numbers.js';
import type { PreparedCall } from './prepare.js';
import { questionBefore } from './turns.js';

/** Called an ID in words, just before: 身份證 and 證件, not a bare 「ID」 (a member's, a user's). */
const ID_WORD = /身份[證证]|身分[證证]|[證证]件|居留[證证]/;

/**
 * The Hong Kong IDs with a wrong check character in utterance `u` that the customer said before it:
 * called an ID just before it here, or given by the customer as their ID (called one, or in answer
 * to 「唔該你講一講你嘅身份證號碼」) and read back bare (「即係A123456(7)，啱唔啱？」).
 */
export function readBackHongKongIds(p: PreparedCall, u: number, text: string): PersonalNumber[] {
  if (!/[A-Za-zＡ-Ｚａ-ｚ]/.test(text)) return [];
  const unsure = hongKongIdShapes(text).filter((n) => !n.certain);
  if (unsure.length === 0) return [];
  const said = new Set<string>();
  const givenAsId = new Set<string>();
  for (let i = 0; i < u; i++) {
    const turn = p.call.utterances[i];
    if (turn?.speaker !== 'customer') continue;
    const shapes = hongKongIdShapes(turn.text);
    const asId = shapes.length > 0 && (ID_WORD.test(turn.text) || answersIdQuestion(p, i));
    for (const n of shapes) {
      said.add(n.digits);
      if (asId) givenAsId.add(n.digits);
    }
  }
  const calledHere = (n: PersonalNumber) => ID_WORD.test(text.slice(Math.max(0, n.start - 12), n.start));
  return unsure
    .filter((n) => (calledHere(n) ? said.has(n.digits) : givenAsId.has(n.digits)))
    .map((n) => ({ ...n, doubt: 'its check character is wrong' }));
}

/** Taiwan IDs the agent reads back without calling them IDs, that the customer gave as their ID. */
export function readBackTaiwanIds(p: PreparedCall, u: number, text: string): PersonalNumber[] {
  if (!/[A-Za-zＡ-Ｚａ-ｚ]/.test(text)) return [];
  const bare = taiwanIdShapes(text).filter((n) => !n.called && labelBefore(text, n.start) === undefined);
  if (bare.length === 0) return [];
  const said = new Set<string>();
  for (let i = 0; i < u; i++) {
    const turn = p.call.utterances[i];
    if (turn?.speaker !== 'customer') continue;
    for (const n of taiwanIdShapes(turn.text)) if (n.called || (labelBefore(turn.text, n.start) === undefined && answersIdQuestion(p, i))) said.add(n.digits);
  }
  return bare.filter((n) => said.has(n.digits)).map(({ called: _, ...n }) => n);
}

/** Whether customer utterance `i` answers the agent's question for an ID: the agent's last turn before it named one. */
function answersIdQuestion(p: PreparedCall, i: number): boolean {
  return ID_WORD.test(questionBefore(p, i));
}
