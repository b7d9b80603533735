/**
 * The timing facts of one call, computed once on first use and kept on the PreparedCall: every
 * silence (with the hold announcement before it, if any), the holds, and the talk-overs. Rule
 * types and conditions read these; none of them walks the timeline again.
 */
import type { PreparedCall } from '../prepare.js';
import { findGaps, isSoundOnly, timelineProblem, type Gap } from './gaps.js';
import { findHolds, markAnnounced, type Hold } from './holds.js';
import { findOverlaps, type Overlap } from './overlaps.js';

export type TimingFacts =
  | { ok: true; gaps: Gap[]; holds: Hold[]; overlaps: Overlap[]; firstStartMs: number }
  | { ok: false; reason: string };

export function timingFacts(p: PreparedCall): TimingFacts {
  if (p.timing) return p.timing;
  const utterances = p.call.utterances;
  const problem = timelineProblem(utterances, p);
  if (problem) {
    p.timing = { ok: false, reason: problem };
    return p.timing;
  }
  const gaps = findGaps(utterances, (u) => !isSoundOnly(p, u));
  const detection = p.ruleset.holdDetection;
  markAnnounced(p, gaps, detection);
  const firstStartMs = Math.min(...utterances.map((u) => u.startMs ?? 0));
  p.timing = { ok: true, gaps, holds: findHolds(p, gaps, detection), overlaps: findOverlaps(utterances), firstStartMs };
  return p.timing;
}

export type { Gap, Hold, Overlap };
