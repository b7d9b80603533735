/**
 * `forbid`: the speaker says none of the phrases within a scope, and reads out none of the
 * `personal_data` numbers (src/engine/personal-data.ts). A hit inside an exception
 * (你 inside 你们, 不知道 inside 不知道您是否方便) is not the taboo. `min_count` lets a rule fail only
 * on repetition, for checks that speech recognition gets wrong now and then (你/您).
 *
 * Phrases match exactly unless the rule opts in to `tolerance` (a near match must not invent a
 * taboo). A hit on words the recogniser was unsure of (below `thresholds.review_confidence`) is
 * evidence for a person to check, and so is an ID-card or card number whose check digit does not
 * hold (most likely one misheard digit): when the solid hits alone stay under the limit but all
 * hits reach it, the verdict is `review`, which is listed and not scored.
 */
import { PERSONAL_NUMBER_NAMES, type PersonalNumberKind } from '../../match/personal-numbers.js';
import type { ForbidCheck, PhraseSet, SpeakerName } from '../../ruleset/index.js';
import { originalSpan, type FoldedText } from '../../normalize/fold.js';
import { aimOf, describeAim, listenerOf, type Aim } from '../aim.js';
import { hitConfidence, reviewThreshold } from '../confidence.js';
import { spanEvidence } from '../evidence.js';
import { findNearPhrases, phraseEvidence, quoteMatch } from '../near.js';
import { findNumbers, findNumbersAcross, type NumberHit } from '../personal-data.js';
import { findPhrases, findPhrasesExcept, outermost, type PhraseHit } from '../phrases.js';
import { describeRepairs, splitRepaired, type Repair } from '../repair.js';
import type { CheckOutcome, Evidence } from '../result.js';
import { selectTurns, type Selection } from '../scope.js';
import type { CheckContext } from './context.js';

/** One thing found: a phrase said, or a personal number read out (then `number` is set). */
interface Found {
  e: Evidence;
  /** The rest of a number the recogniser cut at a pause, in the next utterance. */
  rest?: Evidence;
  utterance: number;
  start: number;
  end: number;
  number?: NumberHit;
  /** Whom the words are aimed at, when the check asks (`aim`) and it is someone else. */
  aim?: Aim;
}

