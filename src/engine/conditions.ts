/**
 * `when`: is a rule applicable to this call? Each condition answers yes, no, or unknown (the
 * evidence is missing). No and unknown both make the rule na — with different reasons, because
 * "no complaint in this call" and "no metadata to tell" mean different things to a reviewer.
 */
import { coerceField } from '../meta/fields.js';
import type { CompiledAim, CompiledSaid, CompiledWhen } from '../ruleset/index.js';
import { aimOf, describeAim, listenerOf, type Aim } from './aim.js';
import { hitEvidence, quoteList } from './evidence.js';
import { quoteMatch } from './near.js';
import { findPhrasesExcept, type PhraseHit } from './phrases.js';
import { emptyChannelNote, untimedReason, type PreparedCall } from './prepare.js';
import type { Evidence } from './result.js';
import { selectTurns } from './scope.js';
import { onlyRecorded } from './turns.js';
import { onlySoundNotes } from '../model/sound-notes.js';
import { extraConditions } from './conditions-extra.js';
import { nextReplySays } from './replies.js';

export type Applicability =
  /** `note`: what made the rule apply when no utterance shows it (「2026-10-01 is a public holiday」). */
  | { state: 'yes'; triggerTurn?: number; evidence: Evidence[]; note?: string }
  | { state: 'no' | 'unknown'; reason: string };

const YES: Applicability = { state: 'yes', evidence: [] };

export function evaluateWhen(p: PreparedCall, when: CompiledWhen | undefined): Applicability {
  if (!when) return YES;
  // The first "no" is the answer whatever follows (see allOf), so the conditions after it are
  // not evaluated: an inbound call is not searched for an outbound rule's phrases.
  const answers = new Answers();
  if (when.direction && answers.add(direction(p, when.direction))) return answers.result();
  if (when.hasTurns && answers.add(hasTurns(p, when.hasTurns))) return answers.result();
  if (when.timed && answers.add(p.timed ? YES : { state: 'unknown', reason: untimedReason(p) })) return answers.result();
  if (when.meta) for (const key in when.meta) if (answers.add(metaTest(p, key, when.meta[key] as MetaCondition))) return answers.result();
  for (const extra of extraConditions) {
    const r = extra(p, when);
    if (r && answers.add(r)) return answers.result();
  }
  if (when.any && answers.add(anyOf(when.any.map((w) => evaluateWhen(p, w))))) return answers.result();
  if (when.not && answers.add(negate(when.not, evaluateWhen(p, when.not)))) return answers.result();
  // The said-trigger goes last: its trigger turn is what after_trigger scopes measure from.
  if (when.said) answers.add(said(p, when.said));
  return answers.result();
}

/**
 * The answers of one `when`, in the order asked. Every rule of every call asks, and most ask one
 * question: a list is made only for a second answer (a closure and an array per asking were a
 * twentieth of a call's garbage).
 */
class Answers {
  private first: Applicability | undefined;
  private all: Applicability[] | undefined;

  /** Records the answer; true when it is "no", which settles the rule. */
  add(r: Applicability): boolean {
    if (this.first === undefined) this.first = r;
    else (this.all ??= [this.first]).push(r);
    return r.state === 'no';
  }

  result(): Applicability {
    return this.all ? allOf(this.all) : (this.first ?? YES);
  }
}

type MetaCondition = NonNullable<CompiledWhen['meta']>[string];

function allOf(results: Applicability[]): Applicability {
  if (results.length === 0) return YES;
  if (results.length === 1) return results[0] as Applicability;
  const no = results.find((r) => r.state === 'no');
  if (no) return no;
  const unknown = results.find((r) => r.state === 'unknown');
  if (unknown) return unknown;
  const evidence = results.flatMap((r) => (r.state === 'yes' ? r.evidence : []));
  const trigger = results.find((r) => r.state === 'yes' && r.triggerTurn !== undefined);
  const notes = results.map((r) => (r.state === 'yes' ? r.note : undefined)).filter(Boolean);
  const note = notes.length > 0 ? notes.join('; ') : undefined;
  return { state: 'yes', evidence, triggerTurn: trigger?.state === 'yes' ? trigger.triggerTurn : undefined, ...(note ? { note } : {}) };
}

