/**
 * Talk-over: an agent utterance that starts while the customer is still speaking. Recognisers cut
 * a speaker's speech into sentences at every pause (and Whisper's segments touch: one ends where
 * the next starts), so the customer's speech is taken as stretches — sentences less than
 * `PAUSE_IN_SPEECH_MS` apart — and the overlap is all the customer speech of the stretch that runs
 * at once with the agent's utterance. Thresholds and backchannels are the check's business; this
 * lists every candidate once per call.
 */
import type { Utterance } from '../../model/call.js';

export interface Overlap {
  /** The agent utterance that starts inside the customer's speech. */
  agent: number;
  /** It and the agent's sentences that go on with it (less than PAUSE_IN_SPEECH_MS apart). */
  agents: number[];
  /** The customer utterance it starts in (or in the pause after). */
  customer: number;
  /** Every customer utterance the agent's speech overlaps (backchannels only ⇒ listening). */
  customers: number[];
  atMs: number;
  overlapMs: number;
}

/** A pause this short between one speaker's sentences is inside their speech, not the end of a turn. */
export const PAUSE_IN_SPEECH_MS = 500;

interface Stretch {
  startMs: number;
  endMs: number;
  members: Timed[];
}

type Timed = Utterance & { startMs: number; endMs: number };

function isTimed(u: Utterance): u is Timed {
  return u.startMs !== undefined && u.endMs !== undefined;
}

/** One speaker's sentences (in time order) joined across pauses shorter than PAUSE_IN_SPEECH_MS. */
function stretches(sorted: Timed[]): Stretch[] {
  const out: Stretch[] = [];
  for (const u of sorted) {
    const last = out[out.length - 1];
    if (last && u.startMs - last.endMs < PAUSE_IN_SPEECH_MS) {
      last.endMs = Math.max(last.endMs, u.endMs);
      last.members.push(u);
    } else out.push({ startMs: u.startMs, endMs: u.endMs, members: [u] });
  }
  return out;
}

/** The stretch running at `ms` (strictly inside it), by binary search over disjoint stretches. */
function stretchAt(list: Stretch[], ms: number): Stretch | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Stretch).startMs < ms) lo = mid + 1;
    else hi = mid;
  }
  const s = list[lo - 1];
  return s && ms < s.endMs ? s : undefined;
}

/** How much of [fromMs, toMs) the utterances (in start order) cover, each moment once. */
function coveredMs(sorted: Timed[], fromMs: number, toMs: number): number {
  let total = 0;
  let reached = fromMs;
  for (const u of sorted) {
    const end = Math.min(u.endMs, toMs);
    const start = Math.max(u.startMs, reached);
    if (end > start) total += end - start;
    reached = Math.max(reached, end);
  }
  return total;
}

export function findOverlaps(utterances: Utterance[]): Overlap[] {
  const customers = utterances.filter((u): u is Timed => u.speaker === 'customer' && isTimed(u)).sort((a, b) => a.startMs - b.startMs);
  const speech = stretches(customers);
  const agents = utterances.filter((u) => u.speaker === 'agent' && u.startMs !== undefined).sort((a, b) => (a.startMs as number) - (b.startMs as number));
  const out: Overlap[] = [];
  let last: { overlap: Overlap; stretch: Stretch; endMs: number } | undefined;
  for (const a of agents) {
    const aStart = a.startMs as number;
    const s = stretchAt(speech, aStart);
    if (!s) continue;
    const aEnd = a.endMs ?? s.endMs;
    // The agent's talk-over cut in sentences by the recogniser is one interruption.
    const goesOn = last && last.stretch === s && aStart - last.endMs < PAUSE_IN_SPEECH_MS;
    const from = goesOn && last ? Math.max(aStart, last.endMs) : aStart;
    const overlapped = s.members.filter((c) => c.endMs > from && c.startMs < aEnd);
    const overlapMs = coveredMs(overlapped, from, aEnd);
    if (goesOn && last) {
      const o = last.overlap;
      o.agents.push(a.index);
      o.overlapMs += overlapMs;
      for (const c of overlapped) if (!o.customers.includes(c.index)) o.customers.push(c.index);
      last.endMs = Math.max(last.endMs, aEnd);
      continue;
    }
    // The sentence the agent starts in, or the one before the pause the agent starts in.
    const at = s.members.filter((c) => c.startMs < aStart).pop() as Timed;
    const overlap = { agent: a.index, agents: [a.index], customer: at.index, customers: overlapped.map((c) => c.index), atMs: aStart, overlapMs };
    out.push(overlap);
    last = { overlap, stretch: s, endMs: aEnd };
  }
  return out;
}
