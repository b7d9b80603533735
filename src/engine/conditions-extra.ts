/**
 * Conditions that need timing, metadata or the calendar (hold, transfer, rest_day,
 * customer_silent). Each is a small function: it returns undefined when the `when` does not use
 * it, else its answer. A fact that cannot be known answers "unknown" (the rule is na with a
 * reason, never a guess).
 */
import { dayKind, type Region } from '../calendar/index.js';
import { coerceField } from '../meta/fields.js';
import { callDay } from '../meta/dates.js';
import type { MetaValue } from '../model/call.js';
import { clipText } from '../model/cut.js';
import type { CompiledWhen } from '../ruleset/index.js';
import type { Applicability } from './conditions.js';
import { emptyChannelNote, type PreparedCall } from './prepare.js';
import { timingFacts } from './timing/facts.js';

export type ExtraCondition = (p: PreparedCall, when: CompiledWhen) => Applicability | undefined;

const YES: Applicability = { state: 'yes', evidence: [] };

/** true / 1 / yes / 是 from any source (front matter may keep the text as written); undefined if neither. */
function truthy(key: string, value: MetaValue): boolean | undefined {
  const c = coerceField(key, String(value));
  return c.ok && typeof c.value === 'boolean' ? c.value : undefined;
}

/** A hold: an announced silence of at least hold_min_s, or a hold the data records. */
function hold(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  if (w.hold === undefined) return undefined;
  const facts = timingFacts(p);
  if (!facts.ok) return { state: 'unknown', reason: facts.reason };
  // Without roles a hold cannot be told from silence (who said 请稍等?): unknown, not "no hold".
  if (!p.call.source.diarized) return { state: 'unknown', reason: 'no speaker roles (mono or undiarized transcript)' };
  const holds = facts.holds;
  if ((holds.length > 0) !== w.hold) return { state: 'no', reason: holds.length > 0 ? `${holds.length} hold(s) in this call` : 'no hold in this call' };
  // The hold checks name each hold themselves; no note here.
  return YES;
}

