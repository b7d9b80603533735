/**
 * A transfer that stays in the recording. The agent puts the call through (「我帮您转接到技术部，
 * 请稍等」) and the recording goes on: the next department's agent speaks under the same 坐席 label
 * or channel (「您好，技术部工号203，请问有什么可以帮您？」). The scorecard is one agent's, so from
 * the new agent's first words on, the label's words are someone else's — not judged, like a
 * supervisor's who comes on (speaker unknown, src/readers/scored-agent.ts) — and every rule sees the
 * first agent's turns only.
 *
 * Only on clear evidence: one of the agent's two turns before announces the transfer (or the call
 * log says `transferred: true`; or 「我请主管来跟您说」 then 「我是值班主管」), and the label then
 * opens the call anew — a greeting (after at most a 「喂」) or a 工号 with an offer of help or the
 * desk's own name (`lexicons.transfer_pickup`: 「您好，这边是技术部」), or a supervisor's
 * introduction. A new agent who does none of these (「喂，路由器什么问题？」) cannot be told from the
 * first agent back by the words: only a label of its own (坐席2, src/readers/scored-agent.ts) tells
 * them apart. A 工号 that is the first agent's is the first agent back, and so is whoever says the desk
 * called did not answer (`transfer_failed`: 「技术部那边占线」); and the first agent back
 * without opening anew (「不好意思，那边占线，还是我来帮您」) changes nothing.
 * The call's agent number says whose scorecard it is: the one who answered, unless the number is
 * the new agent's alone — then the first agent's words are the ones set aside.
 */
import type { Call, Speaker, Utterance } from '../model/call.js';
import { callAgentNumber, selfNumbers } from '../model/self-number.js';
import type { HandoverDetection, PhraseSet } from '../ruleset/compiled.js';
import { findPhrases, findPhrasesExcept } from './phrases.js';
import type { PreparedCall } from './prepare.js';
import { speakerTurns } from './turns.js';

export interface Handover {
  /** The new agent's first utterance: where the scored agent's part of the call ends (or begins, with `scoredIsNew`). */
  at: number;
  /** The first agent's last utterance before it. */
  lastOwn: number;
  /** The agent utterance that announced the transfer; undefined when only the call log shows it. */
  announcedBy?: number;
  /** The call's agent number is the new agent's: the scored agent is the one who took over. */
  scoredIsNew: boolean;
}

/**
 * The agent's turns the first words of the new agent may follow: one of the last two announces the
 * transfer, or of the last three when the last puts the caller on hold (「帮您转接技术部，好吗？」
 * 「好的，我的单号是多少？」「单号是335。」「好。」「请稍等。」).
 */
const ANNOUNCING_TURNS = 2;
const ANNOUNCING_TURNS_THEN_HOLD = 3;

/** The hand-over in this call, if the evidence is clear; undefined for nearly every call. */
export function findHandover(p: PreparedCall): Handover | undefined {
  const d = p.ruleset.handover;
  if (!d || !p.call.source.diarized) return undefined;
  const runs = speakerTurns(p, 'agent');
  if (runs.length < 2) return undefined;
  const logged = loggedTransfer(p.call.meta.transferred);
  for (let r = 1; r < runs.length; r++) {
    const run = runs[r] as number[];
    if (!opensAnew(p, d, run)) continue;
    const hold = d.putOnHold;
    const putOnHold = !!hold && (runs[r - 1] as number[]).some((u) => findPhrases(p, u, hold).length > 0);
    const back = putOnHold ? ANNOUNCING_TURNS_THEN_HOLD : ANNOUNCING_TURNS;
    const announcedBy = announcing(p, d, runs.slice(Math.max(0, r - back), r));
    if (announcedBy === undefined && !logged) continue;
    const scoredIsNew = whoseCall(p, runs.slice(0, r), run);
    if (scoredIsNew === undefined) continue;
    const before = runs[r - 1] as number[];
    return { at: run[0] as number, lastOwn: before[before.length - 1] as number, announcedBy, scoredIsNew };
  }
  return undefined;
}

/**
 * Whether the agent's turn `run` opens the call anew as someone other than the agent of `earlierRuns`
 * (the agent's turns before it): it opens anew, and its 工号 does not show the first agent back
 * (whoseCall). The hold rules ask this too (src/engine/timing/holds.ts), so a silence reads as a
 * transfer put through exactly when the words after it are a new agent's: 「我工号128，我先帮您登记」
 * (no greeting, no offer, no desk) is the first agent back, and the silence before it a hold.
 */
export function newAgentOpens(p: PreparedCall, d: HandoverDetection, run: readonly number[], earlierRuns: readonly number[][]): boolean {
  return opensAnew(p, d, run) && whoseCall(p, earlierRuns, run) !== undefined;
}

/** The agent numbers (工号) said in these turns. */
function numbersIn(p: PreparedCall, runs: readonly (readonly number[])[]): Set<string> {
  const numbers = new Set<string>();
  for (const run of runs) for (const u of run) selfNumbers(p.call.utterances[u]?.text ?? '', numbers);
  return numbers;
}

/** `transferred` true in the call log (true, "true", 是 …). */
function loggedTransfer(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^(true|yes|y|1|是)$/i.test(v.trim()));
}

