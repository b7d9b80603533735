/**
 * Turns. A speaker's turn is what they say until someone else speaks. Speech recognisers cut one
 * turn into sentences (「您好，」 | 「康泰鑫客服很高兴为您服务，请问有什么可以帮您？」), so on a timed
 * call a speaker's consecutive utterances less than `thresholds.turn_gap_ms` apart, with nobody
 * speaking in between, are one turn. The other side's short word dropped into that pause (the
 * caller's 「喂？」 between 「您好，」 and 「…很高兴为您服务」, at most `thresholds.backchannel_chars`)
 * does not end the turn either: the speaker went on without waiting for an answer. Longer pauses
 * stay separate turns: prompts to a silent caller (seconds apart), the words before and after a
 * hold. Untimed transcripts keep their lines: a line is a turn (a line without a label already
 * continues the previous one).
 *
 * A recorded announcement or IVR prompt on the agent's channel before the agent speaks live
 * (「本次通话可能会被录音」「请按1」, `lexicons.recorded_announcement`) is no turn of the agent's: the
 * opening is judged on the agent's first live words. An utterance with live wording
 * (`recorded_announcement_not`: 「请问有什么可以帮您」, a 工号) is the agent's own greeting, recording
 * notice or not, and so is a notice (`recording_notice`) the agent's live words go on from in the same turn. A call with
 * nothing but the recording on the agent channel has no agent turn. Nor are a sound note or filler
 * alone (「[噪音]」「嗯。」) before the agent's first words a turn.
 *
 * "First turns" scopes (openingTurns) also leave out an outbound agent's line checks to a silent
 * pickup (「喂？」「喂，您好，听得到吗？」, `lexicons.line_check`) said before the customer's first words.
 */
import type { Speaker, Utterance } from '../model/call.js';
import { isFiller } from './timing/gaps.js';
import type { PhraseSet, SpeakerName } from '../ruleset/index.js';
import type { PreparedCall } from './prepare.js';
import { findPhrases } from './phrases.js';

/** Without `thresholds.turn_gap_ms`, every utterance is its own turn. */
export const DEFAULT_TURN_GAP_MS = 0;

export function turnGapMs(p: PreparedCall): number {
  return p.ruleset.thresholds.turn_gap_ms ?? DEFAULT_TURN_GAP_MS;
}

/** The speaker's utterances (every utterance for `any`), in order. */
export function turnsOfSpeaker(p: PreparedCall, speaker: SpeakerName): number[] {
  if (speaker === 'any') return p.call.utterances.map((u) => u.index);
  return p.turnsOf[speaker as Speaker];
}

/** The speaker's turns, in order, each as the utterance indices it is made of. */
export function speakerTurns(p: PreparedCall, speaker: SpeakerName): number[][] {
  const cache = (p.turnRuns ??= {});
  const cached = cache[speaker];
  if (cached) return cached;
  const utterancesOf = turnsOfSpeaker(p, speaker);
  const skip = speaker === 'agent' ? agentOpeningSkip(p) : 0;
  const runs = runsOf(p, speaker, skip > 0 ? utterancesOf.slice(skip) : utterancesOf);
  cache[speaker] = runs;
  return runs;
}

/**
 * The speaker's turns as "first turns" scopes count them. An outbound call's customer may pick up
 * and say nothing: the agent's 「喂？」「喂，您好，听得到吗？」 before the customer's first words are
 * prompts to a silent line (`lexicons.line_check`, every word of the turn), not the opening, which
 * is what the agent says once someone is there to hear it. (opening.silent-caller still reads them.)
 */
export function openingTurns(p: PreparedCall, speaker: SpeakerName): number[][] {
  const runs = speakerTurns(p, speaker);
  if (speaker !== 'agent') return runs;
  const skip = (p.lineChecks ??= lineCheckTurns(p, runs));
  return skip === 0 ? runs : runs.slice(skip);
}

