/**
 * Time sanity for a call's utterances, after roles are assigned: times no call can have make all
 * of the call's timestamps unusable (timing rules are na), and overlaps are only reported.
 */
import { formatMs, type ReadWarning, type Utterance } from '../model/call.js';
import { onlySoundNotes } from '../model/sound-notes.js';

/** The turn's number, and where it is in a file without lines; a line is the warning's location (see warn). */
function where(u: Utterance): string {
  return u.at !== undefined ? `turn ${u.index + 1} (${u.at})` : `turn ${u.index + 1}`;
}

function warn(warnings: ReadWarning[], u: Utterance, message: string): void {
  warnings.push(u.line !== undefined ? { message, line: u.line } : { message });
}

/** Longer than any call (the dialogue limit is about eleven hours of speech): a time past it is a broken clock, not a long call. */
export const MAX_CALL_MS = 24 * 60 * 60 * 1000;

/**
 * How far an utterance may start before the one listed before it. Two voices recognised apart
 * and merged can be a fraction of a second out of order; more is a clock that jumps back.
 */
export const BACKWARDS_TOLERANCE_MS = 1000;

/**
 * Longer than any silence a call keeps: the standards ask the agent to come back to a held caller
 * every 25 s, and a hold with music written down (「[等待音]」) is speech to this check. A gap past
 * it is a broken clock — an hour typed by mistake (`[1:02:03.5]` among `[mm:ss]` lines), a time in
 * the wrong unit — and counted, it would be an hour of dead air.
 */
export const MAX_SILENCE_MS = 30 * 60 * 1000;

/**
 * Faster than anyone speaks (fast Chinese speech is 6–8 characters a second; this counts
 * punctuation too): an utterance this fast has times in the wrong unit (seconds read as
 * milliseconds) or one typed wrong, and counted it would make a normal agent "too fast".
 */
const MAX_CHARS_PER_SECOND = 40;
/** Shorter texts are not judged for speed: a recogniser may clip a lone 「好的」 to a blip. */
const SPEED_MIN_CHARS = 8;

/**
 * How far one speaker's utterance may run into their next one. A recogniser never overlaps one
 * channel's sentences, and diarization only by a moment; more is an end time typed wrong
 * (`[00:30.1-05:33.0]` for 00:33.0), which would hide the hold and silences after it.
 */
const SAME_SPEAKER_OVERLAP_MS = 5000;

