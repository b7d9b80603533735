/**
 * Scopes: which utterances of which speaker a check looks at, and how to describe that window
 * in evidence ("agent turns 1–2", "agent, 00:00.0–00:10.0").
 */
import { formatMs } from '../model/call.js';
import type { ScopeSpec, SpeakerName } from '../ruleset/index.js';
import { noTurnAfter } from './hangup.js';
import { handoverNote } from './handover.js';
import { untimedReason, type PreparedCall } from './prepare.js';
import { timingFacts, type Hold } from './timing/facts.js';
import { joinRuns, openingTurns, recordedAnnouncements, speakerTurns, turnsAfter, turnsOfSpeaker } from './turns.js';

export type Selection = { ok: true; turns: number[]; window: string } | { ok: false; reason: string };

const SPEAKER_WORD: Record<SpeakerName, string> = { agent: 'agent', customer: 'customer', any: 'any speaker' };

/** Whether the call can tell this speaker apart at all. */
export function speakerKnown(p: PreparedCall, speaker: SpeakerName): boolean {
  return speaker === 'any' || p.call.source.diarized;
}


/**
 * Select the utterances of `speaker` inside `scope`. `triggerTurn` (0-based utterance index) is
 * needed for after_trigger scopes. Time scopes on an untimed call are not selectable (na).
 */
export function selectTurns(p: PreparedCall, speaker: SpeakerName, scope: ScopeSpec | undefined, triggerTurn?: number): Selection {
  if (scope && !independentOfTrigger(scope)) return select(p, speaker, scope, triggerTurn);
  // The same window for every rule that asks (compiled scopes with the same keys are one object),
  // so a call selects it once: the greeting, self-id and rude-greeting rules all read the agent's first turn.
  const byScope = (p.selections ??= new Map());
  let bySpeaker = byScope.get(scope ?? WHOLE_CALL);
  if (!bySpeaker) byScope.set(scope ?? WHOLE_CALL, (bySpeaker = {}));
  return (bySpeaker[speaker] ??= select(p, speaker, scope, triggerTurn));
}

/** Whether the scope is the call's close (its last turns or seconds): judged by its latest words. */
export function closingWindow(scope: ScopeSpec | undefined): boolean {
  return scope?.last_turns !== undefined || scope?.last_seconds !== undefined;
}

/** The cache key of "no scope". */
const WHOLE_CALL: ScopeSpec = {};

/** The scopes select() answers before it looks at the trigger. */
function independentOfTrigger(scope: ScopeSpec): boolean {
  return scope.first_turns !== undefined || scope.last_turns !== undefined || scope.first_seconds !== undefined || scope.last_seconds !== undefined;
}

function select(p: PreparedCall, speaker: SpeakerName, scope: ScopeSpec | undefined, triggerTurn?: number): Selection {
  const selection = selectFrom(p, speaker, scope, triggerTurn);
  // The agent's part ends at a transfer put through (src/engine/handover.ts): the window says so.
  return selection.ok && speaker === 'agent' && p.handover ? { ...selection, window: selection.window + handoverNote(p) } : selection;
}

function selectFrom(p: PreparedCall, speaker: SpeakerName, scope: ScopeSpec | undefined, triggerTurn?: number): Selection {
  if (!speakerKnown(p, speaker)) return { ok: false, reason: 'no speaker roles (mono or undiarized transcript)' };
  const all = liveTurnsOf(p, speaker);
  const who = SPEAKER_WORD[speaker];
  const utterances = p.call.utterances;
  // Compiled scopes are never empty (src/ruleset/compile.ts): no scope is the whole call.
  if (!scope) return { ok: true, turns: all, window: `${who}, whole call${skippedRecording(p, speaker)}` };

  if (scope.first_turns !== undefined) {
    const turns = joinRuns(openingTurns(p, speaker), 0, scope.first_turns);
    return { ok: true, turns, window: `${who}'s first ${plural(scope.first_turns, 'turn')}${describeTurns(turns)}${skippedRecording(p, speaker)}${skippedLineChecks(p, speaker)}` };
  }
  if (scope.last_turns !== undefined) {
    const runs = withoutHoldCheckBacks(p, speaker, speakerTurns(p, speaker));
    const turns = joinRuns(runs, Math.max(0, runs.length - scope.last_turns), runs.length);
    return { ok: true, turns, window: `${who}'s last ${plural(scope.last_turns, 'turn')}${describeTurns(turns)}` };
  }
  const needsTime = scope.first_seconds !== undefined || scope.last_seconds !== undefined || scope.after_trigger_seconds !== undefined;
  if (needsTime && !p.timed) return { ok: false, reason: untimedReason(p) };

  if (scope.first_seconds !== undefined) {
    // Time runs from the first utterance, so ringing/IVR before it is not held against the agent.
    const t0 = utterances[0]?.startMs ?? 0;
    const limit = t0 + scope.first_seconds * 1000;
    const turns = all.filter((i) => (utterances[i]?.startMs ?? Infinity) <= limit);
    return { ok: true, turns, window: `${who}, ${formatMs(t0)}–${formatMs(limit)}` };
  }
  if (scope.last_seconds !== undefined) {
    const end = Math.max(...utterances.map((u) => u.endMs ?? u.startMs ?? 0));
    const from = end - scope.last_seconds * 1000;
    const turns = all.filter((i) => (utterances[i]?.endMs ?? utterances[i]?.startMs ?? -Infinity) >= from);
    return { ok: true, turns, window: `${who}, ${formatMs(Math.max(0, from))}–${formatMs(end)}` };
  }
  if (triggerTurn === undefined) return { ok: false, reason: 'no trigger to measure from' };
  if (scope.from_trigger) {
    // The trigger's own turn counts: 「是这样的，…。请问您清楚了吗？」 explains and checks at once.
    const turns = all.filter((i) => i >= triggerTurn);
    return { ok: true, turns, window: `${who}, from turn ${triggerTurn + 1} on${describeTurns(turns)}` };
  }
  const after = all.filter((i) => i > triggerTurn);
  // Nothing said after the trigger because the call ended there: nothing to judge (na), unless
  // this speaker is the one who hung up.
  const ended = noTurnAfter(p, speaker, triggerTurn, after.length > 0);
  if (ended) return { ok: false, reason: ended };
  if (scope.after_trigger_turns !== undefined) {
    const turns = scope.after_trigger_turns === 0 ? after : joinRuns(turnsAfter(p, speaker, triggerTurn), 0, scope.after_trigger_turns);
    const n = scope.after_trigger_turns === 0 ? 'turns' : plural(scope.after_trigger_turns, 'turn');
    return { ok: true, turns, window: `${who}'s ${n} after turn ${triggerTurn + 1}${describeTurns(turns)}` };
  }
  const trigger = utterances[triggerTurn];
  const from = trigger?.endMs ?? trigger?.startMs ?? 0;
  const until = from + (scope.after_trigger_seconds ?? 0) * 1000;
  const turns = after.filter((i) => (utterances[i]?.startMs ?? Infinity) <= until);
  return { ok: true, turns, window: `${who}, ${formatMs(from)}–${formatMs(until)} after turn ${triggerTurn + 1}` };
}