export function evaluateForbid(check: ForbidCheck, ctx: CheckContext): CheckOutcome {
  const { p } = ctx;
  const selection = afterEveryTrigger(check, ctx);
  if (!selection.ok) return { verdict: 'na', reason: selection.reason, evidence: [] };

  const phrases = check.phrases;
  let hits: PhraseHit[] = [];
  const numbers: NumberHit[] = [];
  // Most turns find nothing: push only what is found (a spread call per turn cost more than the look-up).
  if (phrases) for (const u of selection.turns) pushSaid(p, hits, outermost(findPhrasesExcept(p, u, phrases, check.except, undefined, true)), phrases);
  if (check.personalData) findAllNumbers(p, selection.turns, check.personalData, check.except, numbers);
  if (phrases?.tolerance && hits.length + numbers.length < check.minCount) {
    const exact = hits.slice();
    for (const u of selection.turns) pushSaid(p, hits, findNearPhrases(p, u, phrases, check.except, exact), phrases);
    hits.sort((a, b) => a.utterance - b.utterance || a.start - b.start);
  }
  // The customer's own word said back (「我的免赔额是多少？」「您的免赔额是一万元」) is no jargon of the agent's.
  let echoed: Found[] = [];
  if (phrases && check.unlessCustomerSaidFirst && hits.length > 0) {
    const own = hits.filter((hit) => saidFirstByCustomer(p, hit) === undefined);
    echoed = hits.filter((hit) => !own.includes(hit)).map((hit) => ({ e: phraseEvidence(p, hit, phrases), utterance: hit.utterance, start: hit.start, end: hit.end }));
    hits = own;
  }
  // Words taken back in the same breath (「不归我们管，但我可以帮您转到售后」) do not count; the reason shows both.
  let repairs: Repair[] = [];
  if (phrases && check.repairedBy && hits.length > 0) ({ standing: hits, repaired: repairs } = splitRepaired(p, check.speaker, hits, check.repairedBy));
  const taken = phrases && check.repairedBy && repairs.length > 0 ? describeRepairs(p, repairs, phrases, check.repairedBy) : undefined;

  let found: Found[] = phrases ? hits.map((hit) => ({ e: phraseEvidence(p, hit, phrases), utterance: hit.utterance, start: hit.start, end: hit.end })) : [];
  // Hits aimed at whom this check does not count (the courier, for abuse of the customer) are only named.
  let aside: Found[] = [];
  if (check.aim && found.length > 0) {
    const aim = check.aim;
    for (let i = 0; i < found.length; i++) (found[i] as Found).aim = aimOf(p, hits[i] as PhraseHit, aim);
    aside = found.filter((f) => f.aim?.at !== aim.count);
    if (aside.length > 0) found = found.filter((f) => f.aim?.at === aim.count);
  }
  for (const n of numbers) found.push(numberFound(p, n));
  if (numbers.length > 0) found.sort((a, b) => a.utterance - b.utterance || a.start - b.start);

  // The usual answer: nothing found.
  if (found.length === 0) {
    // What was said but does not count here: taken back in the same breath, or aimed at someone else.
    const notes = [
      taken ? `${nothingSaid(check)} that stands; ${taken.note}` : '',
      aside.length > 0 ? notCounted(aside, check.speaker) : '',
      echoed.length > 0 ? customersWords(echoed) : '',
    ].filter(Boolean);
    if (notes.length === 0) return { verdict: 'pass', reason: nothingSaid(check), evidence: [], window: selection.window };
    const shown = [...(taken?.evidence ?? []), ...aside.map((f) => f.e), ...echoed.map((f) => f.e)];
    return { verdict: 'pass', reason: notes.join('; '), evidence: shown, window: selection.window };
  }

  const threshold = reviewThreshold(p);
  for (const f of found) {
    const confidence = hitConfidence(p, f);
    if (confidence !== undefined) f.e.confidence = confidence;
  }
  const lowConfidence = (f: Found): boolean => f.e.confidence !== undefined && f.e.confidence < threshold;
  const doubtful = (f: Found): boolean => f.number !== undefined && !f.number.certain;
  const unsure = (f: Found): boolean => lowConfidence(f) || doubtful(f);
  const evidence = found.flatMap((f) => (f.rest ? [f.e, f.rest] : [f.e]));
  if (taken) evidence.push(...taken.evidence);
  const solid = found.filter((f) => !unsure(f)).length;
  const times = check.minCount > 1 ? ` (${found.length} times, limit ${check.minCount - 1})` : '';
  const what = (found.length > 0 ? describe(found, check.speaker, lowConfidence) : '') + (taken ? `; ${taken.note}` : '');
  if (found.length > 0 && solid >= check.minCount) {
    const other = someoneElseFrom(p, check, found, (f) => !unsure(f));
    if (other) return { verdict: 'review', reason: `${what}${times}; ${other.why}`, evidence: [...evidence, other.e], window: selection.window };
    return { verdict: 'fail', reason: `${what}${times}`, evidence, window: selection.window };
  }
  if (found.length > 0 && found.length >= check.minCount) {
    const why: string[] = [];
    if (found.some(lowConfidence)) why.push(`recognised with confidence below ${threshold}`);
    if (found.some(doubtful)) why.push('a check digit does not hold (a misheard digit, or not such a number)');
    return { verdict: 'review', reason: `${what}${times}; ${why.join('; ')}: a person should listen before this counts`, evidence, window: selection.window };
  }
  const verb = phrases && check.personalData ? 'said or read out' : phrases ? 'said' : 'read out';
  return { verdict: 'pass', reason: `${verb} ${found.length} time(s), below the limit of ${check.minCount}`, evidence, window: selection.window };
}

/**
 * The scope's turns. A window of N turns or seconds after the trigger is kept after every trigger,
 * not only the first: 「但是」 is forbidden while the customer complains, and a customer who
 * complains again later in the call is complaining again.
 */