/** How many of a call's bad times the warning spells out. */
const SHOWN_TIME_PROBLEMS = 3;

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} s`;
}

/** What is wrong with one time that cannot be a call's, or undefined (also for no time). */
function timeProblem(ms: number | undefined, what: 'start' | 'end'): string | undefined {
  if (ms === undefined) return undefined;
  if (!Number.isFinite(ms)) return `has an invalid ${what} time`;
  if (ms < 0) return `has a negative ${what} time (${seconds(ms)})`;
  if (ms > MAX_CALL_MS) return `has a${what === 'end' ? 'n' : ''} ${what} time ${seconds(ms)} into the call, more than 24 hours`;
  return undefined;
}

/** "00:30.1 to 1:00:33.0": formatted only for a message (the checks run on every utterance). */
function spanOf(u: Utterance): string {
  return `${formatMs(u.startMs ?? 0)} to ${formatMs(u.endMs ?? 0)}`;
}

/** What is wrong with one utterance's own times, or undefined. */
function ownTimeProblem(u: Utterance): string | undefined {
  const problem = timeProblem(u.startMs, 'start') ?? timeProblem(u.endMs, 'end');
  if (problem) return problem;
  if (u.startMs === undefined || u.endMs === undefined) return undefined;
  const ms = u.endMs - u.startMs;
  if (ms < 0) return `ends before it starts (${spanOf(u)})`;
  // An end typed an hour late hides every silence and hold after the utterance's start
  // (hold music written down, 「[等待音]」, may play as long as the hold).
  if (ms > MAX_SILENCE_MS && !onlySoundNotes(u.text)) {
    return `lasts ${Math.round(ms / 60_000)} minutes (${spanOf(u)}): no one speaks that long (a typo in the hour? times in the wrong unit?)`;
  }
  // Length, not a character scan.
  const chars = u.text.trim().length;
  if (chars >= SPEED_MIN_CHARS && ms * MAX_CHARS_PER_SECOND < chars * 1000) {
    return `lasts ${seconds(ms)} for ${chars} characters, faster than anyone speaks (times in the wrong unit?)`;
  }
  return undefined;
}

/**
 * A vendor JSON utterance (located by its path) without a start time, in a call whose other
 * utterances have one: a gap in the clock, as bad as a broken time. A plain-text line's
 * timestamp is optional, so a plain line without one is not this.
 */
function missingTime(u: Utterance): string | undefined {
  return u.startMs === undefined && u.at !== undefined ? 'has no start time (null or missing)' : undefined;
}

/** Shorter texts may be a filler sound the recogniser stretched over hold music (「嗯。」). */
const WORDS_MIN_CHARS = 4;

/**
 * Whether an utterance is a voice saying words, for the same-speaker check: a sound note
 * (「[等待音]」 written for the whole hold) or a stretched 「嗯。」 is not, and speech may run over it.
 */
function saysWords(u: Utterance): boolean {
  return u.text.trim().length >= WORDS_MIN_CHARS && !onlySoundNotes(u.text);
}

interface TimeProblem {
  u: Utterance;
  what: string;
}

/** What an utterance's start is checked against: the utterances before it. */
interface Clock {
  /** The utterance listed before, and the one before that. */
  previous?: Utterance;
  beforePrevious?: Utterance;
  /** Whether the previous one's own times are already reported. */
  previousFlagged?: boolean;
  /** When the speech so far ends. */
  spokenUntil?: number;
  /** Each speaker's last utterance that says words (saysWords), with sound times. */
  lastOf: Map<string, Utterance>;
  /** How long the recording is, when the vendor says. */
  recordingMs?: number;
}

/**
 * Where a start that is itself sound cannot be, given the utterances before it: more than a second
 * before the one listed before (times go backwards); more than MAX_SILENCE_MS after all speech so
 * far (a clock that jumped ahead), unless the vendor's recording holds it; or well inside the same
 * speaker's previous utterance — one voice says one thing at a time, so that one's end is wrong
 * (a line repeated at the same start is a repeat, not this).
 */
function orderProblem(u: Utterance, start: number, nextStart: number | undefined, clock: Clock): TimeProblem | undefined {
  const { previous, beforePrevious, spokenUntil, recordingMs } = clock;
  if (previous?.startMs !== undefined && previous.startMs - start > BACKWARDS_TOLERANCE_MS) {
    // In line with the one before the previous, and the next one stays behind the previous too:
    // the previous one alone jumped ahead (a typo), so name it.
    const before = beforePrevious?.startMs;
    const inLine = before !== undefined && before - start <= BACKWARDS_TOLERANCE_MS;
    if (beforePrevious && inLine && !clock.previousFlagged && nextStart !== undefined && previous.startMs - nextStart > BACKWARDS_TOLERANCE_MS) {
      const around = `turn ${beforePrevious.index + 1} at ${formatMs(before)}, turn ${u.index + 1} at ${formatMs(start)}`;
      return { u: previous, what: `starts at ${formatMs(previous.startMs)}, out of line with the utterances around it (${around}): a typo in its time?` };
    }
    return { u, what: `starts at ${formatMs(start)}, ${seconds(previous.startMs - start)} before the utterance listed before it (times go backwards)` };
  }
  if (spokenUntil !== undefined && start - spokenUntil > MAX_SILENCE_MS && !(recordingMs !== undefined && start <= recordingMs)) {
    const minutes = Math.round((start - spokenUntil) / 60_000);
    return { u, what: `starts at ${formatMs(start)}, ${minutes} minutes after anyone last spoke (${formatMs(spokenUntil)}): no call is silent that long (a typo in the hour? times in the wrong unit?)` };
  }
  const same = clock.lastOf.get(u.speaker);
  if (u.speaker !== 'unknown' && saysWords(u) && same?.endMs !== undefined && same.startMs !== start && same.endMs - start > SAME_SPEAKER_OVERLAP_MS) {
    return { u: same, what: `ends at ${formatMs(same.endMs)}, ${seconds(same.endMs - start)} into the ${u.speaker}'s next utterance (turn ${u.index + 1}, ${formatMs(start)}): one voice says one thing at a time (a typo in the end time?)` };
  }
  return undefined;
}

