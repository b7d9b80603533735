/**
 * Render one call's rows (scorecard line, findings lines, summary facts) where it was scored —
 * in the worker thread — so the main thread only appends strings. Masking happens here too.
 */
import { formatMs } from '../model/call.js';
import type { CallResult, CategoryScore, Evidence, RuleResult } from '../engine/index.js';
import { cell, idCell } from './csv.js';
import { type FoundNumber, maskWithFound, personalDataFound } from './mask.js';

/** What summary.csv needs of a call. */
export interface CallSummary {
  callId: string;
  file: string;
  /** The reader and the text encoding the call was read with (counted in run.json). */
  format: string;
  encoding: string;
  date: string;
  agentId: string;
  agentName: string;
  score?: number;
  result: CallResult['result'];
  criticalFail: boolean;
  categories: Record<string, number | undefined>;
  failedRules: string[];
}

export interface RenderedCall {
  agentId: string;
  scorecard: string;
  findings: string;
  summary: CallSummary;
  /** The failed rules with their first evidence, masked (for the HTML report). */
  failures: FailedFinding[];
}

export interface FailedFinding {
  ruleId: string;
  /** The evidence's turn ('' when nothing was said): untimed calls have no other place. */
  turn: string;
  time: string;
  speaker: string;
  quote: string;
  reason: string;
  /** Where the engine looked: all a "not said" failure can show. */
  window: string;
  overrideBy: string;
}

export interface RenderOptions {
  ruleIds: readonly string[];
  mask: boolean;
}

export function renderCall(r: CallResult, opts: RenderOptions): RenderedCall {
  const callCells = `${idOrCell(r.callId)},${idOrCell(r.agentId)},`;
  let found: readonly FoundNumber[] = [];
  const mask = (text: string | undefined): string | undefined => (opts.mask && text ? maskWithFound(text, found) : text);
  // One pass over the rules builds the findings rows (one string, no arrays of cells), the
  // scorecard's verdicts and the failures, which reuse the row's masked quote and reason.
  let findings = '';
  let verdicts = '';
  const ruleIds = opts.ruleIds;
  let inOrder = r.rules.length === ruleIds.length;
  const failedRules: string[] = [];
  const failures: FailedFinding[] = [];
  for (let i = 0; i < r.rules.length; i++) {
    const rule = r.rules[i] as RuleResult;
    // Each field read once: results of different rules have different shapes, so every
    // property read on them is a slow (megamorphic) lookup.
    const { ruleId, verdict, override } = rule;
    if (inOrder && ruleIds[i] === ruleId) verdicts += `,${wordCell(verdict ?? '')}`;
    else inOrder = false;
    const e = rule.evidence[0];
    found = personalDataFound(rule.evidence);
    const time = evidenceTime(e);
    const speaker = e?.speaker;
    const quote = mask(e?.quote);
    const reason = mask(reasonOf(rule.reason, override));
    const reviewer = override?.reviewer;
    findings += `${callCells}${ruleCells(ruleId, rule.category)}${wordCell(verdict)},${cell(rule.points)},${cell(rule.maxPoints)},${cell(rule.critical)},${cell(e?.turn)},${timeCell(time)},${wordCell(speaker)},${cell(quote)},${cell(rule.window)},${cell(reason)},${cell(reviewer)},${cell(mask(override?.reason))}\n`;
    if (verdict !== 'fail') continue;
    failedRules.push(ruleId);
    failures.push({ ruleId, turn: e?.turn === undefined ? '' : String(e.turn), time, speaker: speaker ?? '', quote: quote ?? '', reason: reason ?? '', window: rule.window ?? '', overrideBy: reviewer ?? '' });
  }
  const categories: Record<string, number | undefined> = {};
  for (const name in r.categories) categories[name] = (r.categories[name] as CategoryScore).score;
  return {
    agentId: r.agentId,
    scorecard: `${scorecardStart(r)}${inOrder ? verdicts : verdictsById(r, ruleIds)}\n`,
    findings,
    summary: {
      callId: r.callId,
      file: r.file,
      format: r.format,
      encoding: r.encoding,
      date: r.date,
      agentId: r.agentId,
      agentName: r.agentName,
      score: r.score,
      result: r.result,
      criticalFail: r.criticalFail,
      categories,
      failedRules,
    },
    failures,
  };
}

/**
 * A rendered call as bytes (the string's UTF-16 code units): what a worker posts to the main
 * thread. One string costs a fraction of structured-cloning the summary and failure objects
 * field by field, and as bytes in their own ArrayBuffer it is moved (transferred), not copied,
 * and lives outside the worker's JS heap. Held there as strings, a batch's calls survived every
 * minor collection and were copied by each: 13% of a worker's time went to collecting (bench,
 * 20,000 calls). UTF-16, not UTF-8: a copy of the code units, three times cheaper to write than
 * to encode, and exact even for a lone surrogate.
 * Line 1 is JSON of the scorecard and summary, line 2 JSON of the failures (JSON never holds a
 * raw line break), then the findings rows unchanged.
 */
export type PackedCall = Uint8Array;

type Head = [
  scorecard: string, callId: string, file: string, format: string, encoding: string, date: string, agentId: string, agentName: string,
  score: number | null, result: CallResult['result'], criticalFail: boolean, categories: Array<string | number | null>, failedRules: string[],
];

