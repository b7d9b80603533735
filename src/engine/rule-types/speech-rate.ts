/**
 * `speech_rate`: agent characters per minute of agent speaking time inside [min, max] (both
 * ends allowed), or inside the first of `bands` whose `when` holds (Cantonese is spoken faster
 * than Mandarin). Needs start and end times; too little agent speech to measure ⇒ na.
 */
import type { SpeechRateCheck } from '../../ruleset/compiled.js';
import { evaluateWhen, findTrigger } from '../conditions.js';
import { hitEvidence, quoteList, turnEvidence } from '../evidence.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { isFiller, timelineProblem, seconds } from '../timing/gaps.js';
import { speechRate, type RateFacts } from '../timing/speech-rate.js';
import type { CheckContext } from './context.js';
import { emptyChannelNote, type PreparedCall } from '../prepare.js';
import { recordedAnnouncements } from '../turns.js';

interface Band {
  min: number;
  max: number;
  /** 「Cantonese band 120–360 per minute (chosen by turn 3「唔該」)」 */
  label: string;
  evidence: Evidence[];
}

/** The first band whose `when` holds, else [min, max]. Unknown (no metadata) keeps the default. */
function bandFor(check: SpeechRateCheck, p: PreparedCall, recorded: readonly number[]): Band {
  for (const b of check.bands) {
    const applies = evaluateWhen(p, b.when);
    if (applies.state !== 'yes') continue;
    let evidence = applies.evidence;
    // The recorded prompt (「你嘅通話可能會被錄音」 before a Putonghua agent) is not the agent's language:
    // only words said live choose a band.
    const said = b.when.said;
    if (said && applies.triggerTurn !== undefined && recorded.includes(applies.triggerTurn)) {
      const live = findTrigger(p, said, Math.max(...recorded));
      if (!live) continue;
      evidence = [hitEvidence(p, live, said.phrases)];
    }
    // A metadata match has no quote: name the values (「region HK」).
    const meta = Object.entries(b.when.meta ?? {}).filter(([, t]) => t.eq !== undefined).map(([k, t]) => `${k} ${String(t.eq)}`);
    const why = evidence.length > 0 ? quoteList(evidence) : (applies.note ?? (meta.length > 0 ? meta.join(', ') : undefined));
    return {
      min: b.min,
      max: b.max,
      label: `${b.name} band ${b.min}–${b.max} per minute${why ? ` (chosen by ${why})` : ''}`,
      evidence: evidence.map((e) => ({ ...e, role: `chooses the ${b.name} band` })),
    };
  }
  return { min: check.min, max: check.max, label: `band ${check.min}–${check.max} per minute`, evidence: [] };
}

export function evaluateSpeechRate(check: SpeechRateCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  if (!p.call.source.diarized) return { verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)', evidence: [] };
  const all = p.turnsOf.agent.map((i) => p.call.utterances[i]).filter((u) => u !== undefined);
  const problem = timelineProblem(all, p);
  if (problem) return { verdict: 'na', reason: problem, evidence: [] };
  if (all.length === 0) return { verdict: 'na', reason: `the agent never speaks${emptyChannelNote(p, 'agent')}`, evidence: [] };
  // A recorded prompt on the agent channel (「本次通话可能会被录音，普通话请按1」) is a machine's pace, not the agent's.
  const recorded = recordedAnnouncements(p);
  const live = recorded.length === 0 ? all : all.filter((u) => !recorded.includes(u.index));
  if (live.length === 0) return { verdict: 'na', reason: 'the agent never speaks live (only a recorded announcement)', evidence: [] };
  // A lone 「嗯」「哦」 while the customer talks is listening, not speaking: its padded second of
  // segment would slow the agent's rate down.
  const agent = live.filter((u) => !isFiller(p, u));
  const fillers = live.length - agent.length;
  const turnsOf = (n: number): string => (n === 1 ? '1 turn' : `${n} turns`);
  const prompts =
    (recorded.length === 0 ? '' : `; ${recorded.length === 1 ? 'a recorded announcement' : `${recorded.length} turns of recorded announcement`} left out`) +
    (fillers === 0 ? '' : `; ${turnsOf(fillers)} of a filler sound alone (「嗯」) left out`);
  const band = bandFor(check, p, recorded);
  // A segment slower than half the band's minimum holds silence (src/engine/timing/speech-rate.ts).
  const r = speechRate(agent, band.min / 2, band.min, check.uncutMs);
  const left = r.leftOut;
  const leftOut =
    prompts +
    (left > 0 ? `; ${turnsOf(left)} slower than ${band.min / 2} per minute left out, as silence inside a recognised segment` : '') +
    (r.readbacks > 0 ? `; ${turnsOf(r.readbacks)} reading out a number slower than ${band.min} per minute left out` : '');
  if (r.speakingMs < check.minSpeakingMs) {
    // Say what was left out: "only 0.0 s" of an agent who spoke for ten minutes needs the why.
    return { verdict: 'na', reason: `only ${seconds(r.speakingMs)} of agent speech (${seconds(check.minSpeakingMs)} needed to measure a rate${leftOut})`, evidence: [] };
  }
  const rate = r.perMinute.toFixed(1);
  const facts = `${rate} characters per minute (${r.units} characters in ${seconds(r.speakingMs)} of agent speech${leftOut})`;
  const evidence = r.fastest ? [turnEvidence(p, r.fastest.index, `fastest turn, ${r.fastest.perMinute.toFixed(1)} per minute`)] : [];
  evidence.push(...band.evidence);
  const window = `agent, whole call (${agent.length} turns)`;
  if (r.perMinute > band.max) return { verdict: 'fail', reason: `too fast: ${facts}, above the ${band.label}`, evidence, window };
  if (r.perMinute < band.min) {
    const uncut = uncutDoubt(r, band.min, check.minSpeakingMs, check.uncutMs);
    if (uncut) {
      const long = r.uncut.map((u) => turnEvidence(p, u.index, `${seconds(u.ms)} in one recognised segment, ${((u.units * 60000) / u.ms).toFixed(1)} per minute`));
      return { verdict: 'review', reason: `slow only in segments the recogniser may not have cut at pauses: ${facts}, below the ${band.label}; ${uncut}`, evidence: [...long, ...evidence], window };
    }
    return { verdict: 'fail', reason: `too slow: ${facts}, below the ${band.label}`, evidence, window };
  }
  return { verdict: 'pass', reason: `${facts}, inside the ${band.label}`, evidence, window };
}

/**
 * Why a "too slow" is not sure, when it rests on very long segments (a 10-minute 「…」 of 665
 * characters is an uncut recording with pauses, not an agent speaking at 66 a minute): the rest
 * of the agent's speech is at least `min`, or too little to tell. Undefined when the rest is slow too.
 */
function uncutDoubt(r: RateFacts, min: number, minSpeakingMs: number, uncutMs: number): string | undefined {
  if (r.uncut.length === 0) return undefined;
  const ms = r.speakingMs - r.uncut.reduce((sum, u) => sum + u.ms, 0);
  const units = r.units - r.uncut.reduce((sum, u) => sum + u.units, 0);
  const segments = `${r.uncut.length === 1 ? 'segment' : `${r.uncut.length} segments`} of ${seconds(uncutMs)} or more`;
  if (ms < minSpeakingMs) return `without the ${segments}, ${seconds(ms)} of agent speech is left, too little to measure — a person listens`;
  const rest = (units * 60000) / ms;
  return rest >= min ? `without the ${segments}, the rest is ${rest.toFixed(1)} per minute — a person listens` : undefined;
}
