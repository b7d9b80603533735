/**
 * The audit pipeline: inputs → (workers) read + score → reports. Results are handed to the
 * report writer in input order whatever order they finish in, so output is deterministic.
 */
import { createReportWriter, HTML_REPORT, outputFileProblem, reportFolderProblem, unpackCall, type ReportWriter } from '../report/index.js';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadRuleset, type CompiledRuleset, type PortableRuleset, type RulesetProblem } from '../ruleset/index.js';
import type { ReadOptions } from '../readers/index.js';
import { expandInputs, type ExpandedInputs } from './inputs.js';
import { auditFile, buildScoreOptions, type FileOutcome, type ProblemRow, type ScoreConfig } from './score-file.js';
import { EarlyWorkers, effectiveJobs, requestedJobs, scoreInWorkers } from './pool.js';
import { availableParallelism } from 'node:os';
import { TOOL_VERSION } from '../version.js';
import { setupMetadata, type ManifestCoverage, type MetadataConfig } from './metadata.js';
import { CallIds } from './call-ids.js';
import { baseName } from '../meta/index.js';
import { AgentIdLookalikes } from './agent-ids.js';
import { AgentNames } from './agent-names.js';
import type { StringList } from '../model/packed-strings.js';
import { Scratch } from '../model/scratch.js';
import { startWorkflow, type MonthWorkflow, type WorkflowOptions } from '../workflow/month.js';

export interface AuditOptions {
  inputs: string[];
  rulesetFile: string;
  outDir: string;
  mask: boolean;
  read: ReadOptions;
  /** Worker threads (default: the number of cores; 1 scores in this thread). */
  jobs?: number;
  /** Called after each file with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stop early (Ctrl-C): the report in progress is discarded, the previous one kept. */
  signal?: AbortSignal;
  /** --manifest / --name-pattern: call metadata from outside the transcripts. */
  meta?: MetadataConfig;
  /** The monthly workflow: --overrides, --previous, escalation thresholds (src/workflow). */
  workflow?: WorkflowOptions;
}

export type AuditOutcome =
  | { kind: 'ruleset-invalid'; problems: RulesetProblem[] }
  | { kind: 'bad-option'; message: string }
  | { kind: 'interrupted' }
  /** Nothing could be scored and an earlier report is at --out: it is kept, these say why. */
  | { kind: 'nothing-scored'; inputs: number; outDir: string; problems: ProblemRow[]; moreProblems: number }
  | {
      kind: 'done'; inputs: number; scored: number; errors: number; warnings: number; outDir: string; rulesetWarnings: RulesetProblem[]; overrideErrors: number; escalated: number;
      /** Set when worker threads could not start and this thread scored the rest: why. */
      workersFailed?: string;
    };

export async function runAudit(opts: AuditOptions): Promise<AuditOutcome> {
  const startedAt = new Date();
  if (opts.signal?.aborted) return { kind: 'interrupted' };
  const loaded = loadRuleset(opts.rulesetFile);
  if (!loaded.ok) return { kind: 'ruleset-invalid', problems: loaded.problems };
  const ruleset = loaded.ruleset;
  const metadata = setupMetadata(opts.meta);
  if (!metadata.ok) return { kind: 'bad-option', message: metadata.message };
  const started = await startWorkflow({ ...opts.workflow, masked: opts.mask }, ruleset);
  if (!started.ok) return { kind: 'bad-option', message: started.message };
  const month = started.workflow;
  // --out naming a file or a folder that is not a report (the input folder) is a usage mistake:
  // said before anything is scored. The writer checks again when it swaps the report in.
  const outProblem = reportFolderProblem(opts.outDir);
  if (outProblem) return { kind: 'bad-option', message: outProblem };
  const config: ScoreConfig = { read: opts.read, mask: opts.mask, meta: opts.meta, overrides: month.overrides };
  // Threads start now: their start-up overlaps the walk of the inputs (seconds, for a month).
  const requested = requestedJobs(opts.jobs);
  // No more than the cores before the number of files is known: a handful of files runs in-thread.
  const earlyCount = Math.min(requested, availableParallelism());
  const early = earlyCount > 1 ? new EarlyWorkers(earlyCount, { ruleset: loaded.portable, config }) : undefined;
  try {
    return await scoreAndReport(opts, { ruleset, portable: loaded.portable, rulesetWarnings: loaded.problems, metadata, month, config, requested, early, startedAt });
  } finally {
    early?.stop();
  }
}

