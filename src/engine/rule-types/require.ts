/**
 * `require`: the speaker says one of / all of / at least N of the phrase groups within a scope.
 * A "not said" failure carries the window that was searched, so a reviewer can check it.
 */
import type { PhraseSet, RequireCheck } from '../../ruleset/index.js';
import { findTrigger } from '../conditions.js';
import { hitEvidence, turnEvidence } from '../evidence.js';
import { callCut, customerLeftWithin, hungUpBy } from '../hangup.js';
import { firstHit, lastHit, phraseEvidence, quoteMatch, type HitFilter } from '../near.js';
import { findPhrasesExcept, type PhraseHit } from '../phrases.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { closingWindow, selectTurns } from '../scope.js';
import { metaConflicts, saysOwnValue, type MetaConflict } from '../meta-groups.js';
import { numberValue } from '../../model/numerals.js';
import type { CheckContext } from './context.js';
import { askedBefore } from './require-asked.js';
import { nextReplySays } from '../replies.js';

export function evaluateRequire(check: RequireCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  if (check.ifHungUpBy) {
    const by = hungUpBy(p);
    if (by !== check.ifHungUpBy) {
      // Say what goes unjudged: next to another check's pass, 「no hangup_by metadata」 alone names nothing.
      const why = by ? `the ${by} hung up (hangup_by: ${by})` : 'no hangup_by metadata';
      return { verdict: 'na', reason: `${why}: ${check.groups.map((g) => g.label).join(' + ')} is asked only when the ${check.ifHungUpBy} hangs up`, evidence: [] };
    }
    // After a transfer put through, the agent who hung up is the one who took over (src/engine/handover.ts).
    const h = p.handover;
    if (by === 'agent' && h && !h.scoredIsNew) return { verdict: 'na', reason: `hangup_by: agent is the agent who took over at the transfer at turn ${h.at + 1}, not this agent`, evidence: [] };
  }
  const selection = selectTurns(p, check.speaker, check.scope, ctx.triggerTurn);
  if (!selection.ok) return { verdict: 'na', reason: selection.reason, evidence: [] };

  const found: Evidence[] = [];
  const missing: string[] = [];
  const undone: string[] = [];
  // In order, each group's hit ends where the previous group's ends or later (the earliest hits leave
  // the most room): 「…转接售后，好吗」, and 「可以帮您转接到售后吗」 around it, but not a 「好吗」 before.
  let from: PhraseHit | undefined;
  let firstGroupHit: PhraseHit | undefined;
  for (const group of check.groups) {
    const after = check.inOrder ? from : undefined;
    const hit = countingHit(check, ctx, after ? selection.turns.filter((u) => u >= after.utterance) : selection.turns, group, undone, after);
    if (hit && group === check.groups[0]) firstGroupHit = hit;
    if (hit) found.push(phraseEvidence(p, shownHit(check, ctx, selection.turns, group, hit), group));
    else missing.push(check.inOrder && from ? `${group.label} after 「${found[found.length - 1]?.matched ?? ''}」 (turn ${from.utterance + 1})` : group.label);
    if (check.inOrder && hit) from = hit;
  }
  // Saying the wrong agent number (「工号一二七」 from agent 128) fails, whatever else was said.
  // (Whether the own number was said too is asked only of the rare call with a conflict.)
  const conflict = wrongMetaValue(p, selection.turns, check.groups, check.except);
  if (conflict) {
    const e = phraseEvidence(p, conflict.hit, conflict.group);
    const { variable, said: value, expected } = conflict;
    const reason = `said ${quoteMatch(e)} (turn ${e.turn}): ${variable} ${numberValue(value) ?? value}, but the call's ${variable} is ${expected}`;
    return { verdict: 'fail', reason, evidence: [e], window: selection.window };
  }
  const said = found.length;
  if (said >= check.need) {
    const which = found.map((e) => `${quoteMatch(e)} (turn ${e.turn})`).join(', ');
    return { verdict: 'pass', reason: `said ${which}`, evidence: found, window: selection.window };
  }
  const request = check.firstEnoughIfAsked && firstGroupHit ? askedBefore(p, check.firstEnoughIfAsked, check.speaker, firstGroupHit) : undefined;
  const asked = request && !request.otherTarget ? request.request : undefined;
  // Asked for one desk, told of another: say so, or the reviewer wonders why the request did not count.
  if (request?.otherTarget) undone.push(`the ${check.firstEnoughIfAsked?.speaker} asked for something else: ${quoteMatch(request.request)} (turn ${request.request.turn})`);
  if (asked) {
    const first = found[0] as Evidence;
    const reason = `said ${quoteMatch(first)} (turn ${first.turn}), right after the ${check.firstEnoughIfAsked?.speaker} asked for it: ${quoteMatch(asked)} (turn ${asked.turn}); ${check.groups.slice(1).map((g) => g.label).join(' + ')} not needed`;
    return { verdict: 'pass', reason, evidence: [first, asked], window: selection.window };
  }
  const need = check.mode === 'at_least' ? `at least ${check.need} of ${check.groups.length}; found ${said}` : `not said`;
  const notSaid = `${need}: ${missing.join(' + ')}${undone.length > 0 ? ` (${undone.join('; ')})` : ''}`;
  const hungUp = whyCutOff(check, ctx);
  if (hungUp && 'closedFirst' in hungUp) {
    // The call ended on the customer's words, but after the agent's own close: that close is the evidence.
    const e = hungUp.closedFirst;
    return { verdict: 'fail', reason: `${notSaid}; the agent had closed the call first: 「${e.matched ?? e.quote}」 (turn ${e.turn})`, evidence: [...found, e], window: selection.window };
  }
  if (hungUp) {
    // Not the agent's failure: the call ended (the customer left, the line broke) before the agent could say it.
    const evidence = hungUp.evidence ? [...found, hungUp.evidence] : found;
    return { verdict: 'na', reason: `${notSaid}, but ${hungUp.reason}`, evidence, window: selection.window };
  }
  const excuse = check.naIfSaid ? (findTrigger(p, check.naIfSaid) ?? heardExcuse(check, ctx)) : undefined;
  if (excuse && check.naIfSaid) {
    const e = excuse.near && check.naIfSaidHeard ? phraseEvidence(p, excuse, check.naIfSaidHeard, 'excuse') : hitEvidence(p, excuse, check.naIfSaid.phrases, 'excuse');
    // Said after the speaker's own leave-taking (「感谢您的来电，再见」—「拜拜」) it closed nothing first.
    const leave = leftBefore(check, ctx, selection.turns, excuse.utterance);
    if (leave) return { verdict: 'fail', reason: `${notSaid}; the ${check.speaker} had closed the call first: 「${leave.matched ?? leave.quote}」 (turn ${leave.turn})`, evidence: [...found, leave], window: selection.window };
    const who = check.naIfSaid.speaker === 'any' ? 'the call' : `the ${check.naIfSaid.speaker}`;
    const quoted = e.near ? quoteMatch(e) : `「${e.matched ?? e.quote}」`;
    return { verdict: 'na', reason: `${notSaid}, but ${who} said ${quoted} (turn ${e.turn}) first`, evidence: [...found, e], window: selection.window };
  }
  const who = check.ifHungUpBy ? `the ${check.ifHungUpBy} hung up (hangup_by: ${check.ifHungUpBy}); ` : '';
  return { verdict: 'fail', reason: `${who}${notSaid}`, evidence: found, window: selection.window };
}

