/**
 * The one internal model of a call. Every reader produces a `Call`; everything after the
 * readers is format-blind, everything before the engine is ruleset-blind.
 */

export type Speaker = 'agent' | 'customer' | 'unknown';

export interface Utterance {
  /** 0-based position in the call (the "turn" shown in evidence is index + 1). */
  index: number;
  speaker: Speaker;
  /** Start and end in milliseconds from the start of the recording, when the source had times. */
  startMs?: number;
  endMs?: number;
  /** The speaker's words, in the original script (evidence quotes these characters). */
  text: string;
  /** 1-based line of the source file where the utterance starts, when the format has lines. */
  line?: number;
  /** Where it is in a file read without lines (JSON): `segments[4]`, `Result.Sentences[2]`. */
  at?: string;
  /** Recogniser confidence 0..1 for the sentence, when the format carries it. */
  confidence?: number;
  /** Per-word confidences, when the format carries them (offsets into `text`). */
  words?: WordConfidence[];
  /** The label as written for a speaker of no role (主管, 坐席2) and, beside them, the scored agent's (坐席1): shown, never judged. */
  label?: string;
}

export interface WordConfidence {
  start: number;
  end: number;
  confidence: number;
}

/**
 * Call metadata as snake_case keys, the same names used in front matter, manifests and rules:
 * call_id, agent_id, agent_name, direction (inbound|outbound), date (YYYY-MM-DD), started_at,
 * ring_s, queue_s, hangup_by (agent|customer), transferred, region, holiday …
 */
export type MetaValue = string | number | boolean;
export type CallMeta = Record<string, MetaValue | undefined>;

/**
 * The agent's number as scripts say it (「客服128号」): `agent_no`, else the digits of `agent_id`
 * (A128 → 128); undefined when neither says one.
 */
export function agentNumberOf(meta: CallMeta): MetaValue | undefined {
  return meta.agent_no ?? /\d+/.exec(String(meta.agent_id ?? ''))?.[0];
}

export interface SourceFacts {
  /** Reader that parsed the file: 'plain', 'alibaba', 'srt', … */
  format: string;
  /** Encoding the bytes were decoded with: 'utf-8', 'gb18030', 'big5', 'utf-16le' … */
  encoding: string;
  /** Whether every utterance carries a start time. */
  timed: boolean;
  /** Whether speakers are told apart (false for a mono / undiarized transcript). */
  diarized: boolean;
  /** How agent/customer roles were decided: 'labels' | 'explicit' | 'mapping' | 'auto'. */
  roleSource?: string;
  /** Confidence of an automatic role decision, 0..1. */
  roleConfidence?: number;
  /** A stereo recording where one side's channel has no speech: whose, and which channel when known. */
  emptyChannel?: EmptyChannel;
  /**
   * Why the file's timestamps are not used (times that cannot be a call's: negative, an end
   * before its start, past 24 hours, going backwards); the utterances then carry no times and
   * timing rules are na "timestamps unusable". See checkTimes in src/readers/index.ts.
   */
  timingProblem?: string;
}

export interface EmptyChannel {
  role: 'agent' | 'customer';
  channel?: string;
}

/** A non-fatal problem found while reading: the call is still scored, the warning is listed. */
export interface ReadWarning {
  message: string;
  line?: number;
  column?: number;
}

/** A hold the telephony system recorded (the hold button), in ms from the recording start. */
export interface HoldEvent {
  startMs: number;
  endMs: number;
}

export interface Call {
  id: string;
  file: string;
  meta: CallMeta;
  utterances: Utterance[];
  source: SourceFacts;
  warnings: ReadWarning[];
  /** Holds from the data itself, when the source has them (most transcripts do not). */
  holds?: HoldEvent[];
}

/** Why a file could not be turned into a Call; `line`/`column` when the problem has a place. */
export interface ReadError {
  file: string;
  stage: 'read' | 'decode' | 'parse' | 'meta';
  message: string;
  line?: number;
  column?: number;
}

export type ReadOutcome = { ok: true; call: Call } | { ok: false; error: ReadError };

/** Turn index → the "turn" number people see (1-based). */
export function turnNumber(u: Utterance): number {
  return u.index + 1;
}

/** mm:ss.s (or h:mm:ss.s) for evidence; '' when the time is unknown. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '';
  const totalTenths = Math.round(ms / 100);
  const tenths = totalTenths % 10;
  const totalSeconds = Math.floor(totalTenths / 10);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600);
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${tenths}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
