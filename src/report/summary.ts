/**
 * Per-agent aggregates for summary.csv: kept as running sums, never as lists of calls. Scores
 * have one decimal, so they are summed as whole tenths: exact, whatever order calls arrive in.
 */
import type { CallSummary } from './render.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import { csvHeader, csvLine, type Cell } from './csv.js';
import { byteOrder } from '../model/order.js';

/** More columns at the end of summary.csv (the change since last month): cells per agent. */
export interface SummaryColumns {
  names: string[];
  cells(agentId: string, meanScore: number | undefined): Cell[];
}

/** summary.csv as data (for the HTML report): the header and one row of cells per agent. */
export interface SummaryTable {
  header: string[];
  rows: Cell[][];
}

interface AgentTotals {
  name: string;
  calls: number;
  scored: number;
  scoreSum: number;
  minScore?: number;
  failed: number;
  critical: number;
  categorySum: Map<string, number>;
  categoryCount: Map<string, number>;
  ruleFails: Map<string, number>;
}

export class SummaryBuilder {
  private readonly agents = new Map<string, AgentTotals>();
  private readonly categories: string[];
  private readonly ruleOrder: Map<string, number>;

  constructor(ruleset: CompiledRuleset) {
    this.categories = Object.keys(ruleset.weights);
    this.ruleOrder = new Map(ruleset.rules.map((r, i) => [r.id, i]));
  }

  get agentCount(): number {
    return this.agents.size;
  }

  add(r: CallSummary): void {
    let a = this.agents.get(r.agentId);
    if (!a) {
      a = { name: '', calls: 0, scored: 0, scoreSum: 0, failed: 0, critical: 0, categorySum: new Map(), categoryCount: new Map(), ruleFails: new Map() };
      this.agents.set(r.agentId, a);
    }
    if (!a.name && r.agentName) a.name = r.agentName;
    a.calls++;
    if (r.score !== undefined) {
      a.scored++;
      a.scoreSum += tenths(r.score);
      a.minScore = a.minScore === undefined ? r.score : Math.min(a.minScore, r.score);
    }
    if (r.result === 'fail') a.failed++;
    if (r.criticalFail) a.critical++;
    for (const [name, score] of Object.entries(r.categories)) {
      if (score === undefined) continue;
      a.categorySum.set(name, (a.categorySum.get(name) ?? 0) + tenths(score));
      a.categoryCount.set(name, (a.categoryCount.get(name) ?? 0) + 1);
    }
    for (const id of r.failedRules) a.ruleFails.set(id, (a.ruleFails.get(id) ?? 0) + 1);
  }

  csv(extra?: SummaryColumns): string {
    const table = this.table(extra);
    return csvHeader(table.header) + table.rows.map((row) => csvLine(row, [0])).join('');
  }

  table(extra?: SummaryColumns): SummaryTable {
    const header = [
      'agent_id', 'agent_name', 'calls', 'mean_score', 'min_score', 'calls_failed', 'critical_fails',
      ...this.categories.map((c) => `${c}_score`),
      'most_failed_rule', 'most_failed_rule_fails',
      ...(extra?.names ?? []),
    ];
    const ids = [...this.agents.keys()].sort(byteOrder);
    const rows = ids.map((id) => {
      const a = this.agents.get(id) as AgentTotals;
      const [rule, fails] = this.mostFailed(a);
      const mean = a.scored ? meanOfTenths(a.scoreSum, a.scored) : undefined;
      return [
        id, a.name, a.calls, mean, a.minScore, a.failed, a.critical,
        ...this.categories.map((c) => {
          const n = a.categoryCount.get(c) ?? 0;
          return n ? meanOfTenths(a.categorySum.get(c) ?? 0, n) : undefined;
        }),
        rule, fails,
        ...(extra?.cells(id, mean) ?? []),
      ];
    });
    return { header, rows };
  }

  /** The rule this agent failed most often; ties go to the rule listed first in the ruleset. */
  private mostFailed(a: AgentTotals): [string | undefined, number | undefined] {
    let best: string | undefined;
    let count = 0;
    for (const [id, n] of a.ruleFails) {
      const earlier = best === undefined || (this.ruleOrder.get(id) ?? 0) < (this.ruleOrder.get(best) ?? 0);
      if (n > count || (n === count && earlier)) {
        best = id;
        count = n;
      }
    }
    return best === undefined ? [undefined, undefined] : [best, count];
  }
}

function tenths(score: number): number {
  return Math.round(score * 10);
}

/** The mean of n scores summed as tenths, rounded half up to one decimal. */
function meanOfTenths(sumTenths: number, n: number): number {
  return Math.round(sumTenths / n) / 10;
}