function afterEveryTrigger(check: ForbidCheck, ctx: CheckContext): Selection {
  const { p, trigger, triggerTurn } = ctx;
  const first = selectTurns(p, check.speaker, check.scope, triggerTurn);
  const bounded = (check.scope?.after_trigger_turns ?? 0) > 0 || check.scope?.after_trigger_seconds !== undefined;
  if (!first.ok || !bounded || !trigger || triggerTurn === undefined) return first;
  const triggerScope = selectTurns(p, trigger.speaker, trigger.scope);
  if (!triggerScope.ok) return first;
  let turns: Set<number> | undefined;
  let later = 0;
  // The trigger's turns selected once, and each looked up once: a call may complain a dozen times.
  for (const u of triggerScope.turns) {
    if (u <= triggerTurn || findPhrasesExcept(p, u, trigger.phrases, trigger.except).length === 0) continue;
    const next = selectTurns(p, check.speaker, check.scope, u);
    if (!next.ok) break;
    later++;
    turns ??= new Set(first.turns);
    for (const t of next.turns) turns.add(t);
  }
  if (!turns) return first;
  return { ok: true, turns: [...turns].sort((a, b) => a - b), window: `${first.window}, and the same after ${later} later trigger(s)` };
}

/**
 * The speaker's label carries someone else from a turn on (「我是值班主管」 under 坐席): when the
 * solid hits before that turn stay under the limit, those from it on are a person's to attribute.
 * Looked for only when a check is about to fail.
 */
function someoneElseFrom(p: CheckContext['p'], check: ForbidCheck, found: readonly Found[], solid: (f: Found) => boolean): { why: string; e: Evidence } | undefined {
  const intro = check.reviewFrom;
  if (!intro || check.speaker === 'any') return undefined;
  let hit: PhraseHit | undefined;
  for (const u of p.turnsOf[check.speaker]) if ((hit = findPhrases(p, u, intro)[0])) break;
  if (hit === undefined) return undefined;
  const from = hit.utterance;
  if (found.filter((f) => solid(f) && f.utterance < from).length >= check.minCount) return undefined;
  const e = phraseEvidence(p, hit, intro, 'someone else');
  return { why: `from turn ${from + 1} the ${check.speaker}'s label carries someone else (「${e.matched ?? e.quote}」): a person should check who said it`, e };
}

/** 「said turn 3「白痴」 aimed at 「快递员」, not the customer: not counted here」 */
/** The customer's earlier turn that says the hit's words, if any. */
function saidFirstByCustomer(p: CheckContext['p'], hit: PhraseHit): number | undefined {
  const words = p.folds[hit.utterance]?.folded.slice(hit.start, hit.end);
  if (!words) return undefined;
  return p.turnsOf.customer.find((u) => u < hit.utterance && (p.folds[u]?.folded.includes(words) ?? false));
}

function customersWords(echoed: readonly Found[]): string {
  return `said ${echoed.map((f) => `turn ${f.e.turn}${quoteMatch(f.e)}`).join(', ')}: the customer's own word, said first by the customer: not counted here`;
}

function notCounted(aside: readonly Found[], speaker: SpeakerName): string {
  return `said ${aside.map((f) => `turn ${f.e.turn}${quoteMatch(f.e)} ${describeAim(f.aim as Aim, listenerOf(speaker))}`).join(', ')}: not counted here`;
}

/** 「none of $taboo said; no full mobile number read out」: the same for every call, so worded once per check. */
const NOTHING_SAID = new WeakMap<ForbidCheck, string>();
function nothingSaid(check: ForbidCheck): string {
  let reason = NOTHING_SAID.get(check);
  if (reason === undefined) {
    const parts = [check.phrases ? `none of ${check.phrases.label} said` : '', check.personalData ? `no ${kindList(check.personalData)} read out` : ''];
    NOTHING_SAID.set(check, (reason = parts.filter(Boolean).join('; ')));
  }
  return reason;
}

/**
 * The numbers read out in these utterances, and those read across two of them in a row (a number
 * cut at a pause): the utterances are the speaker's, so two consecutive indices are one speaker
 * with nobody between.
 */
function findAllNumbers(p: CheckContext['p'], turns: readonly number[], kinds: readonly PersonalNumberKind[], except: ForbidCheck['except'], into: NumberHit[]): void {
  for (let i = 0; i < turns.length; i++) {
    const u = turns[i] as number;
    pushAll(into, findNumbers(p, u, kinds, except));
    if (turns[i + 1] === u + 1) pushAll(into, findNumbersAcross(p, u, kinds, except));
  }
}

