/**
 * The report writer: a sink the audit pushes call results and problems into (ripgrep's Sink).
 * Findings and scorecard rows are streamed to the staging folder as they come; only per-agent
 * aggregates stay in memory, so a month of a million calls fits in a few hundred MB.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallResult } from '../engine/index.js';
import type { CompiledRuleset } from '../ruleset/index.js';
import { describeIoError, StagingDir } from './atomic.js';
import { writeAllSync, writeInChunks } from '../model/write-all.js';
import { SpillSort } from '../model/spill-sort.js';
import { csvHeader, csvLine } from './csv.js';
import { maskProblemMessage } from './mask.js';
import { renderCall, type RenderedCall } from './render.js';
import { AgentFiles } from './agent-files.js';
import { SummaryBuilder, type SummaryColumns, type SummaryTable } from './summary.js';
import { byteOrder } from '../model/order.js';

export interface ErrorRow {
  file: string;
  severity: 'error' | 'warning';
  stage: string;
  message: string;
}

export interface RunInfo {
  inputs: number;
  scored: number;
  errors: number;
  warnings: number;
  startedAt: Date;
  finishedAt: Date;
  /** More facts for run.json (jobs, options); they never replace the keys above. */
  extra?: Record<string, unknown>;
}

/** What the monthly workflow adds to a report (src/workflow): all optional. */
export interface FinishExtras {
  /** Columns appended to summary.csv (previous_mean_score, change). */
  summaryColumns?: SummaryColumns;
  /** Write more files into the staged folder before it is swapped in (escalations.csv, report.html). */
  beforeCommit?: (stagingDir: string, summary: SummaryTable) => void;
}

/** What finish() wrote, for the CLI's closing line. */
export interface RunSummary {
  outDir: string;
  inputs: number;
  scored: number;
  errors: number;
  warnings: number;
  /** inputs = scored + errors: no input was lost. */
  complete: boolean;
  agents: number;
}

export interface ReportWriterOptions {
  ruleset: CompiledRuleset;
  rulesetFile: string;
  mask: boolean;
  toolVersion: string;
  /** Rows of errors.csv (and legacy files) kept in memory before they are sorted on disk. */
  spillRows?: number;
}

export interface ReportWriter {
  /** Render and add a call (rendering in this thread). */
  addCall(result: CallResult): void;
  /** Add a call rendered elsewhere (a worker thread), in input order. */
  addRendered(call: RenderedCall): void;
  addError(row: ErrorRow): void;
  /** Write summary, errors and run.json, then swap the report into place. */
  finish(run: RunInfo, extras?: FinishExtras): RunSummary;
  /** Drop everything staged; the previous report stays. */
  discard(): void;
}

export const SCORECARD_COLUMNS = ['call_id', 'date', 'file', 'score', 'earned', 'applicable', 'critical_fail', 'result'];
export const FINDINGS_COLUMNS = ['call_id', 'agent_id', 'rule_id', 'category', 'verdict', 'points', 'max_points', 'critical', 'turn', 'time', 'speaker', 'quote', 'window', 'reason', 'override_by', 'override_reason'];
export const ERRORS_COLUMNS = ['file', 'severity', 'stage', 'message'];

/** findings.csv is written in chunks of up to this many bytes. */
const FLUSH_BYTES = 1 << 20;

export function createReportWriter(outDir: string, opts: ReportWriterOptions): ReportWriter {
  return new StreamingReportWriter(outDir, opts);
}

class StreamingReportWriter implements ReportWriter {
  private readonly staging: StagingDir;
  private readonly findingsFd: number;
  /**
   * Findings rows not yet written, as UTF-8: each call's rows are encoded straight into this
   * reused buffer, rather than concatenated into a string that writeSync must flatten (a copy
   * of every chunk) and then encode into a buffer of its own.
   */
  private readonly findingsBuffer = Buffer.allocUnsafe(FLUSH_BYTES);
  private findingsBytes = 0;
  private readonly agents: AgentFiles;
  private readonly summary: SummaryBuilder;
  /** errors.csv rows and the files decoded from legacy encodings: one per call, at worst. */
  private readonly errors: SpillSort<ErrorRow>;
  private readonly legacyFiles: SpillSort<LegacyFile>;
  private readonly formats = new Map<string, number>();
  private readonly encodings = new Map<string, number>();
  private readonly ruleIds: string[];

  constructor(
    private readonly outDir: string,
    private readonly opts: ReportWriterOptions,
  ) {
    this.staging = new StagingDir(outDir);
    this.ruleIds = opts.ruleset.rules.map((r) => r.id);
    try {
      mkdirSync(join(this.staging.path, 'scorecards'));
      this.findingsFd = openSync(join(this.staging.path, 'findings.csv'), 'w');
      writeAllSync(this.findingsFd, csvHeader(FINDINGS_COLUMNS));
    } catch (err) {
      this.staging.discard();
      throw describeIoError(err, outDir);
    }
    this.agents = new AgentFiles(join(this.staging.path, 'scorecards'), csvHeader([...SCORECARD_COLUMNS, ...this.ruleIds]));
    this.errors = new SpillSort(join(this.staging.path, SPILL_DIR, 'errors'), byErrorRow, opts.spillRows);
    this.legacyFiles = new SpillSort(join(this.staging.path, SPILL_DIR, 'legacy'), (a, b) => byteOrder(a.file, b.file) || byteOrder(a.encoding, b.encoding), opts.spillRows);
    this.summary = new SummaryBuilder(opts.ruleset);
  }

  addCall(r: CallResult): void {
    this.addRendered(renderCall(r, { ruleIds: this.ruleIds, mask: this.opts.mask }));
  }

