/**
 * Agent ids that differ only in letter case, full-/half-width or spaces (A128, a128, Ａ１２８ —
 * one HR export typed by hand, another from Excel). Ids are text and are not merged: "a128"
 * may well be another agent, and merging two agents' calls would be worse than two scorecards.
 * But HR must learn of it, so the first call under each new look-alike spelling gets a warning.
 */
import type { ErrorRow } from '../report/index.js';

/** The form two spellings of one id share: NFKC (full-width → ASCII), upper case, no spaces. */
function folded(agentId: string): string {
  return agentId.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

export class AgentIdLookalikes {
  /** folded form → spellings met so far, the first one first. */
  private readonly spellings = new Map<string, string[]>();

  /** The warning for the first call under a spelling that looks like an earlier agent's id. */
  note(agentId: string, file: string): ErrorRow | undefined {
    const key = folded(agentId);
    const seen = this.spellings.get(key);
    if (!seen) {
      this.spellings.set(key, [agentId]);
      return undefined;
    }
    if (seen.includes(agentId)) return undefined;
    seen.push(agentId);
    const first = seen[0] as string;
    return {
      file,
      severity: 'warning',
      stage: 'meta',
      message: `agent_id "${agentId}" differs from "${first}" of an earlier call only in case, width or spaces; scored as a separate agent — correct the id if they are the same person`,
    };
  }
}