/**
 * `not`: what the inner condition shows rules the rule out, quoted so the reviewer sees why
 * (「excluded: the agent says $cantonese (turn 3「唔該」)」); a fact the inner condition lacks stays unknown, never a yes.
 */
function negate(not: CompiledWhen, inner: Applicability): Applicability {
  if (inner.state !== 'yes') return inner.state === 'no' ? YES : inner;
  const quotes = inner.evidence.length > 0 ? quoteList(inner.evidence) : inner.note;
  const what = not.said ? `the ${not.said.speaker === 'any' ? 'call' : not.said.speaker} says ${not.said.phrases.label}` : 'its `not` condition holds';
  return { state: 'no', reason: `excluded: ${what}${quotes ? ` (${quotes})` : ''}` };
}

function anyOf(results: Applicability[]): Applicability {
  const yes = results.find((r) => r.state === 'yes');
  if (yes) return yes;
  // Every alternative's reason: "no ring_s metadata; the customer never says …" tells the
  // reviewer both what was missing and what was checked.
  // Said once: alternatives that share a test (ring_s for inbound calls, and for calls of unknown
  // direction) fail it with the same words.
  const reason = [...new Set(results.map((r) => (r.state === 'yes' ? '' : r.reason)))].join('; ');
  return { state: results.some((r) => r.state === 'unknown') ? 'unknown' : 'no', reason };
}

function direction(p: PreparedCall, allowed: string[]): Applicability {
  const d = p.call.meta.direction;
  if (d === undefined) return { state: 'unknown', reason: 'call direction unknown (no direction metadata)' };
  // 呼入 set by a caller of the engine (not through a reader) is inbound too.
  const read = coerceField('direction', String(d));
  // A code kept as written (2: inbound or outbound?) tells nothing: never "not inbound".
  if (!read.ok) return { state: 'unknown', reason: read.message };
  const value = String(read.value);
  return allowed.includes(value) ? YES : { state: 'no', reason: `${value} call` };
}

function hasTurns(p: PreparedCall, speaker: 'agent' | 'customer' | 'any'): Applicability {
  const selection = selectTurns(p, speaker, undefined);
  if (!selection.ok) return { state: 'unknown', reason: selection.reason };
  // Asked first: the agent's selection leaves a recorded announcement out, so it is empty then too.
  if (speaker === 'agent' && onlyRecorded(p)) return { state: 'no', reason: 'the agent never speaks live (only a recorded announcement)' };
  if (selection.turns.length === 0) return { state: 'no', reason: `the ${speaker} never speaks${emptyChannelNote(p, speaker)}` };
  return YES;
}

function metaTest(p: PreparedCall, key: string, test: MetaCondition): Applicability {
  const value = p.call.meta[key];
  if (test.present === false) return value === undefined ? YES : { state: 'no', reason: `${key} is ${String(value)}` };
  if (value === undefined) return { state: 'unknown', reason: `no ${key} metadata` };
  const n = Number(value);
  const failures: string[] = [];
  if (test.eq !== undefined && String(test.eq) !== String(value)) failures.push(`${key} is ${String(value)}`);
  if (test.gt !== undefined && !(n > test.gt)) failures.push(`${key} ${String(value)} ≤ ${test.gt}`);
  if (test.gte !== undefined && !(n >= test.gte)) failures.push(`${key} ${String(value)} < ${test.gte}`);
  if (test.lt !== undefined && !(n < test.lt)) failures.push(`${key} ${String(value)} ≥ ${test.lt}`);
  if (test.lte !== undefined && !(n <= test.lte)) failures.push(`${key} ${String(value)} > ${test.lte}`);
  if (failures.length > 0) return { state: 'no', reason: failures.join(', ') };
  const bounds = (['gt', 'gte', 'lt', 'lte'] as const).filter((op) => test[op] !== undefined);
  const SIGN = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;
  if (bounds.length === 0) return YES;
  return { state: 'yes', evidence: [], note: bounds.map((op) => `${key} ${String(value)} ${SIGN[op]} ${String(test[op])}`).join(', ') };
}

/** First occurrence of a said-trigger, honouring its speaker, scope and exceptions. */
export function findTrigger(p: PreparedCall, s: CompiledSaid, from = -1): PhraseHit | undefined {
  const selection = selectTurns(p, s.speaker, s.scope);
  return selection.ok ? firstTrigger(p, s, selection.turns, from) : undefined;
}