  addRendered(call: RenderedCall): void {
    const { format, encoding, file } = call.summary;
    this.formats.set(format, (this.formats.get(format) ?? 0) + 1);
    this.encodings.set(encoding, (this.encodings.get(encoding) ?? 0) + 1);
    if (encoding !== 'utf-8') this.guard(() => this.legacyFiles.add({ file, encoding }));
    this.guard(() => this.agents.append(call.agentId, call.scorecard));
    this.appendFindings(call.findings);
    this.summary.add(call.summary);
  }

  addError(row: ErrorRow): void {
    this.guard(() => this.errors.add(row));
  }

  finish(run: RunInfo, extras: FinishExtras = {}): RunSummary {
    this.flushFindings();
    this.guard(() => {
      closeSync(this.findingsFd);
      this.agents.close();
      writeFileSync(join(this.staging.path, 'summary.csv'), this.summary.csv(extras.summaryColumns));
      extras.beforeCommit?.(this.staging.path, this.summary.table(extras.summaryColumns));
      this.writeErrorsCsv(join(this.staging.path, 'errors.csv'));
      this.writeRunJson(join(this.staging.path, 'run.json'), run);
      rmSync(join(this.staging.path, SPILL_DIR), { recursive: true, force: true });
    });
    this.staging.commit();
    const { inputs, scored, errors, warnings } = run;
    return { outDir: this.outDir, inputs, scored, errors, warnings, complete: inputs === scored + errors, agents: this.summary.agentCount };
  }

  discard(): void {
    try {
      closeSync(this.findingsFd);
    } catch {
      // already closed
    }
    this.staging.discard();
  }

  private appendFindings(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > FLUSH_BYTES - this.findingsBytes) {
      this.flushFindings();
      if (text.length * 3 > FLUSH_BYTES) {
        this.guard(() => writeAllSync(this.findingsFd, text));
        return;
      }
    }
    this.findingsBytes += this.findingsBuffer.write(text, this.findingsBytes);
  }

  private flushFindings(): void {
    const bytes = this.findingsBytes;
    if (bytes === 0) return;
    this.findingsBytes = 0;
    this.guard(() => {
      writeAllSync(this.findingsFd, this.findingsBuffer.subarray(0, bytes));
    });
  }

  /** Any I/O failure (ENOSPC …) drops the staged report and becomes a one-line ReportError. */
  private guard(write: () => unknown): void {
    try {
      write();
    } catch (err) {
      this.discard();
      throw describeIoError(err, this.outDir);
    }
  }

  private writeErrorsCsv(path: string): void {
    // Readers quote the transcript in their messages (text before the first label, a bad value).
    const message = (text: string): string => (this.opts.mask ? maskProblemMessage(text) : text);
    writeInChunks(path, (write) => {
      write(csvHeader(ERRORS_COLUMNS));
      for (const e of this.errors.sorted()) write(csvLine([e.file, e.severity, e.stage, message(e.message)]));
    }, CHUNK_CHARS);
  }

  /**
   * run.json as JSON.stringify(…, null, 2) writes it, with the legacy-encoded files (a month of
   * GB18030 exports lists every file) streamed in where an empty list stands.
   */
  private writeRunJson(path: string, run: RunInfo): void {
    const json = JSON.stringify(this.runJson(run), null, 2);
    const at = json.indexOf(LEGACY_KEY) + LEGACY_KEY.length - '[]'.length;
    writeInChunks(path, (write) => {
      write(json.slice(0, at));
      let first = true;
      for (const entry of this.legacyFiles.sorted()) {
        write(`${first ? '[\n' : ',\n'}    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`);
        first = false;
      }
      write(first ? '[]' : '\n  ]');
      write(`${json.slice(at + '[]'.length)}\n`);
    }, CHUNK_CHARS);
  }

  private runJson(run: RunInfo): Record<string, unknown> {
    const rs = this.opts.ruleset;
    const core = {
      tool: 'callqa',
      version: this.opts.toolVersion,
      ruleset: { name: rs.name, version: rs.version, sha256: rs.sha256, file: this.opts.rulesetFile },
      inputs: run.inputs,
      scored: run.scored,
      errors: run.errors,
      warnings: run.warnings,
      complete: run.inputs === run.scored + run.errors,
      agents: this.summary.agentCount,
      formats: sortedCounts(this.formats),
      encodings: sortedCounts(this.encodings),
      // Files that were not UTF-8: which legacy encoding each was decoded with (GB18030, Big5 …).
      decoded_from_legacy_encodings: [], // streamed in by writeRunJson
      masked: this.opts.mask,
      started_at: run.startedAt.toISOString(),
      finished_at: run.finishedAt.toISOString(),
    };
    const extra = Object.entries(run.extra ?? {}).filter(([key]) => !(key in core));
    return { ...core, ...Object.fromEntries(extra) };
  }
}


interface LegacyFile {
  file: string;
  encoding: string;
}

/** Run files of the outputs sorted on disk (spill-sort.ts), in the staged folder; removed before it is committed. */
const SPILL_DIR = '.spill';
/** errors.csv and run.json are written in chunks of this many characters (up to FLUSH_BYTES as UTF-8). */
const CHUNK_CHARS = FLUSH_BYTES / 4;
const LEGACY_KEY = '"decoded_from_legacy_encodings": []';

function byErrorRow(a: ErrorRow, b: ErrorRow): number {
  return byteOrder(a.file, b.file) || byteOrder(a.stage, b.stage) || byteOrder(a.message, b.message) || byteOrder(a.severity, b.severity);
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => byteOrder(a, b)));
}
