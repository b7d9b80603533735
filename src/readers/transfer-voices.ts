/**
 * A third voice that is a second agent. A recogniser that tells voices apart gives the next desk's
 * agent a voice of its own when a transfer is put through inside the recording: the agent says
 * 「我给您转到技术支持，请稍等」, and the new agent comes on 「您好，技术支持，请问电脑是什么型号？」.
 * Read as the customer (what a third voice is taken for: a caller the recogniser split in two), the
 * new agent's words would count as the caller's, and the first agent's part of the call would never
 * end. So, only on clear evidence, such a voice is another agent, its words judged for no one — as a
 * 坐席2 label is (src/readers/scored-agent.ts): one of the agent's last three utterances before the
 * voice first speaks puts the call through (转接, 转到, 駁 …) or calls a supervisor on (「我请主管来
 * 跟您说」), and the voice's first words open a call (a greeting at their start, a supervisor's
 * 「我是值班主管」, or an agent's opening: 工号, 为您服务). The caller — the first
 * voice besides the agent's to speak — is never one.
 */
import { foldMany } from '../normalize/fold.js';
import type { ParsedUtterance } from './types.js';

/** The label the new agent's words are shown under, as the engine shows a hand-over (src/engine/handover.ts). */
export const TRANSFERRED_TO = '坐席（转接后）';

/** The agent putting the call through (folded): not a message passed on (转告, 转达). */
const PUTS_THROUGH = /转接|转人工|转驳|(帮|给|为|替)(您|你)(把电话)?(转|驳)|转(到|给|去|过去)|驳(去|过去)/;
/** The agent's utterances before the new voice that may put the call through: a recogniser cuts a turn in pieces. */
const AGENT_UTTERANCES_BEFORE = 3;
/** … or bringing a supervisor on: 「我请值班主管来跟您沟通」「我搵主管同你講」 (not 「让主管明天给您回电」). */
const CALLS_SUPERVISOR = /(请|叫|让|找|搵|揾)(我们|我哋)?的?(值班|当班|客服|投诉)?(主管|组长|班长|值班长|督导|经理)(来|过来|嚟|接|跟|和|同|与)/;
/** A call opened anew: a greeting at the start, after at most a line check (喂); or a supervisor's 「我是值班主管」. */
const GREETS = /^(喂)*(您好|你好)|^(喂)*我(是|系)\p{Script=Han}{0,4}(主管|组长|班长|值班长|督导)/u;

/**
 * The voices (besides `agent`'s) that come on right after the agent put the call through and open
 * the call anew. `opensAsAgent` scores an agent's opening (src/readers/roles.ts): 2 or more is one.
 */
export function transferredVoices(
  utterances: readonly ParsedUtterance[],
  agent: string,
  opensAsAgent: (folded: string) => number,
): Map<string, string> {
  const found = new Map<string, string>();
  const spoken = utterances.filter((u) => u.channel !== undefined && u.text.trim() !== '');
  const caller = spoken.find((u) => u.channel !== agent)?.channel;
  const folded = foldMany(spoken.map((u) => u.text)).map((f) => f.folded);
  const seen = new Set<string>([agent, caller ?? '']);
  for (let i = 0; i < spoken.length; i++) {
    const voice = (spoken[i] as ParsedUtterance).channel as string;
    if (seen.has(voice)) continue;
    seen.add(voice);
    const first = folded[i] ?? '';
    if (!GREETS.test(first) && opensAsAgent(first) < 2) continue;
    const agentBefore: number[] = [];
    for (let k = i - 1; k >= 0 && agentBefore.length < AGENT_UTTERANCES_BEFORE; k--) if (spoken[k]?.channel === agent) agentBefore.push(k);
    const through = agentBefore.find((k) => PUTS_THROUGH.test(folded[k] ?? '') || CALLS_SUPERVISOR.test(folded[k] ?? ''));
    if (through !== undefined) found.set(voice, spoken[through]?.text ?? '');
  }
  return found;
}
