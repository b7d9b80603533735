/**
 * `hold`: rules over each hold of the call (src/engine/timing/holds.ts).
 *   before        the agent's turn that announces the hold asks or explains (好吗 / 我帮您查询)
 *   check_back_s  a hold longer than this is broken by an agent word at least that often
 *   after         the agent thanks or apologises on coming back (谢谢您的等候): in its first turn
 *                 after the hold, or in a turn after the hold's last silence of hold length
 * Every hold must pass; the first failing one is the evidence. No hold ⇒ na.
 */
import type { HoldCheck } from '../../ruleset/compiled.js';
import { turnEvidence } from '../evidence.js';
import { firstHit, phraseEvidence, quoteMatch } from '../near.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { timingFacts, type Hold } from '../timing/facts.js';
import { asidesIn } from '../timing/holds.js';
import { seconds, span } from '../timing/gaps.js';
import type { CheckContext } from './context.js';
import type { PreparedCall } from '../prepare.js';
import { turnsAfter } from '../turns.js';

type Judged = { verdict: 'pass' | 'fail' | 'na'; reason: string; evidence: Evidence[] };

export function evaluateHold(check: HoldCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const facts = timingFacts(p);
  if (!facts.ok) return { verdict: 'na', reason: facts.reason, evidence: [] };
  if (!p.call.source.diarized) return { verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)', evidence: [] };
  if (facts.holds.length === 0) return { verdict: 'na', reason: 'no hold in this call', evidence: [] };
  let holds = facts.holds;
  if (check.mode === 'check_back') {
    holds = holds.filter((h) => h.endMs - h.startMs > check.maxPieceMs);
    if (holds.length === 0) {
      const longest = Math.max(...facts.holds.map((h) => h.endMs - h.startMs));
      return { verdict: 'na', reason: `no hold longer than ${seconds(check.maxPieceMs)} (longest ${seconds(longest)})`, evidence: [] };
    }
  }
  const judged = holds.map((h) => judge(p, check, h));
  const window = holds.map((h) => `hold ${span(h.startMs, h.endMs)}`).join('; ');
  const fail = judged.find((j) => j.verdict === 'fail');
  if (fail) return { ...fail, window };
  const passes = judged.filter((j) => j.verdict === 'pass');
  if (passes.length === 0) return { verdict: 'na', reason: judged.map((j) => j.reason).join('; '), evidence: [] };
  return { verdict: 'pass', reason: passes.map((j) => j.reason).join('; '), evidence: passes.flatMap((j) => j.evidence), window };
}

