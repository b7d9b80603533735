/**
 * `speech_rate`: agent characters per minute of agent speaking time inside [min, max] (both
 * ends allowed). Needs start and end times; too little agent speech to measure ⇒ na.
 */
import type { SpeechRateCheck } from '../../ruleset/compiled.js';
import { turnEvidence } from '../evidence.js';
import type { CheckOutcome } from '../result.js';
import { timelineProblem, seconds } from '../timing/gaps.js';
import { speechRate } from '../timing/speech-rate.js';
import type { CheckContext } from './context.js';
import { emptyChannelNote } from '../prepare.js';

export function evaluateSpeechRate(check: SpeechRateCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  if (!p.call.source.diarized) return { verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)', evidence: [] };
  const agent = p.turnsOf.agent.map((i) => p.call.utterances[i]).filter((u) => u !== undefined);
  const problem = timelineProblem(agent, p);
  if (problem) return { verdict: 'na', reason: problem, evidence: [] };
  if (agent.length === 0) return { verdict: 'na', reason: `the agent never speaks${emptyChannelNote(p, 'agent')}`, evidence: [] };
  // A segment slower than half the band's minimum holds silence (src/engine/timing/speech-rate.ts).
  const r = speechRate(agent, check.min / 2, check.min);
  const left = r.leftOut;
  if (r.speakingMs < check.minSpeakingMs) {
    return { verdict: 'na', reason: `only ${seconds(r.speakingMs)} of agent speech (${seconds(check.minSpeakingMs)} needed to measure a rate)`, evidence: [] };
  }
  const rate = r.perMinute.toFixed(1);
  const turnsOf = (n: number): string => (n === 1 ? '1 turn' : `${n} turns`);
  const leftOut =
    (left > 0 ? `; ${turnsOf(left)} slower than ${check.min / 2} per minute left out, as silence inside a recognised segment` : '') +
    (r.readbacks > 0 ? `; ${turnsOf(r.readbacks)} reading out a number slower than ${check.min} per minute left out` : '');
  const facts = `${rate} characters per minute (${r.units} characters in ${seconds(r.speakingMs)} of agent speech${leftOut})`;
  const band = `band ${check.min}–${check.max} per minute`;
  const evidence = r.fastest ? [turnEvidence(p, r.fastest.index, `fastest turn, ${r.fastest.perMinute.toFixed(1)} per minute`)] : [];
  const window = `agent, whole call (${agent.length} turns)`;
  if (r.perMinute > check.max) return { verdict: 'fail', reason: `too fast: ${facts}, above the ${band}`, evidence, window };
  if (r.perMinute < check.min) return { verdict: 'fail', reason: `too slow: ${facts}, below the ${band}`, evidence, window };
  return { verdict: 'pass', reason: `${facts}, inside the ${band}`, evidence, window };
}
