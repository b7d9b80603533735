/**
 * Escalations to HR, as seed 004 三.1–3 describes the monthly 抽检: an agent who keeps failing the
 * same standard is warned and then handed to HR, and a failure that seriously harms the company
 * (our critical rules: privacy, insults) goes to HR at once. One row per agent and rule:
 *
 *   critical   — a critical rule failed in any call this month;
 *   repeated   — the same rule failed in ≥ `repeat` calls this month (default 3);
 *   recurring  — the same rule failed in ≥ `recurring` calls this month AND last month
 *                (default 1; only with --previous).
 *
 * Verdicts are the final ones (after overrides): an upheld appeal removes the failure. Calls
 * without an agent id (agent "unknown") name no one to escalate and are left out.
 */
import { UNKNOWN_AGENT } from '../engine/index.js';
import type { CallSummary } from '../report/index.js';
import { csvHeader, csvLine } from '../report/index.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import type { PreviousReport } from './previous.js';
import { byteOrder } from '../model/order.js';

export interface EscalationThresholds {
  repeat: number;
  recurring: number;
}

export const DEFAULT_ESCALATION: EscalationThresholds = { repeat: 3, recurring: 1 };

export const ESCALATION_COLUMNS = ['agent_id', 'agent_name', 'reason', 'rule_id', 'count', 'calls'];

/** Call ids kept per agent and rule: enough for HR to open the calls, bounded for a full month. */
const MAX_CALL_IDS = 50;

interface RuleFails {
  count: number;
  calls: string[];
}

export interface Escalation {
  agentId: string;
  agentName: string;
  reasons: string[];
  ruleId: string;
  count: number;
  calls: string[];
}

export class EscalationTracker {
  private readonly fails = new Map<string, Map<string, RuleFails>>();
  private readonly names = new Map<string, string>();
  private readonly critical: Set<string>;
  private readonly order: Map<string, number>;

  constructor(ruleset: CompiledRuleset) {
    this.critical = new Set(ruleset.rules.filter((r) => r.critical).map((r) => r.id));
    this.order = new Map(ruleset.rules.map((r, i) => [r.id, i]));
  }

  add(call: CallSummary): void {
    if (call.agentId === UNKNOWN_AGENT) return;
    if (call.agentName && !this.names.get(call.agentId)) this.names.set(call.agentId, call.agentName);
    let rules = this.fails.get(call.agentId);
    if (!rules) this.fails.set(call.agentId, (rules = new Map()));
    for (const id of call.failedRules) {
      let f = rules.get(id);
      if (!f) rules.set(id, (f = { count: 0, calls: [] }));
      f.count++;
      if (f.calls.length < MAX_CALL_IDS) f.calls.push(call.callId);
    }
  }

  escalations(thresholds: EscalationThresholds, previous?: PreviousReport): Escalation[] {
    const out: Escalation[] = [];
    const agents = [...this.fails.keys()].sort(byteOrder);
    for (const agentId of agents) {
      const rules = this.fails.get(agentId) as Map<string, RuleFails>;
      const ids = [...rules.keys()].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0) || byteOrder(a, b));
      for (const ruleId of ids) {
        const f = rules.get(ruleId) as RuleFails;
        const reasons: string[] = [];
        if (this.critical.has(ruleId)) reasons.push('critical: a critical standard failed');
        if (f.count >= thresholds.repeat) reasons.push(`repeated: failed in ${f.count} calls this month (threshold ${thresholds.repeat})`);
        const before = previous?.ruleFails.get(agentId)?.get(ruleId) ?? 0;
        if (previous && f.count >= thresholds.recurring && before >= thresholds.recurring) {
          reasons.push(`recurring: failed in ${f.count} calls this month and ${before} last month`);
        }
        if (reasons.length > 0) out.push({ agentId, agentName: this.names.get(agentId) ?? '', reasons, ruleId, count: f.count, calls: f.calls });
      }
    }
    return out;
  }
}

export function escalationsCsv(rows: readonly Escalation[]): string {
  return csvHeader(ESCALATION_COLUMNS) + rows.map((e) => csvLine([e.agentId, e.agentName, e.reasons.join('; '), e.ruleId, e.count, callList(e)], [0, 5])).join('');
}

/** The calls, "; "-separated; one long numeric id is written as an id (not 2.03E+14 in Excel). */
/** The calls of an escalation as escalations.csv and report.html show them: the ids kept, and how many more. */
export function callList(e: Escalation): string {
  const more = e.count - e.calls.length;
  return e.calls.join('; ') + (more > 0 ? `; … and ${more} more` : '');
}

/** summary.csv's trend columns: last month's mean and the change, in points. */
export function trendColumns(previous: PreviousReport): { names: string[]; cells(agentId: string, mean: number | undefined): Array<number | undefined> } {
  return {
    names: ['previous_mean_score', 'change'],
    cells(agentId, mean) {
      const before = previous.means.get(agentId);
      const change = before !== undefined && mean !== undefined ? Math.round((mean - before) * 10) / 10 : undefined;
      return [before, change];
    },
  };
}