/** The first trigger in these turns after utterance `from`; hits aimed elsewhere than `aim.count` go to `aside`. */
function firstTrigger(p: PreparedCall, s: CompiledSaid, turns: readonly number[], from: number, aside?: AimedHit[]): PhraseHit | undefined {
  for (const u of turns) {
    if (u <= from) continue;
    const hits = findPhrasesExcept(p, u, s.phrases, s.except);
    const hit = s.aim ? firstAimed(p, hits, s.aim, aside) : hits[0];
    if (!hit || (s.unanswered && answeredAfter(p, s.speaker, u))) continue;
    // 「请问是刘女士吗？」 counts once the customer says 「是的」; a later asking may be the one confirmed.
    if (s.confirmed && !confirmation(p, s, hit)) continue;
    return hit;
  }
  return undefined;
}

/** The other side's confirming reply to a `confirmed` trigger's hit (its evidence), if any. */
export function confirmation(p: PreparedCall, s: CompiledSaid, hit: PhraseHit): Evidence | undefined {
  return s.confirmed && s.speaker !== 'any' ? nextReplySays(p, s.speaker, hit.utterance, s.confirmed, 'confirmed') : undefined;
}

interface AimedHit {
  hit: PhraseHit;
  aim: Aim;
}

function firstAimed(p: PreparedCall, hits: readonly PhraseHit[], aim: CompiledAim, aside: AimedHit[] | undefined): PhraseHit | undefined {
  for (const hit of hits) {
    const at = aimOf(p, hit, aim);
    if (at.at === aim.count) return hit;
    aside?.push({ hit, aim: at });
  }
  return undefined;
}

/** 「$abusive aimed at the agent」: what a said condition with `aim` looks for. */
export function saidLabel(s: CompiledSaid): string {
  if (!s.aim) return s.phrases.label;
  return `${s.phrases.label} aimed at ${s.aim.count === 'listener' ? listenerOf(s.speaker) : 'someone else'}`;
}

/** The other side says something (more than a transcriber's 「[挂机声]」) after utterance `u`. */
function answeredAfter(p: PreparedCall, speaker: CompiledSaid['speaker'], u: number): boolean {
  const other = speaker === 'agent' ? p.turnsOf.customer : p.turnsOf.agent;
  return other.some((i) => i > u && (p.folds[i]?.folded.length ?? 0) > 0 && !onlySoundNotes(p.call.utterances[i]?.text ?? ''));
}

/** Rules that ask the same question share its CompiledSaid, and a call answers it once. Shared: do not modify. */
function said(p: PreparedCall, s: CompiledSaid): Applicability {
  const answers = (p.saidAnswers ??= new Array<Applicability | undefined>(p.ruleset.saidCount));
  return (answers[s.id] ??= answerSaid(p, s));
}

function answerSaid(p: PreparedCall, s: CompiledSaid): Applicability {
  const selection = selectTurns(p, s.speaker, s.scope);
  if (!selection.ok) return { state: 'unknown', reason: selection.reason };
  // The turns just selected: selecting them again for findTrigger would build the window twice.
  const aside: AimedHit[] = [];
  const hit = firstTrigger(p, s, selection.turns, -1, aside);
  if (!hit) {
    const silent = selection.turns.length === 0 ? emptyChannelNote(p, s.speaker) : '';
    // Said, but to someone else (「那个快递员就是个白痴」): named, so a reviewer sees why it did not count.
    const elsewhere = aside.map((a) => `turn ${a.hit.utterance + 1}${quoteMatch(hitEvidence(p, a.hit, s.phrases, 'trigger'))} ${describeAim(a.aim, listenerOf(s.speaker))}`);
    const notCounted = elsewhere.length > 0 ? `; said ${elsewhere.join(', ')}: not counted` : '';
    return { state: 'no', reason: `the ${s.speaker} never says ${saidLabel(s)} (${selection.window})${silent}${notCounted}` };
  }
  return { state: 'yes', triggerTurn: hit.utterance, evidence: [hitEvidence(p, hit, s.phrases, s.unanswered ? 'unanswered' : 'trigger')] };
}
