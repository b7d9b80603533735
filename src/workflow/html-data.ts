/**
 * What the HTML report shows, gathered call by call as the audit goes: the score distribution,
 * the failure count per rule, and each agent's failed findings with their (already masked)
 * evidence. Everything is bounded: bins and counters, and at most MAX_FINDINGS_PER_AGENT
 * findings per agent, so a full month does not become a 1 GB e-mail attachment.
 */
import type { FailedFinding, RenderedCall, SummaryTable } from '../report/index.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import type { Escalation } from './escalate.js';

export const MAX_FINDINGS_PER_AGENT = 100;

/** Ten bins of ten points: [0,10) … [90,100]. */
export const SCORE_BINS = 10;

export interface AgentFindings {
  agentId: string;
  /** Failed findings shown (the first MAX_FINDINGS_PER_AGENT in input order). */
  findings: Array<FailedFinding & { callId: string; date: string }>;
  /** Failed findings in all. */
  total: number;
}

export interface ReportData {
  title: string;
  ruleset: { name: string; version: string; passMark: number };
  categories: string[];
  rules: Array<{ id: string; title: string; category: string; critical: boolean }>;
  calls: number;
  callsFailed: number;
  criticalCalls: number;
  unscored: number;
  firstDate: string;
  lastDate: string;
  scoreBins: number[];
  /** Calls that failed each rule, by rule id. */
  ruleFails: Record<string, number>;
  summary: SummaryTable;
  escalations: Escalation[];
  agents: AgentFindings[];
  overridesApplied: number;
  /** False under --no-mask: the report must not then claim its quotes are masked. */
  masked: boolean;
}

export class ReportCollector {
  private calls = 0;
  private callsFailed = 0;
  private criticalCalls = 0;
  private unscored = 0;
  private firstDate = '';
  private lastDate = '';
  private readonly bins = new Array<number>(SCORE_BINS).fill(0);
  private readonly ruleFails = new Map<string, number>();
  private readonly agents = new Map<string, AgentFindings>();

  constructor(
    private readonly ruleset: CompiledRuleset,
    private readonly masked = true,
  ) {}

  add(call: RenderedCall): void {
    const s = call.summary;
    const date = s.date;
    this.calls++;
    if (s.result === 'fail') this.callsFailed++;
    if (s.criticalFail) this.criticalCalls++;
    if (s.score === undefined) this.unscored++;
    else this.bins[Math.min(SCORE_BINS - 1, Math.floor(s.score / (100 / SCORE_BINS)))]! += 1;
    if (date && (!this.firstDate || date < this.firstDate)) this.firstDate = date;
    if (date && date > this.lastDate) this.lastDate = date;
    for (const id of s.failedRules) this.ruleFails.set(id, (this.ruleFails.get(id) ?? 0) + 1);
    if (call.failures.length === 0) return;
    let a = this.agents.get(s.agentId);
    if (!a) this.agents.set(s.agentId, (a = { agentId: s.agentId, findings: [], total: 0 }));
    for (const f of call.failures) {
      a.total++;
      if (a.findings.length < MAX_FINDINGS_PER_AGENT) a.findings.push({ ...f, callId: s.callId, date });
    }
  }

  data(summary: SummaryTable, escalations: Escalation[], overridesApplied: number): ReportData {
    const rs = this.ruleset;
    return {
      title: `质检月报 · QA report ${this.firstDate && this.lastDate ? `${this.firstDate} – ${this.lastDate}` : ''}`.trim(),
      ruleset: { name: rs.name, version: rs.version, passMark: rs.passMark },
      categories: Object.keys(rs.weights),
      rules: rs.rules.map((r) => ({ id: r.id, title: r.title, category: r.category, critical: r.critical })),
      calls: this.calls,
      callsFailed: this.callsFailed,
      criticalCalls: this.criticalCalls,
      unscored: this.unscored,
      firstDate: this.firstDate,
      lastDate: this.lastDate,
      scoreBins: [...this.bins],
      ruleFails: Object.fromEntries(this.ruleFails),
      summary,
      escalations,
      agents: [...this.agents.values()].sort((x, y) => (x.agentId < y.agentId ? -1 : x.agentId > y.agentId ? 1 : 0)),
      overridesApplied,
      masked: this.masked,
    };
  }
}
