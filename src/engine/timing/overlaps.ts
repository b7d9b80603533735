/**
 * Talk-over: an agent utterance that starts while a customer utterance is still running. The
 * overlap is how long both speak at once. Thresholds and backchannels are the check's business;
 * this lists every candidate once per call.
 */
import type { Utterance } from '../../model/call.js';
import { firstStartingAt } from './gaps.js';

export interface Overlap {
  /** The agent utterance that starts inside the customer's. */
  agent: number;
  customer: number;
  atMs: number;
  overlapMs: number;
}

export function findOverlaps(utterances: Utterance[]): Overlap[] {
  const customers = utterances
    .filter((u) => u.speaker === 'customer' && u.startMs !== undefined && u.endMs !== undefined)
    .sort((a, b) => (a.startMs as number) - (b.startMs as number));
  // maxEnd[i]: the latest end among customers[0..i], so the backward scan can stop early.
  const maxEnd: number[] = [];
  customers.forEach((c, i) => maxEnd.push(Math.max(c.endMs as number, maxEnd[i - 1] ?? -Infinity)));
  const out: Overlap[] = [];
  for (const a of utterances) {
    if (a.speaker !== 'agent' || a.startMs === undefined) continue;
    const aStart = a.startMs;
    let best: Overlap | undefined;
    for (let i = firstStartingAt(customers, aStart) - 1; i >= 0 && (maxEnd[i] as number) > aStart; i--) {
      const c = customers[i] as Utterance;
      if (!((c.startMs as number) < aStart && aStart < (c.endMs as number))) continue;
      const overlapMs = Math.min(c.endMs as number, a.endMs ?? (c.endMs as number)) - aStart;
      if (!best || overlapMs > best.overlapMs) best = { agent: a.index, customer: c.index, atMs: aStart, overlapMs };
    }
    if (best) out.push(best);
  }
  return out;
}