/** A transfer is known from the call log (`transferred`); text cannot show a silent transfer. */
function transfer(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  if (w.transfer === undefined) return undefined;
  const t = p.call.meta.transferred;
  if (t === undefined) return { state: 'unknown', reason: 'no transferred metadata' };
  const happened = truthy('transferred', t);
  if (happened === undefined) return { state: 'unknown', reason: `transferred "${String(t)}" is not true or false` };
  return happened === w.transfer ? YES : { state: 'no', reason: happened ? 'the call was transferred' : 'no transfer in this call' };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Weekend or public holiday of the call's region (meta `region`, else the ruleset's), minus CN
 * 调休 working weekends, plus the ruleset's calendar dates. Meta `holiday: true/false` decides
 * outright (a company's own day off, or a data source that knows better).
 */
function restDay(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  const wanted = w.restDay;
  if (wanted === undefined) return undefined;
  const override = p.call.meta.holiday;
  if (override !== undefined) {
    const rest = truthy('holiday', override);
    if (rest === undefined) return { state: 'unknown', reason: `holiday "${String(override)}" is not true or false` };
    return restAnswer(wanted, rest, `holiday metadata says ${rest ? 'a rest day' : 'a working day'}`);
  }
  const date = callDay(p.call.meta);
  if (date === undefined) return { state: 'unknown', reason: p.call.meta.date === undefined ? 'no call date' : `call date "${String(p.call.meta.date)}" is not a date` };
  // Read as the field reads it (香港, TWN): metadata set by a caller of the engine skips the readers.
  const written = String(p.call.meta.region ?? p.ruleset.region ?? '');
  const read = coerceField('region', written);
  const region = read.ok ? String(read.value) : written.toUpperCase();
  if (region === '') return { state: 'unknown', reason: 'no region for the holiday calendar (ruleset `region:` or call metadata)' };
  if (!['CN', 'TW', 'HK'].includes(region)) return { state: 'unknown', reason: `no holiday calendar for region ${region}` };
  const day = cachedRestDay(date, region as Region, p.ruleset.calendar);
  return day.known ? restAnswer(wanted, day.rest, day.why) : { state: 'unknown', reason: day.why };
}

/** A module function, not a closure: a closure in restDay cost every rule's `when` a context, rest_day or not. */
function restAnswer(wanted: boolean, rest: boolean, why: string): Applicability {
  return rest === wanted ? { state: 'yes', evidence: [], note: why } : { state: 'no', reason: why };
}

type RestDayFact = { known: boolean; rest: boolean; why: string };

/** A month of calls has a few dozen distinct dates: judge each once per ruleset calendar. */
const restDays = new WeakMap<object, Map<string, RestDayFact>>();
function cachedRestDay(date: string, region: Region, calendar: NonNullable<Parameters<typeof dayKind>[2]>): RestDayFact {
  let known = restDays.get(calendar);
  if (!known) restDays.set(calendar, (known = new Map()));
  const key = `${region} ${date}`;
  let fact = known.get(key);
  if (!fact) known.set(key, (fact = judgeRestDay(date, region, calendar)));
  return fact;
}

function judgeRestDay(date: string, region: Region, calendar: NonNullable<Parameters<typeof dayKind>[2]>): RestDayFact {
  const kind = dayKind(date, region, calendar);
  if (!kind.known) return { known: false, rest: false, why: `no calendar data for ${date.slice(0, 4)} (${region})` };
  const day = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
  const named = kind.name ? ` (${kind.name})` : '';
  if (kind.adjustedWorkday) return { known: true, rest: false, why: `${date} is a working ${day} in ${region}${named}` };
  if (kind.holiday) return { known: true, rest: true, why: `${date} is a public holiday in ${region}${named}` };
  if (kind.weekend) return { known: true, rest: true, why: `${date} is a ${day}` };
  return { known: true, rest: false, why: `${date} is a working day (${day})` };
}

/** The caller says nothing at all: no customer turn with any words in it. */
function customerSilent(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  if (w.customerSilent === undefined) return undefined;
  if (!p.call.source.diarized) return { state: 'unknown', reason: 'no speaker roles (mono or undiarized transcript)' };
  let spoke = false;
  for (const i of p.turnsOf.customer) if ((p.folds[i]?.folded.length ?? 0) > 0) spoke = true;
  if (spoke === !w.customerSilent) return YES;
  return { state: 'no', reason: spoke ? 'the customer speaks' : `the customer never speaks${emptyChannelNote(p, 'customer')}` };
}

/**
 * The call went on without the scored agent: after its last turn another voice of the service side
 * (a supervisor who took over, the colleague of a warm transfer: speaker unknown, with the label
 * the transcript gives them) speaks, so the close is theirs, not this agent's.
 */
function handedOver(p: PreparedCall, w: CompiledWhen): Applicability | undefined {
  if (w.handedOver === undefined) return undefined;
  // Without roles no other voice can be told from the agent's: the call shows no hand-over.
  if (!p.call.source.diarized) return w.handedOver ? { state: 'no', reason: 'no speaker roles (mono or undiarized transcript)' } : YES;
  const lastAgent = p.turnsOf.agent[p.turnsOf.agent.length - 1] ?? -1;
  // Someone the transcript names (主管, 坐席2); a vendor segment without a speaker is nobody's.
  const utterances = p.call.utterances;
  let after: number | undefined;
  for (const i of p.turnsOf.unknown) if (i > lastAgent && utterances[i]?.label !== undefined && after === undefined) after = i;
  if ((after !== undefined) === w.handedOver) return YES;
  if (after === undefined) return { state: 'no', reason: 'no one else of the service side speaks after the agent' };
  const u = utterances[after];
  const quote = `${u?.label ?? ''}「${clipText(u?.text ?? '', 20)}」 (turn ${after + 1})`;
  const since = lastAgent < 0 ? 'the agent never speaks' : `after the agent's last turn (turn ${lastAgent + 1})`;
  return { state: 'no', reason: `handed over: another speaker of the service side goes on ${since}: ${quote}` };
}

export const extraConditions: ExtraCondition[] = [hold, transfer, restDay, customerSilent, handedOver];