interface AuditSetup {
  ruleset: CompiledRuleset;
  portable: PortableRuleset;
  rulesetWarnings: RulesetProblem[];
  metadata: { problems: ProblemRow[]; coverage?: ManifestCoverage };
  month: MonthWorkflow;
  config: ScoreConfig;
  /** --jobs, or the number of cores. */
  requested: number;
  early: EarlyWorkers | undefined;
  startedAt: Date;
}

async function scoreAndReport(opts: AuditOptions, setup: AuditSetup): Promise<AuditOutcome> {
  // A report folder inside an input folder is not input: its CSVs are last run's output.
  const inputs = await expandInputs(opts.inputs, { exclude: [opts.outDir], signal: opts.signal });
  const scratch = new Scratch();
  try {
    return await scoreInputs(opts, setup, inputs, scratch);
  } finally {
    inputs.release();
    scratch.remove();
  }
}

async function scoreInputs(opts: AuditOptions, setup: AuditSetup, { files, problems }: ExpandedInputs, scratch: Scratch): Promise<AuditOutcome> {
  const { ruleset, metadata, month, config, startedAt } = setup;
  const htmlProblem = checkHtmlPath(opts, files);
  if (htmlProblem) return { kind: 'bad-option', message: htmlProblem };
  if (opts.signal?.aborted) return { kind: 'interrupted' };

  const writer = createReportWriter(opts.outDir, { ruleset, rulesetFile: opts.rulesetFile, mask: opts.mask, toolVersion: TOOL_VERSION });
  let scored = 0;
  let failedFiles = problems.length;
  let warnings = 0;
  let workersFailed: string | undefined;
  let overrideErrors = 0;
  try {
    const firstErrors: ProblemRow[] = [];
    const noteError = (row: ProblemRow): void => {
      if (row.severity === 'error' && firstErrors.length < SHOWN_PROBLEMS) firstErrors.push(row);
      writer.addError(row);
    };
    for (const p of problems) noteError({ file: p.file, severity: 'error', stage: 'input', message: p.message });
    for (const row of metadata.problems) writer.addError(row);
    warnings += metadata.problems.length;
    let jobs = 1;
    const agentNames = new AgentNames();
    const agentIds = new AgentIdLookalikes();
    const callIds = new CallIds(files, new Set(month.overrides.map((o) => o.callId)), () => scratch.folder('call-ids'));
    let taken = 0;
    const take = (outcome: FileOutcome): void => {
      const index = taken++; // outcomes arrive in input order
      if (outcome.rendered) {
        const rendered = unpackCall(outcome.rendered);
        callIds.note(rendered.summary.callId, index);
        const { agentId, agentName, file } = rendered.summary;
        metadata.coverage?.note(rendered.summary.callId, file);
        for (const row of [agentIds.note(agentId, file), agentNames.note(agentId, agentName, file)]) {
          if (!row) continue;
          writer.addError(row);
          warnings++;
        }
        writer.addRendered(rendered);
        month.take(rendered, outcome.overridesApplied);
        scored++;
      } else {
        failedFiles++;
        // An unreadable transcript still answers its row: it is in errors.csv already.
        metadata.coverage?.note(baseName(outcome.file), outcome.file);
      }
      for (const row of outcome.rows) {
        noteError(row);
        if (row.severity === 'warning') warnings++;
      }
    };
    jobs = effectiveJobs(setup.requested, files.length);
    // Early threads beyond those needed would only take CPU from the ones that score.
    setup.early?.keep(jobs > 1 ? jobs : 0);
    let finished: boolean;
    if (jobs > 1) {
      const end = await scoreInWorkers(files, { jobs, ruleset: setup.portable, config, signal: opts.signal, onProgress: opts.onProgress, early: setup.early }, take);
      finished = end.kind !== 'interrupted';
      if (end.kind === 'workers-failed') {
        // Threads could not start (a bad NODE_OPTIONS, no memory for a thread): the same report
        // comes out of this thread, only slower.
        workersFailed = end.reason;
        jobs = 1;
        finished = await scoreSequentially(files, ruleset, config, opts, take, end.taken);
      }
    } else finished = await scoreSequentially(files, ruleset, config, opts, take);
    if (!finished) {
      writer.discard();
      return { kind: 'interrupted' };
    }
    if (scored === 0 && existsSync(join(opts.outDir, 'run.json'))) {
      // A typo (--out for --previous), a wrong folder, a failed sample: an empty report must not
      // replace last month's.
      writer.discard();
      month.discard();
      const inputs = files.length + problems.length;
      return { kind: 'nothing-scored', inputs, outDir: opts.outDir, problems: firstErrors, moreProblems: Math.max(0, failedFiles - firstErrors.length) };
    }
    const uncovered = metadata.coverage?.unmatched();
    if (uncovered) {
      writer.addError(uncovered);
      warnings++;
    }
    for (const clash of callIds.clashes()) {
      writer.addError(clash);
      warnings++;
    }
    const ambiguous = opts.workflow?.overridesFile ? callIds.ambiguousOverrides(opts.workflow.overridesFile, month.overrides) : [];
    overrideErrors = month.errorRows().length + ambiguous.length;
    for (const row of [...month.errorRows(), ...ambiguous]) writer.addError(row);
    writer.finish({
      inputs: files.length + problems.length,
      scored,
      errors: failedFiles,
      warnings,
      startedAt,
      finishedAt: new Date(),
      extra: { jobs, masked: opts.mask, ...(workersFailed ? { workers_failed: workersFailed } : {}), ...month.runFacts(), override_errors: overrideErrors },
    }, month.finishExtras(opts.outDir));
  } catch (err) {
    writer.discard();
    month.discard();
    throw err;
  }
  month.afterCommit(opts.outDir);
  return {
    kind: 'done', inputs: files.length + problems.length, scored, errors: failedFiles, warnings, outDir: opts.outDir, rulesetWarnings: setup.rulesetWarnings,
    overrideErrors, escalated: new Set(month.escalations().map((e) => e.agentId)).size,
    ...(workersFailed ? { workersFailed } : {}),
  };
}

