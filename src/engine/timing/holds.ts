/**
 * Holds. A hold is a silence of at least `hold_min_s` whose last agent turn before it announces
 * one (a phrase of `lexicons.hold_announce`: 请稍等, 我帮您查一下 …), or a hold the data records
 * (Call.holds). Customer turns between the announcement and the silence are allowed
 * (「请稍等。」「好的。」 then silence). Consecutive held silences make ONE hold when every agent
 * turn between them announces again — that is the agent checking back
 * (「很抱歉，您的问题正在查证中，麻烦您再稍等片刻」) — and a customer's 「喂？」 inside a hold does
 * not end it either; nor does an agent turn that only checks back (`lexicons.hold_check_back`:
 * 「您还在线吗」), which continues a hold but never starts one. Nor does an agent utterance that is only a filler sound (嗯, 呃): on a stereo
 * recording the agent's channel picks up a breath, hold music or a murmur to a colleague as 「嗯。」,
 * which neither ends the hold nor checks back with the customer. Nor do words the agent says to
 * someone else (`lexicons.hold_aside`: 「小王，帮我看下这个单」 to a colleague, a recorded
 * 「您的通话正在保持中」): the customer still waits without a word. A supervisor or colleague who
 * comes on the line (speaker unknown) ends it.
 */
import type { Utterance } from '../../model/call.js';
import type { HoldDetection, PhraseSet } from '../../ruleset/compiled.js';
import { newAgentOpens } from '../handover.js';
import { findPhrases, findPhrasesExcept } from '../phrases.js';
import type { PreparedCall } from '../prepare.js';
import { recordedAnnouncements, speakerTurns } from '../turns.js';
import { byStart, isFiller, startingIn, type Gap } from './gaps.js';

export interface Hold {
  startMs: number;
  endMs: number;
  /** The agent turn that announced the hold (the last agent turn before it), if there is one. */
  announce?: number;
  /** Agent turns inside the hold (check-backs). */
  checkBacks: number[];
  /** The first utterance after the hold, if the call goes on. */
  resume?: number;
  /** Stretches of the hold without an agent word: [start, end] in ms. */
  agentSilences: Array<[number, number]>;
  source: 'announced' | 'event';
}

const turnIndex = new WeakMap<PreparedCall, Array<number[] | undefined>>();

/** By utterance index: the agent turn (utterance indices) it belongs to. */
function agentTurnOf(p: PreparedCall): Array<number[] | undefined> {
  let index = turnIndex.get(p);
  if (!index) {
    const built: Array<number[] | undefined> = [];
    for (const run of speakerTurns(p, 'agent')) for (const i of run) built[i] = run;
    turnIndex.set(p, (index = built));
  }
  return index;
}

/**
 * Whether the agent turn of utterance `u` announces a hold, in its utterances starting before
 * `beforeMs`: a recogniser cuts 「很抱歉让您久等了，」|「麻烦您再稍等片刻」 in two, and the turn
 * is what the customer hears.
 */
function turnAnnounces(p: PreparedCall, detection: HoldDetection, u: Utterance, beforeMs = Infinity): boolean {
  return turnSays(p, detection.announce, u, beforeMs);
}

function turnSays(p: PreparedCall, phrases: PhraseSet | undefined, u: Utterance, beforeMs = Infinity, except?: PhraseSet): boolean {
  if (!phrases) return false;
  const run = agentTurnOf(p)[u.index] ?? [u.index];
  // A loop, not some(): asked of every agent turn before every silence, and a closure each time was garbage.
  for (const i of run) if ((p.call.utterances[i]?.startMs ?? 0) < beforeMs && findPhrasesExcept(p, i, phrases, except).length > 0) return true;
  return false;
}

/**
 * Mark each silence announced by the last agent turn (with words) that starts before it. Not a
 * silence the customer asked for, when the agent only agrees to wait: 「你等一下，我去拿保单」
 * 「好的，您不着急，请稍等」 is the customer's errand, not the agent's hold. An agent who gives a
 * reason of their own (「你等一下，我还想问积分」「请稍等，我帮您查一下」) holds.
 */
