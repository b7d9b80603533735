/**
 * `silent_caller` (seed 004 (一)5–6: greet, 5 s of silence, repeat the prompt, 5 s, close politely).
 * Applies when the caller never says a word (text alone tells; 「嗯」「啊」 alone and sound notes
 * such as 「[噪音]」 are no words), or — on a timed call — says
 * nothing for `wait_s` after the agent's first turn ends (exactly `wait_s` counts). Then:
 *   - the agent repeats a prompt during the silence (a `repeat` phrase in a later agent turn, or
 *     a second one in the first turn: some recognisers keep one agent turn when nobody answers);
 *   - if the caller never speaks at all, the agent also closes politely (a `close` phrase);
 *   - the agent never says a `never` phrase (「喂，喂、听不见！」「不说话就挂了」) while they wait.
 */
import type { SilentCallerCheck } from '../../ruleset/compiled.js';
import { formatMs, type Utterance } from '../../model/call.js';
import { hitEvidence } from '../evidence.js';
import { firstNearHit, lastHit, phraseEvidence, quoteMatch } from '../near.js';
import { findPhrases, outermost, type PhraseHit } from '../phrases.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { isFiller, seconds, span } from '../timing/gaps.js';
import { hungUpBy } from '../hangup.js';
import { speakerTurns } from '../turns.js';
import type { CheckContext } from './context.js';
import { emptyChannelNote, untimedReason } from '../prepare.js';

export function evaluateSilentCaller(check: SilentCallerCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  if (!p.call.source.diarized) return { verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)', evidence: [] };
  // The agent's first turn, whole: a recogniser may cut 「您好，」|「请问有什么可以帮您？」 in two.
  const firstTurn = speakerTurns(p, 'agent')[0] ?? [];
  const firstAgent = firstTurn[0];
  const firstEnd = firstTurn[firstTurn.length - 1];
  if (firstAgent === undefined || firstEnd === undefined) return { verdict: 'na', reason: `the agent never speaks${emptyChannelNote(p, 'agent')}`, evidence: [] };
  const utterances = p.call.utterances;
  // A lone 「嗯」「啊」 on a silent line is a breath or noise the recogniser wrote down, not words.
  const firstCustomer = p.turnsOf.customer.find((i) => !isFiller(p, utterances[i] as Utterance));

  let agentTurns = p.turnsOf.agent;
  let silence: string;
  if (firstCustomer === undefined) {
    silence = `the caller never speaks${emptyChannelNote(p, 'customer')}`;
  } else {
    if (!p.timed) {
      const untimed = untimedReason(p);
      const why = untimed === 'no timestamps' ? 'no timestamps to measure a silence before' : untimed;
      return { verdict: 'na', reason: `the caller speaks (${why})`, evidence: [] };
    }
    const a = utterances[firstEnd];
    const c = utterances[firstCustomer];
    // Start times alone ([00:05] 客户：…) say when the caller spoke, not how long the agent's
    // greeting lasted: the silence after it cannot be measured.
    if (a?.endMs === undefined) return { verdict: 'na', reason: 'the caller speaks (no end times to measure a silence from)', evidence: [] };
    const from = a.endMs;
    const to = c?.startMs ?? 0;
    if (firstCustomer < firstAgent || to - from < check.waitMs) {
      const after = firstCustomer < firstAgent ? 'before the agent' : `${seconds(Math.max(0, to - from))} after the agent's first turn`;
      return { verdict: 'na', reason: `the caller speaks at ${formatMs(to)}, ${after} (silent caller: ${seconds(check.waitMs)})`, evidence: [] };
    }
    silence = `the caller is silent ${span(from, to)}`;
    agentTurns = agentTurns.filter((i) => (utterances[i]?.startMs ?? Infinity) < to);
  }

  const hits = (set: SilentCallerCheck['repeat']): PhraseHit[] => agentTurns.flatMap((u) => findPhrases(p, u, set));
  const evidence: Evidence[] = [];
  // 「不说话就挂了」 is one threat, though a phrase and a regex of the list both find it.
  const never = check.never ? agentTurns.flatMap((u) => outermost(findPhrases(p, u, check.never as SilentCallerCheck['repeat']))) : [];
  if (never.length > 0 && check.never) {
    const said = never.map((h) => hitEvidence(p, h, check.never as SilentCallerCheck['repeat']));
    return { verdict: 'fail', reason: `${silence}; the agent says ${said.map((e) => `「${e.matched}」 (turn ${e.turn})`).join(', ')}`, evidence: said };
  }
  const inFirst = (u: number): boolean => firstTurn.includes(u);
  // A caller who never speaks and a call that ends with the agent's first turn: the caller hung
  // up (or nobody knows who did) before there was anything to repeat. Only an agent who hangs up
  // on a silent line without the procedure fails.
  const by = hungUpBy(p);
  if (firstCustomer === undefined && by !== 'agent' && agentTurns.every(inFirst)) {
    const who = by === 'customer' ? 'the caller hung up' : 'who hung up is not known';
    return { verdict: 'na', reason: `the caller never speaks, and the call ends with the agent's first turn (${who})`, evidence: [] };
  }
  const prompts = hits(check.repeat);
  // Near matches (你 for 您) count as for any required phrase; a near prompt in the first turn
  // would only be the greeting itself.
  const repeat =
    prompts.find((h, k) => !inFirst(h.utterance) || k > 0) ??
    firstNearHit(p, agentTurns.filter((u) => !inFirst(u)), check.repeat);
  const missing: string[] = [];
  if (repeat) evidence.push(phraseEvidence(p, repeat, check.repeat, 'repeat'));
  else missing.push(`no repeated prompt ${check.repeat.label}`);
  let note = '';
  if (firstCustomer === undefined) {
    // The last turn's close is what a reviewer checks (an earlier 「听不到您的声音」 may be a re-prompt).
    const close = lastHit(p, agentTurns, check.close);
    if (close) evidence.push(phraseEvidence(p, close, check.close, 'close'));
    // The caller hung up before the agent closed: no close to say.
    else if (by === 'customer') note = '; no close needed: the caller hung up (hangup_by: customer)';
    else missing.push(`no polite close ${check.close.label}`);
  }
  const window = firstCustomer === undefined ? 'agent, whole call' : `agent turns before the caller's first words (turn ${firstCustomer + 1})`;
  // A stereo call whose customer channel is empty, and an agent who neither re-prompts nor closes
  // as on a silent line: the agent may be talking with a caller whose channel was lost. Only a
  // person listening can tell, so this is no fail on the channel's silence alone.
  if (missing.length > 0 && evidence.length === 0 && firstCustomer === undefined && p.call.source.emptyChannel?.role === 'customer') {
    const why = 'the agent never re-prompts or closes as on a silent line: a person should listen (the channel may have been lost)';
    return { verdict: 'review', reason: `${silence}, but ${why}`, evidence, window };
  }
  if (missing.length > 0) return { verdict: 'fail', reason: `${silence}: ${missing.join('; ')}`, evidence, window };
  return { verdict: 'pass', reason: `${silence}: ${evidence.map((e) => `${quoteMatch(e)} (turn ${e.turn})`).join(', ')}${note}`, evidence, window };
}
