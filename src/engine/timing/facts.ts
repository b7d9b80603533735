/**
 * The timing facts of one call, computed once on first use and kept on the PreparedCall: every
 * silence (with the hold announcement before it, if any), the holds, and the talk-overs. Rule
 * types and conditions read these; none of them walks the timeline again.
 */
import type { Utterance } from '../../model/call.js';
import type { PreparedCall } from '../prepare.js';
import { byStart, findGaps, isSoundOnly, timelineProblem, type Gap } from './gaps.js';
import { findHolds, markAnnounced, type Hold } from './holds.js';
import { findOverlaps, type Overlap } from './overlaps.js';

export type TimingFacts =
  | {
      ok: true;
      /** The utterances in time order (readers keep file order; a merged vendor file may not be sorted). */
      byTime: Utterance[];
      gaps: Gap[];
      holds: Hold[];
      overlaps: Overlap[];
      firstStartMs: number;
    }
  | { ok: false; reason: string };

export function timingFacts(p: PreparedCall): TimingFacts {
  if (p.timing) return p.timing;
  const utterances = p.call.utterances;
  const problem = timelineProblem(utterances, p);
  if (problem) {
    p.timing = { ok: false, reason: problem };
    return p.timing;
  }
  const byTime = byStart(utterances);
  const gaps = findGaps(byTime, (u) => !isSoundOnly(p, u));
  const detection = p.ruleset.holdDetection;
  markAnnounced(p, byTime, gaps, detection);
  const firstStartMs = byTime[0]?.startMs ?? 0;
  p.timing = { ok: true, byTime, gaps, holds: findHolds(p, byTime, gaps, detection), overlaps: findOverlaps(utterances), firstStartMs };
  return p.timing;
}

export type { Gap, Hold, Overlap };