export function markAnnounced(p: PreparedCall, ordered: Utterance[], gaps: Gap[], detection: HoldDetection | undefined): void {
  if (!detection) return;
  let k = 0;
  let lastAgent: Utterance | undefined;
  let lastCustomer: Utterance | undefined;
  let customerBeforeAgent: Utterance | undefined;
  // The agent's turn before the customer's last words: 「帮您转接到技术部，好吗？」 before 「好的」「请稍等」.
  let agentBeforeCustomer: Utterance | undefined;
  const recorded = recordedAnnouncements(p);
  for (const g of gaps) {
    while (k < ordered.length && (ordered[k]?.startMs ?? 0) < g.startMs) {
      const u = ordered[k] as Utterance;
      // An IVR's 「正在为您转接，请稍候」 before the agent answers is queueing, not a hold.
      if (u.speaker === 'agent' && !isFiller(p, u) && !recorded.includes(u.index) && !aside(p, detection, u)) {
        if (customerBeforeAgent !== lastCustomer) agentBeforeCustomer = lastAgent;
        lastAgent = u;
        customerBeforeAgent = lastCustomer;
      } else if (u.speaker === 'customer' && !isFiller(p, u)) lastCustomer = u;
      // A supervisor or colleague who comes on (speaker unknown, labelled 主管, 坐席2) ends the agent's
      // hold: the silences after their words are not announced by the agent's 「请稍等」.
      else if (u.speaker === 'unknown' && u.label !== undefined && !isFiller(p, u)) lastAgent = undefined;
      k++;
    }
    if (!lastAgent) continue;
    const customersErrand =
      detection.customerWait !== undefined &&
      customerBeforeAgent !== undefined &&
      findPhrases(p, customerBeforeAgent.index, detection.customerWait).length > 0 &&
      !turnSays(p, detection.errand, lastAgent, g.startMs);
    if (customersErrand) continue;
    if (putThrough(p, g, [lastAgent, agentBeforeCustomer])) {
      g.handedOverBy = lastAgent.index;
      continue;
    }
    if (turnAnnounces(p, detection, lastAgent, g.startMs)) g.announcedBy = lastAgent.index;
    else if (turnSays(p, detection.checkBack, lastAgent, g.startMs)) g.checkedBackBy = lastAgent.index;
  }
}

/**
 * The silence puts a transfer through: one of the agent's last two turns announces it (「我帮您转接到
 * 技术部门，好吗？」「好的」「请稍等」) and next speaks either the agent's label opening a call anew
 * (「您好，技术部工号203，请问有什么可以帮您？」) — a new agent; the first never comes back — or
 * another service label (坐席2, 客户经理, 主管: src/readers/scored-agent.ts), whatever its first words.
 */
function putThrough(p: PreparedCall, g: Gap, agentTurns: Array<Utterance | undefined>): boolean {
  // The transfer the call was handed over at (src/engine/handover.ts): the silences after the first
  // agent's last turn, until the new agent's first words, put it through.
  const h = p.handover;
  if (h && !h.scoredIsNew && agentTurns[0] !== undefined && agentTurnOf(p)[agentTurns[0].index]?.includes(h.lastOwn) && g.after <= h.at) return true;
  const transfer = p.ruleset.handover;
  if (!transfer) return false;
  const next = p.call.utterances[g.after];
  const newLabel = next?.speaker === 'unknown' && next.label !== undefined;
  // Under the same label, only words that open the call anew as someone else are a new agent, as
  // src/engine/handover.ts reads them: not 「工号128，技术部那边占线」 nor a bare 「我工号128，我先帮您登记」.
  if (!newLabel && (next?.speaker !== 'agent' || !newAgentOpens(p, transfer, agentTurnOf(p)[g.after] ?? [g.after], agentTurnsBefore(p, g.after)))) return false;
  return agentTurns.some((u) => u !== undefined && turnSays(p, transfer.transfer.phrases, u, g.startMs, transfer.transfer.except));
}

/** The agent's turns before the one utterance `u` belongs to. */
function agentTurnsBefore(p: PreparedCall, u: number): number[][] {
  const runs = speakerTurns(p, 'agent');
  const at = runs.findIndex((run) => run.includes(u));
  return at < 0 ? runs : runs.slice(0, at);
}

/** The holds, from the silences markAnnounced marked and the holds the data records; `utterances` in time order. */
export function findHolds(p: PreparedCall, utterances: Utterance[], gaps: Gap[], detection: HoldDetection | undefined): Hold[] {
  const events = p.call.holds ?? [];
  const inEvent = (g: Gap): boolean => events.some((e) => g.startMs < e.endMs && e.startMs < g.endMs);
  const announced = detection ? gaps.filter((g) => (g.announcedBy !== undefined || g.checkedBackBy !== undefined) && !inEvent(g)) : [];
  // 「您还在线吗？」「在。」「我这边还在查，请再稍等」: checking back keeps the hold going.
  const keepsHold = (u: Utterance): boolean => !!detection && (turnAnnounces(p, detection, u) || turnSays(p, detection.checkBack, u));

  // A hold starts with an announced silence of at least hold_min_s; a later announced or
  // checked-back silence (of any length) continues it when every agent turn in between announces
  // again or checks back.
  const runs: Gap[][] = [];
  let open = false;
  // Announced silences too short to be a hold alone, parted only by words to someone else
  // (「小李，帮我看一下」): the caller hears nothing between them, so they are one wait.
  let pending: Gap[] = [];
  for (const g of announced) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (open && run && prev && agentTurnsBetween(p, utterances, prev.endMs, g.startMs).every(keepsHold)) {
      run.push(g);
      continue;
    }
    open = false;
    if (g.announcedBy === undefined) {
      pending = [];
      continue;
    }
    const last = pending[pending.length - 1];
    const wait = last && nothingForCustomer(p, utterances, last.endMs, g.startMs) ? [...pending, g] : [g];
    if (g.endMs - (wait[0] as Gap).startMs >= (detection?.minMs ?? Infinity)) {
      runs.push(wait);
      open = true;
      pending = [];
    } else pending = wait;
  }
  const holds = runs.map((chained) => {
    const run = untilCustomerTalks(p, utterances, chained, detection?.minMs ?? Infinity);
    const first = run[0] as Gap;
    const last = run[run.length - 1] as Gap;
    return makeHold(p, utterances, first.startMs, last.endMs, 'announced', first.announcedBy, last.after);
  });
  for (const e of events) {
    const lastAgent = utterances.filter((u) => u.speaker === 'agent' && !isFiller(p, u) && (u.startMs ?? 0) < e.startMs).pop();
    const resume = utterances.find((u) => (u.startMs ?? 0) >= e.endMs);
    holds.push(makeHold(p, utterances, e.startMs, e.endMs, 'event', lastAgent?.index, resume?.index));
  }
  return holds.sort((a, b) => a.startMs - b.startMs);
}

