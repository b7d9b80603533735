/**
 * Render one call's rows (scorecard line, findings lines, summary facts) where it was scored —
 * in the worker thread — so the main thread only appends strings. Masking happens here too.
 */
import { formatMs } from '../model/call.js';
import type { CallResult, Evidence, RuleResult } from '../engine/index.js';
import { csvLine } from './csv.js';
import { maskPersonalData } from './mask.js';

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
  time: string;
  speaker: string;
  quote: string;
  reason: string;
  overrideBy: string;
}

export interface RenderOptions {
  ruleIds: readonly string[];
  mask: boolean;
}

export function renderCall(r: CallResult, opts: RenderOptions): RenderedCall {
  const verdicts = new Map(r.rules.map((x) => [x.ruleId, x.verdict]));
  const scorecard = csvLine(
    [r.callId, r.date, r.file, r.score, r.earned, r.applicable, r.criticalFail, r.result, ...opts.ruleIds.map((id) => verdicts.get(id) ?? '')],
    ID_COLUMN,
  );
  const mask = (text: string | undefined): string | undefined => (opts.mask && text ? maskPersonalData(text) : text);
  let findings = '';
  for (const rule of r.rules) {
    const e = rule.evidence[0];
    findings += csvLine(
      [
        r.callId, r.agentId, rule.ruleId, rule.category, rule.verdict, rule.points, rule.maxPoints, rule.critical, e?.turn, evidenceTime(e), e?.speaker, mask(e?.quote), rule.window, mask(reasonOf(rule)),
        rule.override?.reviewer, mask(rule.override?.reason),
      ],
      ID_COLUMNS,
    );
  }
  const categories: Record<string, number | undefined> = {};
  for (const [name, c] of Object.entries(r.categories)) categories[name] = c.score;
  return {
    agentId: r.agentId,
    scorecard,
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
      failedRules: r.rules.filter((x) => x.verdict === 'fail').map((x) => x.ruleId),
    },
    failures: r.rules
      .filter((x) => x.verdict === 'fail')
      .map((x) => ({
        ruleId: x.ruleId,
        time: evidenceTime(x.evidence[0]),
        speaker: x.evidence[0]?.speaker ?? '',
        quote: mask(x.evidence[0]?.quote) ?? '',
        reason: mask(reasonOf(x)) ?? '',
        overrideBy: x.override?.reviewer ?? '',
      })),
  };
}

/** An overridden finding keeps the engine's reason, saying what the engine had decided. */
function reasonOf(rule: RuleResult): string {
  return rule.override ? `engine verdict ${rule.override.engineVerdict}: ${rule.reason}` : rule.reason;
}

const ID_COLUMN = [0];
const ID_COLUMNS = [0, 1];

function evidenceTime(e: Evidence | undefined): string {
  if (!e || e.startMs === undefined) return '';
  return e.endMs !== undefined ? `${formatMs(e.startMs)}-${formatMs(e.endMs)}` : formatMs(e.startMs);
}
