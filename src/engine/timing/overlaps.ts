/**
 * Talk-over: an agent utterance that starts while a customer utterance is still running. The
 * overlap is how long both speak at once. Thresholds and backchannels are the check's business;
 * this lists every candidate once per call.
 */
import type { Utterance } from '../../model/call.js';

export interface Overlap {
  /** The agent utterance that starts inside the customer's. */
  agent: number;
  customer: number;
  atMs: number;
  overlapMs: number;
}

export function findOverlaps(utterances: Utterance[]): Overlap[] {
  const customers = utterances.filter((u) => u.speaker === 'customer');
  const out: Overlap[] = [];
  for (const a of utterances) {
    if (a.speaker !== 'agent' || a.startMs === undefined) continue;
    const aStart = a.startMs;
    let best: Overlap | undefined;
    for (const c of customers) {
      if (c.startMs === undefined || c.endMs === undefined) continue;
      if (!(c.startMs < aStart && aStart < c.endMs)) continue;
      const overlapMs = Math.min(c.endMs, a.endMs ?? c.endMs) - aStart;
      if (!best || overlapMs > best.overlapMs) best = { agent: a.index, customer: c.index, atMs: aStart, overlapMs };
    }
    if (best) out.push(best);
  }
  return out;
}