/**
 * Only the agent's words to someone else (or its fillers) in [fromMs, toMs): the caller hears nothing
 * for them. A customer's 「嗯」 after 「请稍等」 is their answer, and the hold starts after it.
 */
function nothingForCustomer(p: PreparedCall, sorted: Utterance[], fromMs: number, toMs: number): boolean {
  const between = startingIn(sorted, fromMs, toMs);
  return between.length > 0 && between.every((u) => u.speaker === 'agent' && (isFiller(p, u) || aside(p, p.ruleset.holdDetection, u)));
}

/** More than this many characters (folded, fillers aside) from the customer is talk, not 「好」「在」「喂？」. */
const CUSTOMER_TALK_CHARS = 8;

/**
 * The run up to its last silence of hold length, when the customer talks after it: the agent came
 * back there (「谢谢您的等候，我给您登记一个工单，您说一下情况」) and the customer describing the
 * problem for half a minute is no caller on hold, though the agent's errand chains the short pauses
 * between their sentences. A 「好」 after a check-back keeps the hold going, as do silences of
 * hold length after the customer's words (「你快点啊，我还要出门」, then 20 s).
 */
function untilCustomerTalks(p: PreparedCall, sorted: Utterance[], run: Gap[], minMs: number): Gap[] {
  let lastWait = run.length - 1;
  while (lastWait > 0 && (run[lastWait] as Gap).endMs - (run[lastWait] as Gap).startMs < minMs) lastWait--;
  if (lastWait === run.length - 1) return run;
  const from = (run[lastWait] as Gap).endMs;
  const to = (run[run.length - 1] as Gap).endMs;
  let said = 0;
  for (const u of startingIn(sorted, from, to)) if (u.speaker === 'customer' && !isFiller(p, u)) said += p.folds[u.index]?.folded.length ?? 0;
  return said > CUSTOMER_TALK_CHARS ? run.slice(0, lastWait + 1) : run;
}

/** Agent turns with words for the customer starting in [fromMs, toMs); `sorted` is in time order. */
function agentTurnsBetween(p: PreparedCall, sorted: Utterance[], fromMs: number, toMs: number): Utterance[] {
  const detection = p.ruleset.holdDetection;
  return startingIn(sorted, fromMs, toMs).filter((u) => u.speaker === 'agent' && !isFiller(p, u) && !aside(p, detection, u));
}

/** The agent's utterances starting in [fromMs, toMs) said to someone else (`hold_aside`): named when a check-back fails. */
export function asidesIn(p: PreparedCall, fromMs: number, toMs: number): number[] {
  const detection = p.ruleset.holdDetection;
  if (!detection?.aside) return [];
  return startingIn(byStart(p.call.utterances), fromMs, toMs).filter((u) => u.speaker === 'agent' && aside(p, detection, u)).map((u) => u.index);
}

/**
 * Whether the agent's utterance is said to someone else (`hold_aside`) and has no word for the
 * customer that checks back (「小王，帮我看下，不好意思还在查」 checks back all the same).
 */
function aside(p: PreparedCall, detection: HoldDetection | undefined, u: Utterance): boolean {
  if (!detection?.aside || findPhrases(p, u.index, detection.aside).length === 0) return false;
  return !detection.checkBack || findPhrases(p, u.index, detection.checkBack).length === 0;
}

function makeHold(p: PreparedCall, sorted: Utterance[], startMs: number, endMs: number, source: Hold['source'], announce?: number, resume?: number): Hold {
  const inside = agentTurnsBetween(p, sorted, startMs, endMs);
  const agentSilences: Array<[number, number]> = [];
  let from = startMs;
  for (const u of inside) {
    if ((u.startMs ?? 0) > from) agentSilences.push([from, u.startMs ?? 0]);
    from = Math.max(from, u.endMs ?? u.startMs ?? 0);
  }
  if (endMs > from) agentSilences.push([from, endMs]);
  return { startMs, endMs, announce, checkBacks: inside.map((u) => u.index), resume, agentSilences, source };
}