export function packCall(r: CallResult, opts: RenderOptions): PackedCall {
  const call = renderCall(r, opts);
  const s = call.summary;
  const categories: Array<string | number | null> = [];
  for (const name in s.categories) categories.push(name, s.categories[name] ?? null);
  const head: Head = [call.scorecard, s.callId, s.file, s.format, s.encoding, s.date, s.agentId, s.agentName, s.score ?? null, s.result, s.criticalFail, categories, s.failedRules];
  const failures: string[] = [];
  for (const f of call.failures) failures.push(f.ruleId, f.turn, f.time, f.speaker, f.quote, f.reason, f.window, f.overrideBy);
  return toCodeUnits(`${JSON.stringify(head)}\n${JSON.stringify(failures)}\n${call.findings}`);
}

/** A string's code units in a buffer of its own (Buffer.from would share a pooled slab). */
function toCodeUnits(text: string): PackedCall {
  const bytes = Buffer.from(new ArrayBuffer(text.length * 2));
  bytes.write(text, 0, 'utf16le');
  return bytes;
}

export function unpackCall(bytes: PackedCall): RenderedCall {
  const packed = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
  const headEnd = packed.indexOf('\n');
  const failuresEnd = packed.indexOf('\n', headEnd + 1);
  const [scorecard, callId, file, format, encoding, date, agentId, agentName, score, result, criticalFail, cats, failedRules] = JSON.parse(packed.slice(0, headEnd)) as Head;
  const categories: Record<string, number | undefined> = {};
  for (let i = 0; i < cats.length; i += 2) categories[cats[i] as string] = (cats[i + 1] as number | null) ?? undefined;
  const summary: CallSummary = { callId, file, format, encoding, date, agentId, agentName, score: score ?? undefined, result, criticalFail, categories, failedRules };
  return new UnpackedCall(agentId, scorecard, packed.slice(failuresEnd + 1), summary, packed.slice(headEnd + 1, failuresEnd));
}

/**
 * Only the HTML report reads the failures (most of the JSON): parsed on first use. A class,
 * not an object literal with a getter: that variant (a closure per call) left the main thread's
 * heap twice as high at its peak (~100 MB, +50 MB RSS) on the 5,000-call bench.
 */
class UnpackedCall implements RenderedCall {
  #failuresJson: string;
  #failures: FailedFinding[] | undefined;

  constructor(
    readonly agentId: string,
    readonly scorecard: string,
    readonly findings: string,
    readonly summary: CallSummary,
    failuresJson: string,
  ) {
    this.#failuresJson = failuresJson;
  }

  get failures(): FailedFinding[] {
    return (this.#failures ??= parseFailures(this.#failuresJson));
  }
}

function parseFailures(json: string): FailedFinding[] {
  const flat = JSON.parse(json) as string[];
  const failures: FailedFinding[] = [];
  for (let i = 0; i < flat.length; i += 8) {
    const [ruleId, turn, time, speaker, quote, reason, window, overrideBy] = flat.slice(i, i + 8) as [string, string, string, string, string, string, string, string];
    failures.push({ ruleId, turn, time, speaker, quote, reason, window, overrideBy });
  }
  return failures;
}

function scorecardStart(r: CallResult): string {
  return `${idOrCell(r.callId)},${cell(r.date)},${cell(r.file)},${cell(r.score)},${cell(r.earned)},${cell(r.applicable)},${cell(r.criticalFail)},${cell(r.result)}`;
}

/** The scorecard's verdict cells in ruleset order, for results not listed in that order. */
function verdictsById(r: CallResult, ruleIds: readonly string[]): string {
  const byId = new Map(r.rules.map((x) => [x.ruleId, x.verdict]));
  let cells = '';
  for (const id of ruleIds) cells += `,${wordCell(byId.get(id) ?? '')}`;
  return cells;
}

/** `rule_id,category,` escaped: the same in every call, so escaped once per rule. */
const RULE_CELLS = new Map<string, { category: string; cells: string }>();

function ruleCells(ruleId: string, category: string): string {
  const known = RULE_CELLS.get(ruleId);
  if (known?.category === category) return known.cells;
  const cells = `${cell(ruleId)},${cell(category)},`;
  RULE_CELLS.set(ruleId, { category, cells });
  return cells;
}

/** Verdicts and speakers are plain words that need no escaping. */
function wordCell(word: string | undefined): string {
  return word === 'pass' || word === 'fail' || word === 'na' || word === 'agent' || word === 'customer' || word === '' ? word : cell(word);
}

/** formatMs writes numbers, colons and dots: nothing to quote; only a negative time starts like a formula. */
function timeCell(time: string): string {
  return time.charCodeAt(0) === 45 ? cell(time) : time;
}

/** An overridden finding keeps the engine's reason, saying what the engine had decided. */
function reasonOf(reason: string, override: RuleResult['override']): string {
  return override ? `engine verdict ${override.engineVerdict}: ${reason}` : reason;
}

function idOrCell(value: string): string {
  return typeof value === 'string' ? idCell(value) : cell(value);
}

function evidenceTime(e: Evidence | undefined): string {
  if (!e || e.startMs === undefined) return '';
  return e.endMs !== undefined ? `${formatMs(e.startMs)}-${formatMs(e.endMs)}` : formatMs(e.startMs);
}
