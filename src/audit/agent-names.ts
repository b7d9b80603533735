/**
 * One agent id, two names (张三 in one call's metadata, 李四 in another's): summary.csv and
 * escalations.csv show the first name met in input order, and each call that names the agent
 * otherwise gets a warning, so that HR learns of the mix-up instead of importing one name
 * silently. One name is kept per agent, not per call. A name written in the other script or width
 * (張偉 in a Taiwan export, 张伟 in a mainland one) is the same name: no warning on every call.
 */
import type { ErrorRow } from '../report/index.js';
import { toSimplifiedScript } from '../normalize/fold.js';

export class AgentNames {
  private readonly first = new Map<string, string>();

  /** The warning for this call, when it names its agent differently from an earlier call. */
  note(agentId: string, name: string, file: string): ErrorRow | undefined {
    if (name === '') return undefined;
    const shown = this.first.get(agentId);
    if (shown === undefined) {
      this.first.set(agentId, name);
      return undefined;
    }
    if (shown === name || sameName(shown, name)) return undefined;
    return { file, severity: 'warning', stage: 'meta', message: `agent_id ${agentId} is named "${name}" here but "${shown}" in an earlier call; summary.csv shows "${shown}"` };
  }
}

function sameName(a: string, b: string): boolean {
  const key = (name: string): string => toSimplifiedScript(name.normalize('NFKC').trim());
  return key(a) === key(b);
}
