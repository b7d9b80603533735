/**
 * `dead_air`: no unexplained silence longer than `max_s`. Not counted:
 *   - a silence announced as a hold (「请稍等」 before it; the hold rules judge those), or inside a
 *     hold the data records;
 *   - a silence that starts within `skip_first_s` of the first utterance (connecting, IVR), or
 *     ends where the agent first speaks live after a recorded announcement (queueing);
 *   - with `skip_customer_pauses` (default): the customer's own pause — the customer speaks
 *     before and after it — and a silence after an agent question that the customer breaks
 *     (「请问您的订单号是？」 … the customer looks it up): the customer owes that turn;
 *   - with `customer_wait`: a silence the customer asked for (「你先等一下，我去拿一下卡」「好的」);
 *   - with `customer_task`: a silence while the customer does what the agent asked (「请您在按键上
 *     输入密码」, 「您先把路由器电源拔掉」「好」);
 *   - with `customer_takes_up`: a silence after the agent's answer that the customer breaks by
 *     taking it up (「您的退款三到五个工作日到账。」 … 「哦，那好吧」): they were weighing it;
 *   - with `goodbye`: a silence after the agent took leave (「不客气，再见」, at most the customer's
 *     own 「再见」 after it): nobody is waiting for an answer, the line idles until a hangup;
 *   - speech shorter than `bridge_ms` between two silences (a cough) does not break them, nor do
 *     filler sounds alone of any length (「嗯。」「呃」 written down from a breath or crosstalk).
 * A silence of exactly `max_s` passes ("longer than").
 */
import type { DeadAirCheck, PhraseSet } from '../../ruleset/compiled.js';
import { formatMs, type Utterance } from '../../model/call.js';
import { findPhrases } from '../phrases.js';
import { turnEvidence } from '../evidence.js';
import type { PreparedCall } from '../prepare.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { timingFacts, type Gap } from '../timing/facts.js';
import { firstStartingAt, isFiller, seconds, span } from '../timing/gaps.js';
import type { CheckContext } from './context.js';
import { recordedAnnouncements } from '../turns.js';
import { handoverNote, inScoredPart } from '../handover.js';

export function evaluateDeadAir(check: DeadAirCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const facts = timingFacts(p);
  if (!facts.ok) return { verdict: 'na', reason: facts.reason, evidence: [] };
  // Whose silence it is (an announced hold, the customer's own pause) needs speaker roles.
  if (!p.call.source.diarized) return { verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)', evidence: [] };
  // Recorded holds, and announced holds with their check-backs (「您还在线吗」 then silence again).
  const holds = [...(p.call.holds ?? []), ...facts.holds];
  const sorted = facts.byTime;
  const candidates = bridge(p, sorted, facts.gaps, check.bridgeMs).filter(
    (g) =>
      g.announcedBy === undefined &&
      g.handedOverBy === undefined &&
      inScoredPart(p, g.startMs) &&
      !holds.some((h) => g.startMs < h.endMs && h.startMs < g.endMs) &&
      g.startMs >= facts.firstStartMs + check.skipFirstMs &&
      !beforeLiveAgent(p, g),
  );
  const theirTurn = (g: Gap): boolean => check.skipCustomerPauses && customerOwesTurn(p, g);
  const counted = candidates.filter((g) => !theirTurn(g));
  // Whether the customer asked for the wait is asked last, and only of silences that could
  // matter (too long, or the longest so far): a call has a silence between most turns.
  const asked = (g: Gap): boolean => check.customerWait !== undefined && customerAskedToWait(p, sorted, g, check.customerWait);
  const busy = (g: Gap): boolean => check.customerTask !== undefined && agentSetTask(p, sorted, g, check.customerTask);
  const over = (g: Gap): boolean => check.goodbye !== undefined && afterGoodbye(p, sorted, g, check.goodbye);
  const weighed = (g: Gap): boolean => check.customerTakesUp !== undefined && customerTookUpAnswer(p, g, check.customerTakesUp);
  const waited = (g: Gap): boolean => asked(g) || busy(g) || over(g) || weighed(g);
  const end = Math.max(...p.call.utterances.map((u) => u.endMs ?? 0));
  const window = `whole call, ${formatMs(facts.firstStartMs)}–${formatMs(end)}${check.skipFirstMs > 0 ? ` (silences from ${formatMs(facts.firstStartMs + check.skipFirstMs)})` : ''}${handoverNote(p)}`;
  const long = (g: Gap): boolean => g.endMs - g.startMs > check.maxMs;
  const dead = counted.filter((g) => long(g) && !waited(g));
  if (dead.length === 0) {
    let longest = 0;
    for (const g of counted) if (g.endMs - g.startMs > longest && !waited(g)) longest = g.endMs - g.startMs;
    // Long silences left out say why, so the reviewer who sees them in the dialogue can check.
    const whose = (g: Gap): string =>
      theirTurn(g)
        ? "the customer's turn"
        : busy(g)
          ? 'the customer doing what the agent asked'
          : over(g)
            ? 'after the goodbye'
            : weighed(g)
              ? "the customer weighing the agent's answer"
              : 'the customer asked to wait';
    const excused = candidates.filter(long).map((g) => `; ${span(g.startMs, g.endMs)} after turn ${g.before + 1}: ${whose(g)}`);
    return { verdict: 'pass', reason: `no unexplained silence longer than ${seconds(check.maxMs)} (longest ${seconds(longest)})${excused.join('')}`, evidence: [], window };
  }
  const evidence: Evidence[] = dead.flatMap((g) => [turnEvidence(p, g.before, 'before silence'), turnEvidence(p, g.after, 'after silence')]);
  const list = dead.map((g) => `${span(g.startMs, g.endMs)} between turn ${g.before + 1} and turn ${g.after + 1}`).join('; ');
  const what = dead.length === 1 ? 'silence' : `${dead.length} silences`;
  return { verdict: 'fail', reason: `${what} longer than ${seconds(check.maxMs)}: ${list}`, evidence, window };
}