/**
 * Time sanity. A call whose times cannot be a call's — a negative, invalid or (in vendor JSON, where
 * the other utterances have one) missing time, an end before its start, a time more than 24 hours
 * in, a start more than a second before the previous utterance's (times going backwards), a
 * silence or an utterance longer than MAX_SILENCE_MS (a silence inside the vendor's recording
 * length, `recordingMs`, is the recording's), or an utterance faster than anyone speaks — has
 * its timestamps dropped, all of them: timing rules
 * computed from part of a broken clock would be verdicts from garbage, so they are na
 * "timestamps unusable: …" instead (source.timingProblem), and one warning names the utterances
 * (line, or turn and JSON path). Otherwise, a start slightly before the previous one is only
 * reported (the file order is kept: it is what the reader or author gave), and so are overlaps:
 * two speakers talking over each other overlap legitimately, so they are one summary line.
 */
export function checkTimes(utterances: Utterance[], warnings: ReadWarning[], recordingMs?: number): { utterances: Utterance[]; problem?: string } {
  const problems: TimeProblem[] = [];
  const someTimed = utterances.some((u) => u.startMs !== undefined);
  const clock: Clock = { lastOf: new Map(), ...(recordingMs !== undefined ? { recordingMs } : {}) };
  for (let i = 0; i < utterances.length; i++) {
    const u = utterances[i] as Utterance;
    const own = ownTimeProblem(u) ?? (someTimed ? missingTime(u) : undefined);
    if (own) problems.push({ u, what: own });
    // A start that is itself sound orders the call, even when the end is not.
    const start = u.startMs;
    if (start === undefined || timeProblem(start, 'start')) continue;
    const order = own ? undefined : orderProblem(u, start, utterances[i + 1]?.startMs, clock);
    // One reason per utterance: a line out of line also runs into the same speaker's next one.
    if (order && !problems.some((p) => p.u === order.u)) problems.push(order);
    clock.beforePrevious = clock.previous;
    clock.previous = u;
    clock.previousFlagged = own !== undefined || order !== undefined;
    if (!own) {
      clock.spokenUntil = Math.max(clock.spokenUntil ?? 0, u.endMs ?? start);
      if (saysWords(u)) clock.lastOf.set(u.speaker, u);
    }
  }
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    const shown = problems.slice(0, SHOWN_TIME_PROBLEMS).map((p) => `${where(p.u)} ${p.what}`);
    const more = problems.length > SHOWN_TIME_PROBLEMS ? `; ${problems.length - SHOWN_TIME_PROBLEMS} more utterance(s) with bad times` : '';
    warn(warnings, first.u, `timestamps unusable, not used (timing rules are na): ${shown.join('; ')}${more}`);
    for (const u of utterances) {
      delete u.startMs;
      delete u.endMs;
    }
    return { utterances, problem: `${where(first.u)} ${first.what}` };
  }

  reportOverlaps(utterances, warnings);
  return { utterances };
}

/** Starts slightly out of order, and overlaps (two voices at once is legitimate): one line each. */
function reportOverlaps(utterances: Utterance[], warnings: ReadWarning[]): void {
  let previous: Utterance | undefined;
  let overlaps = 0;
  let firstOverlap: Utterance | undefined;
  for (const u of utterances) {
    if (u.startMs === undefined) continue;
    if (previous?.startMs !== undefined && u.startMs < previous.startMs) {
      warn(warnings, u, `${where(u)} starts before the previous utterance (times out of order)`);
    } else if (previous?.endMs !== undefined && u.startMs < previous.endMs) {
      overlaps++;
      firstOverlap ??= u;
    }
    previous = u;
  }
  if (firstOverlap) {
    warn(warnings, firstOverlap, `${overlaps} utterance(s) overlap the previous one in time (the first is ${where(firstOverlap)})`);
  }
}