function judge(p: PreparedCall, check: HoldCheck, h: Hold): Judged {
  const name = `hold ${span(h.startMs, h.endMs)}`;
  const around = [
    ...(h.announce !== undefined ? [turnEvidence(p, h.announce, 'before hold')] : []),
    ...h.checkBacks.map((i) => turnEvidence(p, i, 'check-back')),
    ...(h.resume !== undefined ? [turnEvidence(p, h.resume, 'after hold')] : []),
  ];
  if (check.mode === 'check_back') {
    const [from, to] = h.agentSilences.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
    const longest = to - from;
    if (longest > check.maxPieceMs) {
      // Words to a colleague inside it are why the agent was heard and the hold still failed: say so.
      const asides = asidesIn(p, from, to).map((i) => `turn ${i + 1}`);
      const aside = asides.length > 0 ? ` (${asides.join(', ')} said to someone else, not to the customer)` : '';
      return { verdict: 'fail', reason: `${name}: no word from the agent for ${span(from, to)}, longer than ${seconds(check.maxPieceMs)}${aside}`, evidence: around };
    }
    const backs = h.checkBacks.map((i) => `turn ${i + 1}`).join(', ');
    return { verdict: 'pass', reason: `${name}: checked back at ${backs}; longest silence ${seconds(longest)}`, evidence: around };
  }
  if (check.mode === 'before') {
    if (h.announce === undefined) return { verdict: 'fail', reason: `${name}: the agent says nothing before it`, evidence: around };
    const turns = announcementTurns(p, h.announce);
    const hit = firstHit(p, turns, check.phrases);
    if (hit) {
      const e = phraseEvidence(p, hit, check.phrases, 'before hold');
      return { verdict: 'pass', reason: `${name} announced with ${quoteMatch(e)} (turn ${hit.utterance + 1})`, evidence: [e, ...around.slice(1)] };
    }
    return { verdict: 'fail', reason: `${name}: the announcement (turn ${h.announce + 1}) neither asks nor explains (${check.phrases.label})`, evidence: around };
  }
  // after: the agent's first turn after the hold
  const next = h.resume === undefined ? undefined : p.turnsOf.agent.find((i) => i >= (h.resume as number));
  const back = backFromLastWait(p, h);
  if (next === undefined && back.length === 0) return { verdict: 'na', reason: `${name}: the agent does not speak after it`, evidence: [] };
  // The whole turn: 「好的，」 | 「谢谢您的等候，…」 split by the recogniser is one turn.
  const turn = next === undefined ? [] : (turnsAfter(p, 'agent', next - 1)[0] ?? [next]);
  const hit = firstHit(p, [...back, ...turn], check.phrases);
  if (hit) {
    const e = phraseEvidence(p, hit, check.phrases, 'after hold');
    return { verdict: 'pass', reason: `${name}, then ${quoteMatch(e)} (turn ${hit.utterance + 1})`, evidence: [...around.filter((x) => x.role === 'before hold'), e] };
  }
  const said = [...new Set(next === undefined ? back : [...back, next])];
  const turns = said.map((i) => `turn ${i + 1}`).join(', ');
  const which = back.length > 0 ? `the agent's turns back from its last wait (${turns}) do not say` : `the agent's first turn after it (${turns}) does not say`;
  // The turns back are shown once, as what came after the hold.
  const evidence = [...around.filter((e) => e.role !== 'after hold' && !(e.role === 'check-back' && back.includes(e.turn - 1))), ...said.map((i) => turnEvidence(p, i, 'after hold'))];
  return { verdict: 'fail', reason: `${name}: ${which} ${check.phrases.label}`, evidence };
}

/**
 * The agent's words inside the hold after its last silence of hold length: the agent came back
 * there. 「不好意思让您久等了，线路有故障，我帮您登记报修，好吗？」「好」「已经登记好了」 thanked on
 * coming back; the quick errand it announced after that kept the hold open on paper only.
 */
function backFromLastWait(p: PreparedCall, h: Hold): number[] {
  const minMs = p.ruleset.holdDetection?.minMs ?? 0;
  const lastWait = [...h.agentSilences].reverse().find(([from, to]) => to - from >= minMs);
  if (!lastWait) return [];
  return h.checkBacks.filter((i) => (p.call.utterances[i]?.startMs ?? 0) >= lastWait[1]);
}

/** A customer reply this short (folded), with no question in it, only consents: 「好」「好的」「可以」. */
const CONSENT_MAX_CHARS = 4;

/**
 * The announcing agent turn plus the agent turns right before it (no customer turn between); and
 * when the customer only consented in between, the agent turn they answered: in
 * 「我帮您看一下线路，好吗？」「好的」「请稍等」 the agent asked and explained before the 「请稍等」.
 */
function announcementTurns(p: PreparedCall, announce: number): number[] {
  const utterances = p.call.utterances;
  const out = [announce];
  let i = announce - 1;
  for (; i >= 0 && utterances[i]?.speaker === 'agent'; i--) out.push(i);
  let consent = 0;
  const from = i;
  for (; i >= 0 && utterances[i]?.speaker === 'customer'; i--) {
    consent += p.folds[i]?.folded.length ?? 0;
    if (consent > CONSENT_MAX_CHARS || /[?？]/.test(utterances[i]?.text ?? '')) return out;
  }
  if (i === from) return out;
  for (; i >= 0 && utterances[i]?.speaker === 'agent'; i--) out.push(i);
  return out;
}