/** A silence that ends where the agent first speaks live, after a recorded announcement or IVR: the caller was queueing. */
function beforeLiveAgent(p: PreparedCall, g: Gap): boolean {
  const recorded = recordedAnnouncements(p);
  if (recorded.length === 0) return false;
  const live = p.turnsOf.agent[recorded.length];
  return live !== undefined && g.endMs <= (p.call.utterances[live]?.startMs ?? -Infinity);
}

/**
 * Merge silences separated only by a burst of speech shorter than `bridgeMs`, or by fillers.
 * Gaps and `sorted` are in time order, so one cursor walks the speech between them. The call's
 * gaps are shared (timing facts): a merge makes a new gap, the others are kept as they are.
 */
function bridge(p: PreparedCall, sorted: Utterance[], gaps: Gap[], bridgeMs: number): Gap[] {
  const out: Gap[] = [];
  let k = 0;
  const onlyFillersBefore = (toMs: number): boolean => {
    for (; k < sorted.length && ((sorted[k] as Utterance).startMs ?? 0) < toMs; k++) if (!isFiller(p, sorted[k] as Utterance)) return false;
    return true;
  };
  for (const g of gaps) {
    const prev = out[out.length - 1];
    // The speech between prev and g starts at or after prev's end: skip what starts before it.
    if (prev) while (k < sorted.length && ((sorted[k] as Utterance).startMs ?? 0) < prev.endMs) k++;
    if (prev && (g.startMs - prev.endMs < bridgeMs || onlyFillersBefore(g.startMs))) {
      out[out.length - 1] = { ...prev, endMs: g.endMs, after: g.after, announcedBy: prev.announcedBy ?? g.announcedBy, handedOverBy: prev.handedOverBy ?? g.handedOverBy };
    } else out.push(g);
  }
  return out;
}

/**
 * The customer's last turn before the silence asks the agent to wait (「你先等一下，我去拿一下卡」),
 * with at most the agent's acknowledgement (「好的」) after it: the customer is away, whoever speaks
 * next.
 */
function customerAskedToWait(p: PreparedCall, sorted: Utterance[], g: Gap, wait: PhraseSet): boolean {
  // Walk back, past filler sounds, from the last utterance that starts before the silence.
  let k = firstStartingAt(sorted, g.startMs) - 1;
  const previous = (): Utterance | undefined => {
    while (k >= 0 && isFiller(p, sorted[k] as Utterance)) k--;
    return sorted[k--];
  };
  let u = previous();
  let agentUtterances = 0;
  for (; u?.speaker === 'agent'; u = previous()) agentUtterances++;
  if (agentUtterances > 1) return false;
  for (; u?.speaker === 'customer'; u = previous()) {
    if (findPhrases(p, u.index, wait).length > 0) return true;
  }
  return false;
}