/** How many of the agent's first turns are only line-check words said before the customer speaks. */
function lineCheckTurns(p: PreparedCall, runs: readonly number[][]): number {
  const set = p.ruleset.lineCheck;
  if (!set || p.call.meta.direction !== 'outbound') return 0;
  const firstCustomer = p.turnsOf.customer.find((i) => !isFiller(p, p.call.utterances[i] as Utterance));
  if (firstCustomer === undefined) return 0;
  let n = 0;
  // Never every turn: the agent's words after the customer answers are the opening.
  while (n < runs.length - 1) {
    const run = runs[n] as number[];
    if ((run[run.length - 1] as number) > firstCustomer || !run.every((u) => onlyPhrases(p, u, set))) break;
    n++;
  }
  return n;
}

/** Whether the set's phrases cover every character of utterance u (punctuation is folded away). */
function onlyPhrases(p: PreparedCall, u: number, set: PhraseSet): boolean {
  const length = p.folds[u]?.folded.length ?? 0;
  let covered = 0;
  for (const hit of findPhrases(p, u, set)) {
    if (hit.start > covered) return false;
    covered = Math.max(covered, hit.end);
  }
  return covered >= length;
}

/** The utterances grouped into turns (see the top of this file). */
function runsOf(p: PreparedCall, speaker: SpeakerName, utterancesOf: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (let start = 0; start < utterancesOf.length; ) {
    const end = runEnd(p, speaker, utterancesOf, start);
    runs.push(utterancesOf.slice(start, end));
    start = end;
  }
  return runs;
}

/** Where the turn that starts at utterancesOf[start] ends (exclusive). */
function runEnd(p: PreparedCall, speaker: SpeakerName, utterancesOf: readonly number[], start: number): number {
  if (speaker === 'any') return start + 1;
  const utterances = p.call.utterances;
  const gap = turnGapMs(p);
  const maxChars = p.ruleset.thresholds.backchannel_chars ?? 0;
  let end = start + 1;
  for (; end < utterancesOf.length; end++) {
    const prev = utterancesOf[end - 1] as number;
    const next = utterancesOf[end] as number;
    if (!(onlyShortWordsBetween(p, prev, next, maxChars) && joins(utterances[prev], utterances[next], gap))) break;
  }
  return end;
}

/**
 * How many of the agent's first utterances are no words of the agent's: a recorded announcement,
 * or only a sound note or filler (「[噪音]」「嗯。」 on the agent channel before the greeting; never
 * the last utterance: a call of fillers alone still has them).
 */
function agentOpeningSkip(p: PreparedCall): number {
  const agent = p.turnsOf.agent;
  const recorded = new Set(recordedAnnouncements(p));
  const filler = (n: number): boolean => n < agent.length - 1 && isFiller(p, p.call.utterances[agent[n] as number] as Utterance);
  let n = 0;
  while (n < agent.length && (recorded.has(agent[n] as number) || filler(n))) n++;
  return n;
}

/** Whether the agent channel holds only a recorded announcement: nobody answered live. */
export function onlyRecorded(p: PreparedCall): boolean {
  const recorded = recordedAnnouncements(p);
  return recorded.length > 0 && recorded.length === p.turnsOf.agent.length;
}

const announcementsOf = new WeakMap<PreparedCall, number[]>();

/**
 * The agent's first utterances that are a recorded announcement, in order (all of them when the
 * caller hung up during the recording, or it is all the agent channel holds).
 * A recording the recogniser cut in two (「您好，欢迎致电康泰鑫，」|「本次通话可能会被录音。」, one
 * turn) goes whole: the utterances of a turn up to its last announcing one, if none is live; a
 * turn with live words is the agent's, notice and all.
 */
