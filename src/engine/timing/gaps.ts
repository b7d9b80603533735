/**
 * Silences: the stretches where nobody speaks, between the end of all speech so far and the next
 * utterance's start. Overlapping speech never makes a gap. Needs end times on every utterance.
 */
import { formatMs, type Utterance } from '../../model/call.js';
import { untimedReason, type PreparedCall } from '../prepare.js';

export interface Gap {
  startMs: number;
  endMs: number;
  /** The utterance whose end opens the silence (the latest-ending one so far). */
  before: number;
  /** The utterance whose start closes it. */
  after: number;
  /** The agent turn that announced a hold right before this silence (「请稍等」), if any. */
  announcedBy?: number;
  /** The agent turn right before this silence checks back inside a hold (「您还在线吗」): it continues one, never starts one. */
  checkedBackBy?: number;
  /** The agent turn that announced a transfer the silence puts through (a new agent opens after it): no hold, no dead air. */
  handedOverBy?: number;
}

/** Why the call's timing cannot be used, or undefined when it can. */
export function timelineProblem(utterances: Utterance[], p: PreparedCall): string | undefined {
  if (!p.timed) return untimedReason(p);
  const open = utterances.find((u) => u.endMs === undefined);
  if (!open) return undefined;
  if (p.call.utterances.every((u) => u.endMs === undefined)) return 'no end times (the transcript gives start times only)';
  // One segment with its end missing: the others' ends do not say where this one stops.
  const where = open.at ?? (open.line !== undefined ? `line ${open.line}` : undefined);
  return `turn ${open.index + 1}${where !== undefined ? ` (${where})` : ''} has no end time`;
}

/** Filler sounds, one UTF-16 code unit each. */
const FILLER_UNITS = new Set([...'嗯恩唔呃额啊哦噢喔欸诶哎'].map((c) => c.charCodeAt(0)));

/**
 * Only filler sounds (folded: no punctuation), or nothing at all: no words to the other side.
 * A loop, not a regex: asked ~110 times a call by the timing rules, and most utterances answer
 * at their first character.
 */
function fillerOnly(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) if (!FILLER_UNITS.has(folded.charCodeAt(i))) return false;
  return true;
}

/**
 * 「嗯。」「呃」 alone: a breath, hold music or crosstalk the recogniser wrote down on a stereo
 * channel. It neither ends a silence nor a hold, nor answers anyone.
 */
export function isFiller(p: PreparedCall, u: Utterance): boolean {
  return fillerOnly(p.folds[u.index]?.folded ?? '');
}

/**
 * Whether an utterance says nothing to anyone for the timeline: a sound note alone (「[等待音]」,
 * hold music a recogniser or subtitler wrote down for the whole hold), or an agent's filler sound
 * (see isFiller). A customer's lone 「嗯」 after 「请稍等」 is their consent and stays.
 */
export function isSoundOnly(p: PreparedCall, u: Utterance): boolean {
  const folded = p.folds[u.index]?.folded ?? '';
  return folded === '' || (u.speaker === 'agent' && fillerOnly(folded));
}

/** Utterances in time order (readers keep file order; a merged vendor file may not be sorted). */
export function byStart(utterances: Utterance[]): Utterance[] {
  const sorted = utterances.slice();
  // Readers' order is nearly always time order already: a look costs less than a sort.
  for (let i = 1; i < sorted.length; i++) {
    if (startOrder(sorted[i - 1] as Utterance, sorted[i] as Utterance) > 0) return sorted.sort(startOrder);
  }
  return sorted;
}

function startOrder(a: Utterance, b: Utterance): number {
  return (a.startMs ?? 0) - (b.startMs ?? 0) || a.index - b.index;
}

/** Index of the first utterance of `sorted` (by start) that starts at or after `ms`. */
export function firstStartingAt(sorted: Utterance[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.startMs ?? 0) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Utterances of `sorted` that start in [fromMs, toMs). */
export function startingIn(sorted: Utterance[], fromMs: number, toMs: number): Utterance[] {
  return sorted.slice(firstStartingAt(sorted, fromMs), firstStartingAt(sorted, toMs));
}

/**
 * The silences between `byTime` (utterances in time order, see byStart). Those that are not `speech` (isSoundOnly: 「[等待音]」 written
 * on a channel for the whole hold) are passed over: hold music covering a hold must not hide it.
 */
export function findGaps(byTime: Utterance[], speech: (u: Utterance) => boolean = () => true): Gap[] {
  const gaps: Gap[] = [];
  let lastEnd = -Infinity;
  let lastIndex = -1;
  for (const u of byTime) {
    if (!speech(u)) continue;
    const start = u.startMs ?? 0;
    const end = u.endMs ?? start;
    if (lastIndex >= 0 && start > lastEnd) gaps.push({ startMs: lastEnd, endMs: start, before: lastIndex, after: u.index });
    if (end > lastEnd) {
      lastEnd = end;
      lastIndex = u.index;
    }
  }
  return gaps;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "00:32.0–01:12.5 (40.5 s)" */
export function span(startMs: number, endMs: number): string {
  return `${formatMs(startMs)}–${formatMs(endMs)} (${seconds(endMs - startMs)})`;
}