/**
 * The agent's turns without those that check back inside a hold and leave the caller waiting again
 * (「正在为您转接，麻烦您再稍等片刻」, then silence of a hold's length): the caller is still on hold,
 * so they do not push the turns before the hold out of the call's last turns — the transfer asked
 * about in 「我为您转接售后专员，好吗？」「好的」「请稍等」 stays in reach of the handoff that ends it.
 */
function withoutHoldCheckBacks(p: PreparedCall, speaker: SpeakerName, runs: number[][]): number[][] {
  const minMs = p.ruleset.holdDetection?.minMs;
  if (speaker !== 'agent' || minMs === undefined || !p.timed) return runs;
  const facts = timingFacts(p);
  if (!facts.ok || facts.holds.length === 0) return runs;
  const utterances = p.call.utterances;
  const waitingResumes = (h: Hold, run: number[]): boolean => {
    const end = Math.max(...run.map((i) => utterances[i]?.endMs ?? utterances[i]?.startMs ?? 0));
    return h.agentSilences.some(([from, to]) => from >= end && to - from >= minMs);
  };
  const checksBack = (run: number[]): boolean => facts.holds.some((h) => run.every((i) => h.checkBacks.includes(i)) && waitingResumes(h, run));
  return runs.filter((run) => !checksBack(run));
}

/** Why the agent's first turns start later than the call: a reviewer sees the recording in the dialogue. */
/**
 * The speaker's utterances without a recorded announcement on the agent channel: a machine's
 * words are no agent's (「你嘅通話可能會被錄音」 is neither a 你 to the customer nor the agent's
 * Cantonese). Turn scopes skip it the same way (speakerTurns).
 */
function liveTurnsOf(p: PreparedCall, speaker: SpeakerName): number[] {
  const all = turnsOfSpeaker(p, speaker);
  if (speaker !== 'agent') return all;
  const recorded = recordedAnnouncements(p);
  return recorded.length === 0 ? all : all.filter((u) => !recorded.includes(u));
}

function skippedRecording(p: PreparedCall, speaker: SpeakerName): string {
  const recorded = speaker === 'agent' ? recordedAnnouncements(p) : [];
  if (recorded.length === 0) return '';
  const numbers = recorded.map((i) => i + 1);
  return numbers.length === 1 ? `, after the recorded announcement in call turn ${numbers[0]}` : `, after the recorded announcement in call turns ${numbers.join(', ')}`;
}

/** Why an outbound call's first agent turns start after the agent's first words: 「喂？听得到吗？」 to a silent line. */
function skippedLineChecks(p: PreparedCall, speaker: SpeakerName): string {
  const n = speaker === 'agent' ? (p.lineChecks ?? 0) : 0;
  if (n === 0) return '';
  const numbers = joinRuns(speakerTurns(p, speaker), 0, n).map((i) => i + 1);
  return `, after the prompts to a silent line in call ${numbers.length === 1 ? 'turn' : 'turns'} ${numbers.join(', ')}`;
}

/** " (call turns 1, 3)" for a few turns, " (call turns 3…41)" for many. */
function describeTurns(turns: number[]): string {
  if (turns.length === 0) return ' (none)';
  const numbers = turns.map((t) => t + 1);
  if (numbers.length === 1) return ` (call turn ${numbers[0]})`;
  if (numbers.length <= 4) return ` (call turns ${numbers.join(', ')})`;
  return ` (call turns ${numbers[0]}…${numbers[numbers.length - 1]})`;
}

export function plural(n: number, word: string): string {
  return n === 1 ? `${n} ${word}` : `${n} ${word}s`;
}
