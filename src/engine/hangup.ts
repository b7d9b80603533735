/**
 * Who ended the call, and whether a speaker had a turn left to say something. A reply or a
 * closing that never came because the call ended first is not the agent's failure — unless the
 * agent is the one who hung up (the call log's `hangup_by`).
 */
import { coerceField } from '../meta/fields.js';
import { onlySoundNotes } from '../model/sound-notes.js';
import { originalSpan } from '../normalize/fold.js';
import type { SpeakerName } from '../ruleset/index.js';
import type { PreparedCall } from './prepare.js';
import { findPhrases } from './phrases.js';

/** `hangup_by` from the call log, as agent/customer; undefined when unknown or not readable. */
export function hungUpBy(p: PreparedCall): 'agent' | 'customer' | undefined {
  const raw = p.call.meta.hangup_by;
  if (raw === undefined) return undefined;
  const c = coerceField('hangup_by', String(raw));
  return c.ok && (c.value === 'agent' || c.value === 'customer') ? c.value : undefined;
}

/** Why the call ended before a closing could be said, not by the agent's choice: the last turn and what shows it. */
export interface CallCut {
  /** The call's last utterance (0-based). */
  utterance: number;
  reason: string;
}

/** Marks a transcriber writes for speech that stops mid-sentence (「我想问一下那个……」「我是说——」). */
const TRAILING_MARKS = '…⋯—-~～';
/** Marks inside a sentence: a call's last words ending on one (「好的，感谢您的来电，」) stopped mid-sentence. */
const CLAUSE_MARKS = '，,、：:';
/** Marks that end a sentence: a turn ending on one was finished. */
const SENTENCE_END = '。！？!?.;；」』"”';

/**
 * The call ended on someone's words before a closing could be said, and not because the agent
 * hung up:
 * - hangup_by: customer and the last utterance is the customer's (they hung up on their own words);
 * - no hangup_by, and the last utterance is the customer's goodbye (`call_customer_leaves`: 「没有了，拜拜」);
 * - no hangup_by, and the last utterance stops mid-sentence — a trailing 「……」 or 「，」, or no final mark
 *   after a `call_trails_off` word (「那我想问一下那个」, the agent's 「好的，感谢您的」) — or is the
 *   customer's `call_line_lost` words (「喂？听得到吗」): the line broke, the call never reached a close;
 * - hangup_by: customer and the agent's last sentence stops that way (the caller left mid-closing).
 * The agent hanging up (hangup_by: agent) is never excused. Undefined when the call was not cut.
 */
export function callCut(p: PreparedCall): CallCut | undefined {
  const by = hungUpBy(p);
  if (by === 'agent') return undefined;
  // A transcriber's closing 「[挂机声]」 line, under either label, is nobody's last words.
  const last = p.call.utterances.findLast((u) => !onlySoundNotes(u.text));
  if (!last || last.speaker === 'unknown') return undefined;
  if (last.speaker === 'customer' && by === 'customer') {
    return { utterance: last.index, reason: `the customer hung up after their own last words (turn ${last.index + 1}, hangup_by: customer)` };
  }
  if (last.speaker === 'customer' && by === undefined) {
    const bye = customerLeaves(p, last.index);
    if (bye) return { utterance: last.index, reason: `the customer took leave in the call's last words (「${bye}」, turn ${last.index + 1}) and no hangup_by says the agent hung up` };
  }
  const how = brokenOff(p, last.index) ?? (last.speaker === 'customer' ? lineLost(p, last.index) : undefined);
  if (!how) return undefined;
  const who = by === 'customer' ? 'the customer hung up (hangup_by: customer)' : 'no hangup_by says who ended it';
  return { utterance: last.index, reason: `the call breaks off on the ${last.speaker}'s 「${last.text.trim()}」 (turn ${last.index + 1}): ${how}; ${who}` };
}

/** How an utterance stops mid-sentence; undefined when it reads as finished. */
function brokenOff(p: PreparedCall, u: number): string | undefined {
  const mark = p.call.utterances[u]?.text.trimEnd().slice(-1) ?? '';
  if (mark !== '' && TRAILING_MARKS.includes(mark)) return 'the sentence trails off';
  if (mark !== '' && CLAUSE_MARKS.includes(mark)) return `it stops on 「${mark}」, mid-sentence`;
  const trailing = p.ruleset.brokenOff?.trailing;
  if (!trailing || SENTENCE_END.includes(mark)) return undefined;
  // Only the very end counts: 「那个」 inside 「那个订单我收到了」 leaves nothing unsaid.
  const folded = p.folds[u]?.folded ?? '';
  const dangling = findPhrases(p, u, trailing).find((h) => h.end === folded.length);
  return dangling ? `it stops on 「${folded.slice(dangling.start)}」 with no final punctuation` : undefined;
}

/**
 * The customer's goodbye (「没有了，拜拜」) in the call's last utterance: the customer ended the call on
 * their own words, and with no call log nothing shows the agent was curt rather than hung up on.
 */
function customerLeaves(p: PreparedCall, u: number): string | undefined {
  const set = p.ruleset.brokenOff?.customerLeaves;
  const hit = set ? findPhrases(p, u, set)[0] : undefined;
  const fold = p.folds[u];
  return hit && fold ? originalSpan(p.call.utterances[u]?.text ?? '', fold, hit.start, hit.end) : undefined;
}

/** The customer no longer hearing the agent (「喂？喂？听得到吗？」): the line failed. */
function lineLost(p: PreparedCall, u: number): string | undefined {
  const set = p.ruleset.brokenOff?.lineLost;
  const hit = set ? findPhrases(p, u, set)[0] : undefined;
  return hit ? `the customer could not hear the line (「${(p.folds[u]?.folded ?? '').slice(hit.start, hit.end)}」)` : undefined;
}

/**
 * Why a speaker's turns after `triggerTurn` cannot be judged: the speaker never spoke again and
 * did not end the call (an agent who hangs up on a complaint does fail). Undefined when there is
 * something to judge.
 */
export function noTurnAfter(p: PreparedCall, speaker: SpeakerName, triggerTurn: number, spokeAfter: boolean): string | undefined {
  if (spokeAfter || speaker === 'any') return undefined;
  // The call was put through with the recording going on: what came after is for the agent who
  // took over, and their hangup (hangup_by: agent) is not this agent's (src/engine/handover.ts).
  const h = p.handover;
  if (speaker === 'agent' && h && !h.scoredIsNew) return `the agent's part of the call ended at the transfer at turn ${h.at + 1}: turn ${triggerTurn + 1} is for the agent who took over`;
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