/**
 * The last words before the silence are the agent's goodbye (「不客气，再见」), or the customer's
 * goodbye answering it: the call is over and nobody waits for a reply.
 */
function afterGoodbye(p: PreparedCall, sorted: Utterance[], g: Gap, goodbye: PhraseSet): boolean {
  for (let k = firstStartingAt(sorted, g.startMs) - 1; k >= 0; k--) {
    const u = sorted[k] as Utterance;
    if (isFiller(p, u)) continue;
    const saysGoodbye = findPhrases(p, u.index, goodbye).length > 0;
    if (u.speaker === 'agent') return saysGoodbye;
    if (u.speaker !== 'customer' || !saysGoodbye) return false;
  }
  return false;
}

/** A customer reply this short (folded) with no question in it only acknowledges: 「好」「好的，我试试」. */
const ACK_MAX_CHARS = 8;

/**
 * The agent's last turn before the silence gives the customer something to do on their side
 * (「请您在按键上输入密码」「您先把路由器电源拔掉，过十秒再插上」), with at most the customer's
 * acknowledgement after it: the customer is busy, and the agent waiting for them is no dead air.
 */
function agentSetTask(p: PreparedCall, sorted: Utterance[], g: Gap, task: PhraseSet): boolean {
  let k = firstStartingAt(sorted, g.startMs) - 1;
  while (k >= 0 && isFiller(p, sorted[k] as Utterance)) k--;
  let acknowledged = 0;
  for (; k >= 0 && sorted[k]?.speaker === 'customer'; k--) {
    const u = sorted[k] as Utterance;
    acknowledged += p.folds[u.index]?.folded.length ?? 0;
    if (acknowledged > ACK_MAX_CHARS || /[?？]/.test(u.text)) return false;
  }
  for (; k >= 0 && sorted[k]?.speaker === 'agent'; k--) {
    if (findPhrases(p, (sorted[k] as Utterance).index, task).length > 0) return true;
  }
  return false;
}

/** The agent announcing work, not giving an answer (「我帮您提交一下」「正在处理」): the silence after is theirs. */
const AGENT_AT_WORK = /一下|正在|马上|稍/;
/** Shorter than this (folded), the agent's words take the floor (「好的」「嗯」) and answer nothing. */
const ANSWER_MIN_CHARS = 6;

/**
 * The agent answered (a statement, not a question nor work announced), and the customer breaks the
 * silence after it by taking the answer up — `takesUp` at the start of their words, not asking
 * anything (「查到了吗？」「喂？」 show a customer who was waiting): the customer was weighing it.
 */
function customerTookUpAnswer(p: PreparedCall, g: Gap, takesUp: PhraseSet): boolean {
  const before = p.call.utterances[g.before];
  const after = p.call.utterances[g.after];
  if (before?.speaker !== 'agent' || after?.speaker !== 'customer') return false;
  const answer = p.folds[before.index]?.folded ?? '';
  if (answer.length < ANSWER_MIN_CHARS || endsAsQuestion(before.text) || AGENT_AT_WORK.test(answer)) return false;
  if (/[?？]/.test(after.text) || endsAsQuestion(after.text)) return false;
  return findPhrases(p, after.index, takesUp).some((h) => h.start === 0);
}

/** The customer speaks after the silence, and either spoke before it or was asked a question. */
function customerOwesTurn(p: PreparedCall, g: Gap): boolean {
  const before = p.call.utterances[g.before];
  const after = p.call.utterances[g.after];
  if (after?.speaker !== 'customer') return false;
  if (before?.speaker === 'customer') return true;
  return before?.speaker === 'agent' && endsAsQuestion(before.text);
}

/**
 * Whether the text ends as a question: 「？」, or 吗/呢 with at most a closing mark after it
 * (「好吗。」). A look at the last characters: a regex anchored at the end tries every position.
 */
function endsAsQuestion(text: string): boolean {
  let end = text.length;
  while (end > 0 && WHITE_SPACE.test(text.charAt(end - 1))) end--;
  const last = text.charAt(end - 1);
  if (last === '?' || last === '？' || last === '吗' || last === '呢') return true;
  const beforeLast = text.charAt(end - 2);
  return '。.!！'.includes(last) && last !== '' && (beforeLast === '吗' || beforeLast === '呢');
}

const WHITE_SPACE = /\s/;