export function recordedAnnouncements(p: PreparedCall): number[] {
  const known = announcementsOf.get(p);
  if (known) return known;
  const announcement = p.ruleset.announcement;
  const out: number[] = [];
  if (announcement) {
    const says = (u: number, set: typeof announcement.phrases | undefined): boolean => !!set && findPhrases(p, u, set).length > 0;
    const agent = p.turnsOf.agent;
    // Turn by turn, and only as far as the recording goes (most calls: the first turn is live).
    for (let start = 0, next = 0; start < agent.length; start = next) {
      next = runEnd(p, 'agent', agent, start);
      const run = agent.slice(start, next);
      // A noise before the recording (「[噪音]」 on its own) hides nothing.
      if (run.every((u) => isFiller(p, p.call.utterances[u] as Utterance))) continue;
      const firstLive = run.findIndex((u) => says(u, announcement.live));
      // Live words that go on from the notice in the same turn make it the agent's: 「您好，本次通话可能会
      // 被录音。」 and, under a second later with nobody in between, 「请问有什么可以帮您？」 are one
      // agent reading it. An agent taking over from a recording greets afresh (「您好，很高兴为您服务」).
      // (An untimed call's lines are separate turns: which is the machine's stays as it was.)
      const readAloud = (u: number): boolean => !says(u, announcement.phrases) || onlyNotice(p, u);
      if (firstLive > 0 && !greetsAfresh(p, run[firstLive] as number) && run.slice(0, firstLive).every(readAloud)) break;
      let end = -1;
      for (let k = 0; k < (firstLive < 0 ? run.length : firstLive); k++) if (says(run[k] as number, announcement.phrases)) end = k;
      out.push(...run.slice(0, end + 1));
      if (end < run.length - 1) break;
    }
  }
  announcementsOf.set(p, out);
  return out;
}

/** Whether utterance u opens with a greeting of its own (`lexicons.greeting`). */
function greetsAfresh(p: PreparedCall, u: number): boolean {
  const greeting = p.ruleset.announcement?.greeting;
  return !!greeting && findPhrases(p, u, greeting)[0]?.start === 0;
}

/** Whether every announcement wording in utterance u is the recording notice an agent may read live (`lexicons.recording_notice`). */
function onlyNotice(p: PreparedCall, u: number): boolean {
  const { phrases, notice } = p.ruleset.announcement ?? {};
  if (!phrases || !notice) return false;
  const noticeHits = findPhrases(p, u, notice);
  return findPhrases(p, u, phrases).every((h) => noticeHits.some((n) => n.start === h.start && n.end === h.end));
}

/** Whether every utterance strictly between a and b is another speaker's word of at most maxChars. */
function onlyShortWordsBetween(p: PreparedCall, a: number, b: number, maxChars: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if ((p.folds[k]?.folded.length ?? Infinity) > maxChars) return false;
  }
  return true;
}

type Timed = { startMs?: number; endMs?: number } | undefined;

function joins(a: Timed, b: Timed, gapMs: number): boolean {
  if (gapMs <= 0 || a?.startMs === undefined || b?.startMs === undefined) return false;
  return b.startMs - (a.endMs ?? a.startMs) < gapMs;
}

/** The utterances of runs[from…to), in order (Array.prototype.flat is a slow generic path in V8). */
export function joinRuns(runs: readonly number[][], from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to && r < runs.length; r++) for (const i of runs[r] as number[]) out.push(i);
  return out;
}

/** The speaker's turns after utterance `after` (a turn it splits keeps its later part). */
export function turnsAfter(p: PreparedCall, speaker: SpeakerName, after: number): number[][] {
  const out: number[][] = [];
  for (const run of speakerTurns(p, speaker)) {
    if ((run[run.length - 1] as number) <= after) continue;
    out.push((run[0] as number) > after ? run : run.filter((i) => i > after));
  }
  return out;
}

/**
 * The agent's utterance right before the customer's run of utterances that holds `i`: the question
 * customer utterance `i` answers (「请问您的身分證字號？」「A123456789」), or '' when the agent did not speak just before.
 */
export function questionBefore(p: PreparedCall, i: number): string {
  const utterances = p.call.utterances;
  let j = i - 1;
  while (j >= 0 && utterances[j]?.speaker === 'customer') j--;
  return j >= 0 && utterances[j]?.speaker === 'agent' ? (utterances[j]?.text ?? '') : '';
}