function numberFound(p: CheckContext['p'], n: NumberHit): Found {
  const label = `personal_data: ${n.kind}`;
  const evidence = (u: number, start: number, end: number): Evidence => ({ ...spanEvidence(p, u, start, end, label), personal: true });
  if (!n.begun) return { e: evidence(n.utterance, n.start, n.end), utterance: n.utterance, start: n.start, end: n.end, number: n };
  const { utterance, start, end } = n.begun;
  return { e: evidence(utterance, start, end), rest: { ...evidence(n.utterance, n.start, n.end), cut: true }, utterance, start, end, number: n };
}

/** Clause punctuation, which folding drops before matching. */
const CLAUSE_BREAK = /[，。！？；：,.!?;:、…]/g;

/** A taboo this short is a word, said within one clause; longer ones are phrases that survive a pause. */
const WORD_LENGTH = 3;

/**
 * The hits that are the phrase said, not two clauses meeting: folding drops punctuation, so
 * 「…影响您的正常生活，该还的按账单还」 holds 活该 across the comma. A short taboo (a word) that
 * spans more clause breaks than its phrase has is not it; a longer one keeps its hit, as an
 * agent may pause inside it (「如果没有其他的事，请挂机」).
 */
function pushSaid(p: CheckContext['p'], into: PhraseHit[], hits: readonly PhraseHit[], set: PhraseSet): void {
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i] as PhraseHit;
    if (hit.end - hit.start <= WORD_LENGTH) {
      const said = originalSpan(p.call.utterances[hit.utterance]?.text ?? '', p.folds[hit.utterance] as FoldedText, hit.start, hit.end);
      if (breaks(said) > breaks(set.phrases[hit.phrase]?.display ?? '')) continue;
    }
    into.push(hit);
  }
}

function breaks(text: string): number {
  return text.match(CLAUSE_BREAK)?.length ?? 0;
}

function pushAll<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i] as T);
}

/**
 * What was found, in turn order within each part: `said turn 3「…」, turn 5「…」` for phrases;
 * `agent read out a full mobile number at turn 4「…」` for personal numbers (the quote is masked
 * in reports, like every quote).
 */
function describe(found: readonly Found[], speaker: SpeakerName, lowConfidence: (f: Found) => boolean): string {
  const confidence = (f: Found): string => (lowConfidence(f) ? ` (confidence ${f.e.confidence})` : '');
  // Who the words were aimed at, when that is why they count here (the courier, not the customer).
  const aimed = (f: Found): string => (f.aim?.at === 'others' ? ` ${describeAim(f.aim, listenerOf(speaker))}` : '');
  const said = found.filter((f) => !f.number).map((f) => `turn ${f.e.turn}${quoteMatch(f.e)}${aimed(f)}${confidence(f)}`);
  const read = found.flatMap((f) =>
    f.number ? [`${f.number.name ?? PERSONAL_NUMBER_NAMES[f.number.kind]} at ${numberWhere(f)}${confidence(f)}${f.number.doubt ? ` (${f.number.doubt})` : ''}${readBack(f.number)}`] : [],
  );
  const who = speaker === 'any' ? '' : `${speaker} `;
  return [said.length > 0 ? `said ${said.join(', ')}` : '', read.length > 0 ? `${who}read out ${read.join(', ')}` : ''].filter(Boolean).join('; ');
}

/**
 * 「turn 4「…」」, or 「turns 4–5「…，…」」 for a number cut at a pause: quoted whole (the comma
 * marks the cut), so that the report masks it as one number.
 */
function numberWhere(f: Found): string {
  return f.rest ? `turns ${f.e.turn}–${f.rest.turn}「${f.e.matched ?? ''}，${f.rest.matched ?? ''}」` : `turn ${f.e.turn}「${f.e.matched}」`;
}

/** 「 (read back: the customer said it at turn 2)」: verifying the customer's own number still says it in full. */
function readBack(n: NumberHit): string {
  return n.customerTurn ? ` (read back: the customer said it at turn ${n.customerTurn})` : '';
}

/** 「full mobile, ID-card or bank-card number」 */
function kindList(kinds: readonly PersonalNumberKind[]): string {
  const names = kinds.map((k) => PERSONAL_NUMBER_NAMES[k].replace(/^an? /, '').replace(/ number$/, ''));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
  return `${list} number`;
}
