/**
 * Who ended the call, and whether a speaker had a turn left to say something. A reply or a
 * closing that never came because the call ended first is not the agent's failure — unless the
 * agent is the one who hung up (the call log's `hangup_by`).
 */
import { coerceField } from '../meta/fields.js';
import type { SpeakerName } from '../ruleset/index.js';
import type { PreparedCall } from './prepare.js';

/** `hangup_by` from the call log, as agent/customer; undefined when unknown or not readable. */
export function hungUpBy(p: PreparedCall): 'agent' | 'customer' | undefined {
  const raw = p.call.meta.hangup_by;
  if (raw === undefined) return undefined;
  const c = coerceField('hangup_by', String(raw));
  return c.ok && (c.value === 'agent' || c.value === 'customer') ? c.value : undefined;
}

/**
 * The customer hung up on their own last words: hangup_by is customer and the call's last
 * utterance is the customer's. Returns that utterance's index, else undefined.
 */
export function customerCutOff(p: PreparedCall): number | undefined {
  if (hungUpBy(p) !== 'customer') return undefined;
  const utterances = p.call.utterances;
  const last = utterances[utterances.length - 1];
  return last && last.speaker === 'customer' ? last.index : undefined;
}

/**
 * Why a speaker's turns after `triggerTurn` cannot be judged: the speaker never spoke again and
 * did not end the call (an agent who hangs up on a complaint does fail). Undefined when there is
 * something to judge.
 */
export function noTurnAfter(p: PreparedCall, speaker: SpeakerName, triggerTurn: number, spokeAfter: boolean): string | undefined {
  if (spokeAfter || speaker === 'any') return undefined;
  const by = hungUpBy(p);
  if (by === speaker) return undefined;
  const ended = by === undefined ? 'the call ends' : `the ${by} hung up`;
  return `the ${speaker} never speaks after turn ${triggerTurn + 1} (${ended})`;
}

/**
 * How many replies `speaker` gave after utterance `triggerTurn`: a reply is everything the speaker
 * says until the other side speaks, so lines or pauses inside it do not count twice.
 */
export function repliesAfter(p: PreparedCall, speaker: 'agent' | 'customer', triggerTurn: number): number {
  let replies = 0;
  let inReply = false;
  for (const u of p.call.utterances) {
    if (u.index <= triggerTurn || u.speaker === 'unknown') continue;
    if (u.speaker === speaker && !inReply) replies++;
    inReply = u.speaker === speaker;
  }
  return replies;
}

/**
 * The customer hung up (hangup_by: customer) while `speaker` had given at most `maxReplies`
 * replies after the trigger: returns that count, else undefined. The call log proves who left;
 * the count proves how little room the speaker had.
 */
export function customerLeftWithin(p: PreparedCall, speaker: SpeakerName, triggerTurn: number, maxReplies: number): number | undefined {
  if (speaker === 'any' || hungUpBy(p) !== 'customer') return undefined;
  const replies = repliesAfter(p, speaker, triggerTurn);
  return replies <= maxReplies ? replies : undefined;
}
