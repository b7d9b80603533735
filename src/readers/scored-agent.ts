/**
 * Several agents in one transcript (坐席1 / 坐席2, 客服A / 客服B: a warm transfer, a colleague who
 * takes over): the scorecard is one agent's, so only that agent's turns are judged and the
 * others' words are credited to and held against no one (speaker unknown). Which one is scored:
 * the one whose label or opening gives the call's agent number (agent_id A128 → 128), else the
 * one who answered the call (speaks first). When the metadata has a number and only other
 * numbers are given, nobody's turns can be called the scored agent's: all are left unknown.
 * Only the transcript's own metadata (front matter) is known here, not a manifest's.
 */
import type { CallMeta, ReadWarning } from '../model/call.js';
import { numberValue } from '../model/numerals.js';
import { callAgentNumber, selfNumbers } from '../model/self-number.js';
import type { ParsedUtterance } from './types.js';

/** Where agents give their number: their first turns (and a label such as 客服128). */
const OPENING_TURNS = 2;

/** The agent numbers an agent gives for itself in its first turns. */
function numbersGiven(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts.slice(0, OPENING_TURNS)) selfNumbers(t, out);
  return out;
}

/** The agent labels in order of first speech; '' is a label without suffix (plain 坐席). */
function agentVoices(utterances: readonly ParsedUtterance[]): Map<string, string[]> {
  const voices = new Map<string, string[]>();
  for (const u of utterances) {
    if (u.speaker !== 'agent') continue;
    const key = u.channel ?? '';
    const list = voices.get(key) ?? [];
    list.push(u.text);
    voices.set(key, list);
  }
  return voices;
}

/**
 * The utterances with every agent but the scored one made unknown, and a warning saying who was
 * kept and why; the utterances unchanged when one agent speaks.
 */
export function keepScoredAgent(utterances: ParsedUtterance[], meta: CallMeta, warnings: ReadWarning[]): ParsedUtterance[] {
  // One look at the labels: nearly every call has one agent label without a suffix and no one else.
  let numbered = false;
  let agents = false;
  let others: Set<string> | undefined;
  for (const u of utterances) {
    if (u.speaker === 'agent') {
      agents = true;
      if (u.channel !== undefined) numbered = true;
    } else if (u.speaker === 'unknown' && u.label !== undefined) (others ??= new Set()).add(u.label);
  }
  // No agent label, one other person talking to the customer (客户经理：/客户：, a supervisor who
  // answered): that person is the service side of this call.
  if (!agents && others?.size === 1) {
    const [only] = others;
    warnings.push({ message: `no agent label; ${only} is the only one besides the customer, so ${only} is the agent` });
    return utterances.map((u) => (u.speaker === 'unknown' && u.label === only ? { ...u, speaker: 'agent' } : u));
  }
  if (others) warnings.push({ message: `${[...others].join(', ')} also speak${others.size === 1 ? 's' : ''}: neither the scored agent nor the customer, their words are not judged` });
  if (!numbered) return utterances;
  const voices = agentVoices(utterances);
  if (voices.size < 2) return utterances;
  const names = [...voices.keys()];
  const shown = (v: string) => (v === '' ? 'the unnumbered agent label' : v);
  const all = names.map(shown).join(', ');
  const own = callAgentNumber(meta);
  let scored: string | undefined;
  let why: string;
  if (own === undefined) {
    scored = names[0];
    why = 'it answered the call (no agent number in the front matter)';
  } else {
    const given = names.map((v) => ({ v, numbers: numbersGiven(voices.get(v) ?? []) }));
    // A label's number is the agent's own only when it is the call's (客服128); 坐席1 is an order.
    const saysOwn = given.filter((g) => g.numbers.has(own) || numberValue(g.v.replace(/^\D+/, '')) === own);
    if (saysOwn.length === 1) {
      scored = saysOwn[0]?.v;
      why = `it gives the call's agent number ${own}`;
    } else if (saysOwn.length === 0 && (given[0]?.numbers.size ?? 0) === 0) {
      scored = names[0];
      why = `it answered the call (no agent gives the call's agent number ${own})`;
    } else {
      scored = undefined;
      why = saysOwn.length > 1 ? `more than one gives the call's agent number ${own}` : `none gives the call's agent number ${own}, and the first to answer gives another`;
    }
  }
  if (scored === undefined) {
    warnings.push({ message: `several agents speak (${all}) and ${why}: whose turns are the scored agent's is unknown; rules on the agent are not applicable` });
    return utterances.map((u) => (u.speaker === 'agent' ? asOther(u) : u));
  }
  warnings.push({ message: `several agents speak (${all}): ${shown(scored)} is the scored agent, as ${why}; the others' words are not judged` });
  // The scored agent's label is shown too (坐席1 next to 坐席2), when it has one.
  return utterances.map((u) => (u.speaker !== 'agent' ? u : (u.channel ?? '') !== scored ? asOther(u) : u.channel === undefined ? u : { ...u, label: u.channel }));
}

/** An agent's utterance as nobody's, its label kept to show who spoke (坐席 for the one without a suffix). */
function asOther(u: ParsedUtterance): ParsedUtterance {
  return { ...u, speaker: 'unknown', label: u.channel ?? u.label ?? '坐席' };
}