/** How many unusable inputs a run that scored nothing prints (the rest are counted). */
const SHOWN_PROBLEMS = 10;

/**
 * `--html FILE` may not clobber an arbitrary file or an input, nor sit in the report folder
 * (which is replaced whole: plain `--html` puts report.html there).
 */
function checkHtmlPath(opts: AuditOptions, files: StringList): string | undefined {
  const path = opts.workflow?.html?.path;
  if (path === undefined) return undefined;
  const rel = relative(resolve(opts.outDir), resolve(path));
  if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))) {
    return `--html ${path} is inside the report folder ${opts.outDir}; use --html without a file for report.html there`;
  }
  const read = [
    ...opts.inputs.filter((i) => i.startsWith('@')).map((i) => i.slice(1)),
    opts.rulesetFile,
    ...[opts.meta?.manifest, opts.workflow?.overridesFile].filter((f): f is string => f !== undefined),
  ];
  return outputFileProblem('--html', path, HTML_REPORT, [read, files]);
}

/** In-thread scoring of files[from…]; returns false when stopped by the signal. */
async function scoreSequentially(files: StringList, ruleset: CompiledRuleset, config: ScoreConfig, opts: AuditOptions, take: (o: FileOutcome) => void, from = 0): Promise<boolean> {
  const options = buildScoreOptions(config);
  let done = from;
  for (let index = from; index < files.length; index++) {
    if (opts.signal?.aborted) return false;
    take(auditFile(files.at(index) as string, ruleset, options));
    opts.onProgress?.(++done, files.length);
    // Let signal handlers (Ctrl-C) run between files.
    if (done % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return !opts.signal?.aborted;
}

export type { ReportWriter };
