/**
 * The monthly workflow around one audit run: reviewers' overrides in, trends against last
 * month's report and escalations out. runAudit calls it at three points (before scoring, per
 * call, at finish) so the pipeline itself stays a pipeline.
 */
import { join } from 'node:path';
import type { CompiledRuleset } from '../ruleset/index.js';
import type { ErrorRow, FinishExtras, RenderedCall } from '../report/index.js';
import { StagedFile } from '../report/index.js';
import { writeFileSync } from 'node:fs';
import { DEFAULT_ESCALATION, EscalationTracker, escalationsCsv, trendColumns, type Escalation, type EscalationThresholds } from './escalate.js';
import { loadOverrides, unmatchedOverrides, type OverrideEntry } from './overrides.js';
import { loadPrevious, type PreviousReport } from './previous.js';
import { findChartLibrary } from './chart-lib.js';
import { ReportCollector } from './html-data.js';
import { renderReportHtml } from './html.js';

export interface WorkflowOptions {
  /** --overrides overrides.csv */
  overridesFile?: string;
  /** --previous last-month-report/ */
  previousDir?: string;
  escalation?: Partial<EscalationThresholds>;
  /** --html [file]: report.html inside the report folder, or at `path`. */
  html?: { path?: string };
  /** False under --no-mask: report.html then says its quotes are not masked. */
  masked?: boolean;
}

export type WorkflowStart = { ok: true; workflow: MonthWorkflow } | { ok: false; message: string };

export async function startWorkflow(opts: WorkflowOptions, ruleset: CompiledRuleset): Promise<WorkflowStart> {
  let overrides: OverrideEntry[] = [];
  const problems: ErrorRow[] = [];
  if (opts.overridesFile !== undefined) {
    const loaded = loadOverrides(opts.overridesFile, ruleset.rules.map((r) => r.id));
    if (!loaded.ok) return { ok: false, message: loaded.message };
    overrides = loaded.entries;
    problems.push(...loaded.problems);
  }
  let previous: PreviousReport | undefined;
  if (opts.previousDir !== undefined) {
    const loaded = await loadPrevious(opts.previousDir);
    if (!loaded.ok) return { ok: false, message: loaded.message };
    previous = loaded.previous;
  }
  const thresholds = { ...DEFAULT_ESCALATION, ...opts.escalation };
  return { ok: true, workflow: new MonthWorkflow(ruleset, opts, overrides, problems, thresholds, previous) };
}

export class MonthWorkflow {
  private readonly tracker: EscalationTracker;
  /** Call ids an override names, and which of them were scored: not every call's id (memory). */
  private readonly named: ReadonlySet<string>;
  private readonly seen = new Set<string>();
  private applied = 0;
  private escalated?: Escalation[];
  private readonly collector?: ReportCollector;
  private stagedHtml?: StagedFile;

  constructor(
    ruleset: CompiledRuleset,
    private readonly opts: WorkflowOptions,
    /** Checked decisions: they go into ScoreConfig and reach the workers. */
    readonly overrides: OverrideEntry[],
    private readonly problems: ErrorRow[],
    private readonly thresholds: EscalationThresholds,
    private readonly previous: PreviousReport | undefined,
  ) {
    this.tracker = new EscalationTracker(ruleset);
    this.named = new Set(overrides.map((e) => e.callId));
    if (opts.html) this.collector = new ReportCollector(ruleset, opts.masked ?? true);
  }

  /** Whether report.html will have charts (chart.js installed). */
  get chartsAvailable(): boolean {
    return findChartLibrary() !== null;
  }

  /** Each scored call, in input order. */
  take(rendered: RenderedCall, overridesApplied = 0): void {
    if (this.named.has(rendered.summary.callId)) this.seen.add(rendered.summary.callId);
    this.applied += overridesApplied;
    this.tracker.add(rendered.summary);
    this.collector?.add(rendered);
  }

  /** Problems of the overrides file and decisions that matched no call: errors.csv rows. */
  errorRows(): ErrorRow[] {
    const unmatched = this.opts.overridesFile ? unmatchedOverrides(this.opts.overridesFile, this.overrides, this.seen) : [];
    return [...this.problems, ...unmatched];
  }

  /**
   * What finish() adds: trend columns, escalations.csv, report.html. An --html FILE elsewhere is
   * written next to its place before the report folder is committed (so a folder that cannot be
   * written fails the run with the previous report intact) and renamed into place after it.
   */
  finishExtras(outDir: string): FinishExtras {
    const previous = this.previous;
    return {
      ...(previous ? { summaryColumns: trendColumns(previous) } : {}),
      // `dir` is the staged report folder, swapped in whole: plain writes, whose failures the
      // writer words with the report's own path (not the staging folder's).
      beforeCommit: (dir, summary) => {
        writeFileSync(join(dir, 'escalations.csv'), escalationsCsv(this.escalations()));
        if (!this.collector) return;
        const html = renderReportHtml(this.collector.data(summary, this.escalations(), this.applied), findChartLibrary());
        if (this.opts.html?.path === undefined) writeFileSync(join(dir, 'report.html'), html);
        else this.stagedHtml = new StagedFile(this.opts.html.path, html, outDir);
      },
    };
  }

  /** After the report folder `outDir` is in place: report.html given its own path. */
  afterCommit(outDir: string): void {
    const staged = this.stagedHtml;
    this.stagedHtml = undefined;
    staged?.commit(`the report at ${outDir}`);
  }

  /** The run failed or was interrupted: drop a staged report.html. */
  discard(): void {
    this.stagedHtml?.discard();
    this.stagedHtml = undefined;
  }

  /** Facts for run.json. */
  runFacts(): Record<string, unknown> {
    return {
      overrides_file: this.opts.overridesFile ?? null,
      overrides_applied: this.applied,
      override_errors: this.errorRows().length,
      previous_report: this.opts.previousDir ?? null,
      escalation_thresholds: this.thresholds,
      agents_escalated: new Set(this.escalations().map((e) => e.agentId)).size,
      html: this.opts.html ? (this.opts.html.path ?? 'report.html') : null,
    };
  }

  /** Computed once all calls are in. */
  escalations(): Escalation[] {
    this.escalated ??= this.tracker.escalations(this.thresholds, this.previous);
    return this.escalated;
  }
}
