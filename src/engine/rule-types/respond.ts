/**
 * `respond`: after a trigger by one speaker (a complaint, abusive words), the other speaker
 * answers with one of the phrases within N of their turns and/or N seconds. No trigger ⇒ na.
 */
import type { RespondCheck } from '../../ruleset/index.js';
import { formatMs } from '../../model/call.js';
import { aimOf, describeAim, listenerOf } from '../aim.js';
import { confirmation, findTrigger, saidLabel } from '../conditions.js';
import { hitEvidence } from '../evidence.js';
import { noTurnAfter } from '../hangup.js';
import { firstNearHit, phraseEvidence, quoteMatch } from '../near.js';
import { findPhrasesExcept, type Captures, type PhraseHit } from '../phrases.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { plural, selectTurns } from '../scope.js';
import { joinRuns, turnsAfter } from '../turns.js';
import type { CheckContext } from './context.js';
import { emptyChannelNote, untimedReason, type PreparedCall } from '../prepare.js';

const DEFAULT_WITHIN_TURNS = 2;

export function evaluateRespond(check: RespondCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const { reply } = check;
  const replySelection = selectTurns(p, reply.speaker, undefined);
  if (!replySelection.ok) return { verdict: 'na', reason: replySelection.reason, evidence: [] };
  if (reply.withinSeconds !== undefined && reply.withinTurns === undefined && !p.timed) {
    return { verdict: 'na', reason: untimedReason(p), evidence: [] };
  }

  const evidence: Evidence[] = [];
  let trigger = findTrigger(p, check.trigger);
  if (!trigger) {
    const silent = emptyChannelNote(p, check.trigger.speaker);
    return { verdict: 'na', reason: `the ${check.trigger.speaker} never says ${saidLabel(check.trigger)}${silent}`, evidence: [] };
  }
  let answeredUpTo = -1;
  while (trigger) {
    const triggerEvidence = hitEvidence(p, trigger, check.trigger.phrases, 'trigger');
    // The customer's 「是的」 that made the agent's 「请问是刘女士吗？」 a known surname is shown with it.
    const confirmed = confirmation(p, check.trigger, trigger);
    const triggerQuotes = confirmed ? [triggerEvidence, confirmed] : [triggerEvidence];
    // The call ended before the replying speaker spoke again (and they did not hang up): this
    // trigger cannot be judged; earlier ones were answered.
    const triggerAt = trigger.utterance;
    const ended = noTurnAfter(p, reply.speaker, triggerAt, replySelection.turns.some((u) => u > triggerAt));
    if (ended) {
      if (evidence.length > 0) break;
      return { verdict: 'na', reason: `${ended}: 「${triggerEvidence.matched}」 cannot be answered`, evidence: [triggerEvidence] };
    }
    const { turns, window } = replyWindow(check, ctx, trigger.utterance, replySelection.turns);
    const captures = trigger.groups;
    const answer = firstReply(p, check, turns, captures) ?? firstNearHit(p, turns, reply.phrases, reply.except);
    if (!answer) {
      return {
        verdict: 'fail',
        reason: `no ${fill(reply.phrases.label, trigger.groups)} after 「${triggerEvidence.matched}」 (turn ${triggerEvidence.turn})${confirmed ? `, confirmed 「${confirmed.matched ?? confirmed.quote}」 (turn ${confirmed.turn})` : ''}${aimedNote(p, check, trigger)}`,
        evidence: [...evidence, ...triggerQuotes],
        window,
      };
    }
    evidence.push(...triggerQuotes, phraseEvidence(p, answer, reply.phrases, 'reply'));
    if (check.mode === 'first') break;
    answeredUpTo = answer.utterance;
    // Triggers said before this reply are answered by it; look for the next one after it.
    trigger = findTrigger(p, check.trigger, answeredUpTo);
  }
  const pairs = evidence.filter((e) => e.role === 'reply').map((e) => `${quoteMatch(e)} (turn ${e.turn})`);
  return { verdict: 'pass', reason: `answered with ${pairs.join(', ')}`, evidence };
}

/**
 * Whom an aimed trigger was aimed at, so that the reason says what was said: 「垃圾」 in 「垃圾公司」
 * is aimed at the agent's company, 「白痴！」 at no one named and so at the agent.
 */
function aimedNote(p: PreparedCall, check: RespondCheck, trigger: PhraseHit): string {
  const aim = check.trigger.aim;
  return aim ? ` ${describeAim(aimOf(p, trigger, aim), listenerOf(check.trigger.speaker))}` : '';
}

/** The first exact reply in these turns, in turn order. */
function firstReply(p: PreparedCall, check: RespondCheck, turns: readonly number[], captures: Captures): PhraseHit | undefined {
  for (const u of turns) {
    const hit = findPhrasesExcept(p, u, check.reply.phrases, check.reply.except, captures)[0];
    if (hit) return hit;
  }
  return undefined;
}

function replyWindow(check: RespondCheck, ctx: CheckContext, triggerTurn: number, replyTurns: number[]): { turns: number[]; window: string } {
  const utterances = ctx.p.call.utterances;
  const given = check.reply.withinTurns;
  const n = given === 0 ? Infinity : (given ?? (check.reply.withinSeconds === undefined ? DEFAULT_WITHIN_TURNS : Infinity));
  let turns = Number.isFinite(n) ? joinRuns(turnsAfter(ctx.p, check.reply.speaker, triggerTurn), 0, n) : replyTurns.filter((u) => u > triggerTurn);
  let window = `${check.reply.speaker}'s ${Number.isFinite(n) ? plural(n, 'turn') : 'turns'} after turn ${triggerTurn + 1}`;
  if (check.reply.withinSeconds !== undefined && ctx.p.timed) {
    const t = utterances[triggerTurn];
    const from = t?.endMs ?? t?.startMs ?? 0;
    const until = from + check.reply.withinSeconds * 1000;
    turns = turns.filter((u) => (utterances[u]?.startMs ?? Infinity) <= until);
    window += `, until ${formatMs(until)}`;
  }
  return { turns, window };
}

/** Show captured values in messages: {surname}先生 → 王先生. */
function fill(label: string, groups: Record<string, string> | undefined): string {
  return groups ? label.replace(/\{(\w+)\}/g, (all, name: string) => groups[name] ?? all) : label;
}
