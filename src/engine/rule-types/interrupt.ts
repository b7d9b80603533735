/**
 * `interrupt`: the agent starts talking while the customer is still speaking (inside one of their
 * sentences, or in a pause between two that the recogniser cut), for more than `overlap_ms` of
 * speech at once (exactly `overlap_ms` is not "more than"). A backchannel on either side — an
 * utterance made only of `backchannel` words (嗯, 好的, 对对对), shorter than `backchannel_chars`
 * with a word said again and again counted once — is listening, not interrupting. More than `max` interruptions fail the call.
 */
import type { InterruptCheck } from '../../ruleset/compiled.js';
import { formatMs } from '../../model/call.js';
import { turnEvidence } from '../evidence.js';
import { findPhrases } from '../phrases.js';
import type { PreparedCall } from '../prepare.js';
import type { CheckOutcome } from '../result.js';
import { timingFacts, type Overlap } from '../timing/facts.js';
import { seconds } from '../timing/gaps.js';
import type { CheckContext } from './context.js';

export function evaluateInterrupt(check: InterruptCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  if (!p.call.source.diarized) return { verdict: 'na', reason: 'no speaker roles (mono or undiarized transcript)', evidence: [] };
  const facts = timingFacts(p);
  if (!facts.ok) return { verdict: 'na', reason: facts.reason, evidence: [] };
  const found = facts.overlaps.filter(
    (o) => o.overlapMs > check.overlapMs && !o.agents.every((a) => isBackchannel(p, check, a)) && !o.customers.every((c) => isBackchannel(p, check, c)),
  );
  const limit = `more than ${seconds(check.overlapMs)} of talk-over, ${check.max} allowed`;
  const window = `agent turns starting inside a customer turn (${limit})`;
  // The customer turns the agent really talks over, each quoted: the overlap is summed over them,
  // and a reviewer checks it against their times (not the sentence before a pause the agent
  // started in, which it does not touch).
  const talkedOver = (o: Overlap): number[] => (o.customers.length > 0 ? o.customers.slice().sort((a, b) => a - b) : [o.customer]);
  const quoted = new Set<number>();
  const evidence = found.flatMap((o) => {
    const roles = [...talkedOver(o).map((c) => ['interrupted', c] as const), ...o.agents.map((a) => ['interruption', a] as const)];
    const fresh = roles.filter(([, u]) => !quoted.has(u));
    for (const [, u] of fresh) quoted.add(u);
    return fresh.map(([role, u]) => turnEvidence(p, u, role));
  });
  const numbered = (what: string, list: number[]): string => `${list.length > 1 ? `${what}s` : what} ${list.map((u) => u + 1).join(', ')}`;
  const list = found.map((o) => `at ${formatMs(o.atMs)} ${numbered('turn', o.agents)} ${o.agents.length > 1 ? 'talk' : 'talks'} over ${numbered('turn', talkedOver(o))} for ${seconds(o.overlapMs)}`).join('; ');
  if (found.length > check.max) {
    return { verdict: 'fail', reason: `${found.length} interruption(s) (${check.max} allowed): ${list}`, evidence, window };
  }
  const reason = found.length === 0 ? 'the agent never talks over the customer' : `${found.length} interruption(s), ${check.max} allowed: ${list}`;
  return { verdict: 'pass', reason, evidence, window };
}

/** A run of one to three characters said twice or more in a row (对对对, 是的是的, 好的好的). */
const REPEATS = /(.{1,3}?)\1+/gu;

/** Short (repeats counted once), and nothing but backchannel words: 嗯, 好的好的, 对对. */
function isBackchannel(p: PreparedCall, check: InterruptCheck, u: number): boolean {
  if (!check.backchannel) return false;
  const folded = p.folds[u]?.folded ?? '';
  if (folded.length === 0) return true;
  // Said again and again is still one word of listening: 「对对对，是的是的」 is 对 + 是的.
  if (folded.replace(REPEATS, '$1').length >= check.backchannelChars) return false;
  const covered = new Array<boolean>(folded.length).fill(false);
  for (const hit of findPhrases(p, u, check.backchannel)) covered.fill(true, hit.start, hit.end);
  return covered.every(Boolean);
}