/**
 * The excuse (`na_if_said`) heard near, as the required words are: the customer's 「在见」 is their
 * 再见 misheard. Only its scope's turns, and only where no exact excuse was found.
 */
function heardExcuse(check: RequireCheck, ctx: CheckContext): PhraseHit | undefined {
  const said = check.naIfSaid;
  // (an aimed, answered or confirmed excuse asks more than words: exact only)
  if (!said || !check.naIfSaidHeard || said.aim || said.unanswered || said.confirmed) return undefined;
  const selection = selectTurns(ctx.p, said.speaker, said.scope);
  return selection.ok ? firstHit(ctx.p, selection.turns, check.naIfSaidHeard, said.except) : undefined;
}

/** The speaker's leave-taking (`closed_if_said` phrases) in the window, before utterance `before`. */
function leftBefore(check: RequireCheck, ctx: CheckContext, turns: readonly number[], before: number): Evidence | undefined {
  const leave = check.closedIfSaid;
  if (!leave) return undefined;
  for (const u of turns) {
    if (u >= before) break;
    const hit = findPhrasesExcept(ctx.p, u, leave.phrases, leave.except)[0];
    if (hit) return hitEvidence(ctx.p, hit, leave.phrases, 'closed first');
  }
  return undefined;
}

/** The first group's first metadata value said wrong (and not made good by the own value said too). */
function wrongMetaValue(p: CheckContext['p'], turns: readonly number[], groups: readonly PhraseSet[], except?: PhraseSet): (MetaConflict & { group: PhraseSet }) | undefined {
  for (const group of groups) {
    const conflict = metaConflicts(p, turns, group, except)[0];
    if (conflict && !saysOwnValue(p, turns, group)) return { ...conflict, group };
  }
  return undefined;
}

