/**
 * An agent's own number as agents give it (工号128, 编号128, 客服128号, 128号坐席, 我是128号), in both scripts;
 * not any number of the opening (an order date, 24小时). Shared by the reader that picks the scored
 * agent among several labels (src/readers/scored-agent.ts) and the engine's transfer hand-over
 * (src/engine/handover.ts), so both read a 工号 alike.
 */
import { agentNumberOf, type CallMeta } from './call.js';
import { CHINESE_DIGITS, numberValue } from './numerals.js';

const N = `[0-9${CHINESE_DIGITS}十百千]+`;
// 「我是203号，请问…」「我係203號」 only where the sentence ends or the opening goes on: 「我是8号楼的管家」 names a building.
const I_AM = `我(?:是|系|係)(${N})[号號](?=$|[，,。．.！!？?、\s]|很高[兴興]|[为為][您你]|[请請]问|您好|你好)`;
const SELF_NUMBER = new RegExp(
  `(?:工[号號]|[编編][号號])(?:是|为|為|系)?(${N})|(?:客服|坐席|座席)(?:人[员員]|专员|專員)?(${N})[号號]|(${N})[号號](?:客服|坐席|座席|[话話][务務][员員]|专员|專員)|${I_AM}`,
  'gu',
);

/** The agent numbers a text gives for its speaker, as values (「工号一二八」 → 128). */
export function selfNumbers(text: string, into: Set<string> = new Set()): Set<string> {
  for (const m of text.matchAll(SELF_NUMBER)) {
    const v = numberValue(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
    if (v !== undefined) into.add(v);
  }
  return into;
}

/** The call's agent number: agent_no, else the digits of agent_id (as the self-id rule reads it). */
export function callAgentNumber(meta: CallMeta): string | undefined {
  const raw = agentNumberOf(meta);
  return raw === undefined || raw === '' ? undefined : numberValue(String(raw));
}