/**
 * Whether the turn opens the call anew: an offer of help (`transfer_pickup`) with a greeting at its
 * start or a 工号 of its own, or a supervisor's introduction (「您好，我是值班主管」).
 */
function opensAnew(p: PreparedCall, d: HandoverDetection, run: readonly number[]): boolean {
  const says = (set: PhraseSet | undefined): boolean => !!set && run.some((u) => findPhrases(p, u, set).length > 0);
  if (says(d.colleagueIntro)) return true;
  if (!says(d.pickup)) return false;
  // The desk called was busy or did not answer: whoever says so is the first agent back, not that
  // desk, even with a 工号 or their own desk's name (「您好，我是客服中心的小王，技术部那边占线」).
  if (says(d.notPutThrough)) return false;
  if (opensWithGreeting(p, d, run[0] as number)) return true;
  // Without a greeting, a 工号 and an offer of help (「技术部工号203为您服务」); a 工号 alone may be the
  // first agent back (「我工号128，我继续帮您」).
  const offers = run.some((u) => findPhrases(p, u, d.pickup).some((h) => !/^工[号號]$/u.test((p.folds[u]?.folded ?? '').slice(h.start, h.end))));
  return offers && run.some((u) => selfNumbers(p.call.utterances[u]?.text ?? '').size > 0);
}

/** A greeting at the utterance's start, after at most a line check (「喂，您好，这边是技术部」). */
function opensWithGreeting(p: PreparedCall, d: HandoverDetection, u: number): boolean {
  const greeting = d.greeting ? findPhrases(p, u, d.greeting)[0] : undefined;
  if (!greeting) return false;
  let at = 0;
  // Hits come by start: each line check that begins where the words so far end carries them on.
  if (d.lineCheck) for (const h of findPhrases(p, u, d.lineCheck)) if (h.start <= at && h.end > at && h.end <= greeting.start) at = h.end;
  return greeting.start === at;
}

/** The last utterance in these turns that announces the transfer (or a supervisor to come on). */
function announcing(p: PreparedCall, d: HandoverDetection, runs: readonly number[][]): number | undefined {
  let found: number | undefined;
  for (const run of runs) {
    for (const u of run) {
      if (findPhrasesExcept(p, u, d.transfer.phrases, d.transfer.except).length > 0 || (d.supervisorCalled && findPhrases(p, u, d.supervisorCalled).length > 0)) found = u;
    }
  }
  return found;
}

/**
 * Whether the scored agent is the new one (true), the first (false), or the 工号 shows the first
 * agent back (undefined: no hand-over). The call's number decides only when just one side gives it.
 */
function whoseCall(p: PreparedCall, firstRuns: readonly number[][], newRun: readonly number[]): boolean | undefined {
  const newNumbers = numbersIn(p, [newRun]);
  const firstNumbers = numbersIn(p, firstRuns.slice(0, 2));
  for (const n of newNumbers) if (firstNumbers.has(n)) return undefined;
  const own = callAgentNumber(p.call.meta);
  if (own === undefined || !newNumbers.has(own)) return false;
  // The call's number is the new agent's only when the first agent gave another: an agent who gave
  // none before and now says the call's number may be the first agent back.
  return firstNumbers.size > 0 ? true : undefined;
}

/** The label a set-aside agent's words are shown under. */
export const TOOK_OVER = '坐席（转接后）';
export const BEFORE_TRANSFER = '坐席（转接前）';

/**
 * The call with the words that are not the scored agent's made someone else's (speaker unknown,
 * labelled), and the utterances by speaker for it.
 */
export function setAside(call: Call, h: Handover): { call: Call; turnsOf: Record<Speaker, number[]> } {
  const other = (u: Utterance): boolean => u.speaker === 'agent' && (h.scoredIsNew ? u.index < h.at : u.index >= h.at);
  const label = h.scoredIsNew ? BEFORE_TRANSFER : TOOK_OVER;
  const utterances = call.utterances.map((u) => (other(u) ? { ...u, speaker: 'unknown' as const, label: u.label ?? label } : u));
  const turnsOf: Record<Speaker, number[]> = { agent: [], customer: [], unknown: [] };
  for (const u of utterances) turnsOf[u.speaker].push(u.index);
  return { call: { ...call, utterances }, turnsOf };
}

/** ", up to the transfer at turn 6" for an agent window, when the call was handed over. */
export function handoverNote(p: PreparedCall): string {
  const h = p.handover;
  if (!h) return '';
  return h.scoredIsNew ? `, from the transfer at turn ${h.at + 1} (the call's agent number is the new agent's)` : `, up to the transfer at turn ${h.at + 1}`;
}

/**
 * Whether a silence (starting at startMs) lies in the scored agent's part of a handed-over call:
 * the new agent's silences (their own 「我帮您查一下」 holds) are no more the first agent's dead air
 * than their words are the first agent's, and the other way round.
 */
export function inScoredPart(p: PreparedCall, startMs: number): boolean {
  const h = p.handover;
  if (!h) return true;
  const from = p.call.utterances[h.at]?.startMs ?? Infinity;
  return h.scoredIsNew ? startMs >= from : startMs < from;
}