/**
 * The first hit of the group that counts: one the other side's reply does not undo (what undid
 * it goes to `undone`, for the reason), and (in order) one that ends where the hit `after` ends or later.
 */
function countingHit(check: RequireCheck, ctx: CheckContext, turns: readonly number[], group: PhraseSet, undone: string[], after?: PhraseHit): PhraseHit | undefined {
  return firstHit(ctx.p, turns, group, check.except, countsFilter(check, ctx, undone, after));
}

/**
 * The hit a reviewer checks, of a group `hit` shows said: in a window at the call's end (last
 * turns, last seconds) the latest one that counts, for the close is what the standard asks for,
 * not a 「感谢您的理解」 from mid-call that the window happens to reach. Only which hit is quoted:
 * the first one still decides (and, in order, anchors the next group, so in-order checks quote it).
 */
function shownHit(check: RequireCheck, ctx: CheckContext, turns: readonly number[], group: PhraseSet, hit: PhraseHit): PhraseHit {
  if (check.inOrder || !closingWindow(check.scope)) return hit;
  return lastHit(ctx.p, turns, group, check.except, countsFilter(check, ctx)) ?? hit;
}

/** Which hits count: those the other side's reply does not undo (noted in `undone`, if given) and, in order, placed after `after`. */
function countsFilter(check: RequireCheck, ctx: CheckContext, undone?: string[], after?: PhraseHit): HitFilter | undefined {
  const { p } = ctx;
  const undo = check.undoneByReply;
  const inPlace = (hit: PhraseHit): boolean => !after || hit.utterance > after.utterance || hit.end >= after.end;
  if (!undo) return after ? inPlace : undefined;
  return (hit) => {
    if (!inPlace(hit)) return false;
    const reply = nextReplySays(p, check.speaker, hit.utterance, undo);
    if (!reply) return true;
    const why = `turn ${hit.utterance + 1} was answered with ${undo.as ?? 'new business'}: 「${reply.quote}」 (turn ${reply.turn})`;
    if (undone && undone.length < 2 && !undone.includes(why)) undone.push(why);
    return false;
  };
}

/**
 * Why the call's end, not the agent, left the phrases unsaid (with the last turn to show it);
 * `closedFirst` when the call ended that way only after the agent's own close; undefined when it did not.
 */
function whyCutOff(check: RequireCheck, ctx: CheckContext): { reason: string; evidence?: Evidence } | { closedFirst: Evidence } | undefined {
  const cut = check.cutOffNa ? callCut(ctx.p) : undefined;
  // The agent took leave first (「…再见」「那先这样」—「拜拜」): the customer's last words cut nothing off.
  const tookLeave = cut && check.closedIfSaid ? findTrigger(ctx.p, check.closedIfSaid) : undefined;
  if (tookLeave && check.closedIfSaid) return { closedFirst: hitEvidence(ctx.p, tookLeave, check.closedIfSaid.phrases, 'closed first') };
  if (cut) return { reason: cut.reason, evidence: turnEvidence(ctx.p, cut.utterance, 'call end') };
  if (check.hangupWithinReplies === undefined || ctx.triggerTurn === undefined) return undefined;
  const replies = customerLeftWithin(ctx.p, check.speaker, ctx.triggerTurn, check.hangupWithinReplies);
  if (replies === undefined) return undefined;
  const said = replies === 1 ? '1 reply' : `${replies} replies`;
  return { reason: `the customer hung up after ${said} of the ${check.speaker} to turn ${ctx.triggerTurn + 1} (hangup_by: customer)` };
}
