/** `callqa audit <inputs...>`: score a month of transcripts, write the report folder. */
import type { Command } from 'commander';
import { runAudit } from '../../audit/index.js';
import { findChartLibrary } from '../../workflow/chart-lib.js';
import { ReportError } from '../../report/index.js';
import { ScratchError } from '../../model/scratch.js';
import { DEFAULT_RULESET } from '../../ruleset/index.js';
import { EXIT } from '../exit-codes.js';
import { errorLine, fileProblemLine, printProblems, type Io } from '../io.js';
import { progressBar } from '../progress.js';
import { watchInterrupts } from '../interrupts.js';
import { positiveInt, pathArg, directionCodesArg, DIRECTION_CODES_HELP, readOptionsOf, metadataOf } from '../options.js';
import type { DirectionCodes } from '../../meta/index.js';

interface AuditFlags {
  ruleset?: string;
  out: string;
  mask: boolean;
  agentChannel?: string;
  directionCodes?: DirectionCodes;
  quiet?: boolean;
  jobs?: number;
  manifest?: string;
  namePattern?: string;
  overrides?: string;
  previous?: string;
  escalateRepeat?: number;
  escalateRecurring?: number;
  html?: string | boolean;
}

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('audit')
    .description('score transcripts against a ruleset and write per-agent scorecards')
    .argument('<inputs...>', 'transcript files, directories, globs, or @list.txt')
    .option('-r, --ruleset <file>', 'ruleset YAML (default: the bundled rulesets/standard.yaml)', pathArg)
    .option('-o, --out <dir>', 'report folder', pathArg, 'callqa-report')
    .option('--agent-channel <id>', 'channel/speaker id of the agent in vendor transcripts, or "auto"')
    .option('--direction-codes <codes>', DIRECTION_CODES_HELP, directionCodesArg)
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)', positiveInt)
    .option('--no-mask', 'do not mask customer personal data in evidence (internal use; recorded in run.json)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--manifest <csv>', 'call log (call_id or file, agent_id, direction, date, ring_s, queue_s, hangup_by, transferred …): fills metadata the transcripts lack; conflicts are warned in errors.csv', pathArg)
    .option('--name-pattern <pattern>', 'metadata from file names, e.g. "{agent_id}_{date}_{call_id}"')
    .option('--overrides <csv>', "reviewers' decisions (call_id, rule_id, verdict, reviewer, reason) that replace the engine's verdicts", pathArg)
    .option('--previous <dir>', "last month's report folder: adds each agent's change to summary.csv and recurring failures to escalations.csv", pathArg)
    .option('--escalate-repeat <n>', 'escalate an agent who failed the same rule in at least n calls this month (default 3)', positiveInt)
    .option('--escalate-recurring <n>', 'with --previous: escalate a rule failed in at least n calls in both months (default 1)', positiveInt)
    .option('--html [file]', 'also write the monthly report as one self-contained HTML file (default: report.html in the report folder)', pathArg)
    .action(async (inputs: string[], flags: AuditFlags) => {
      setExit(await audit(inputs, flags, io));
    });
}

async function audit(inputs: string[], flags: AuditFlags, io: Io): Promise<number> {
  // Caught since start-up (src/cli/interrupts.ts): a signal before this point stops the run too.
  const signal = watchInterrupts();
  const progress = progressBar(!flags.quiet);
  try {
    const outcome = await runAudit({
      onProgress: (done, total) => progress.update(done, total),
      inputs,
      rulesetFile: flags.ruleset ?? DEFAULT_RULESET,
      outDir: flags.out,
      mask: flags.mask,
      read: readOptionsOf(flags),
      jobs: flags.jobs,
      meta: metadataOf(flags),
      signal,
      workflow: {
        overridesFile: flags.overrides,
        previousDir: flags.previous,
        ...(flags.html ? { html: typeof flags.html === 'string' ? { path: flags.html } : {} } : {}),
        escalation: {
          ...(flags.escalateRepeat !== undefined ? { repeat: flags.escalateRepeat } : {}),
          ...(flags.escalateRecurring !== undefined ? { recurring: flags.escalateRecurring } : {}),
        },
      },
    });
    if (outcome.kind === 'ruleset-invalid') {
      printProblems(io, outcome.problems);
      io.err(errorLine(`invalid ruleset: nothing written`));
      return EXIT.usage;
    }
    if (outcome.kind === 'bad-option') {
      io.err(errorLine(`${outcome.message}: nothing written`));
      return EXIT.usage;
    }
    if (outcome.kind === 'interrupted') {
      io.err(errorLine('interrupted: no report written, the previous one is unchanged'));
      return EXIT.interrupted;
    }
    if (outcome.kind === 'nothing-scored') {
      for (const p of outcome.problems) io.err(fileProblemLine(p));
      if (outcome.moreProblems > 0) io.err(`… and ${outcome.moreProblems} more`);
      io.err(errorLine(`nothing scored of ${outcome.inputs} input(s): the earlier report at ${outcome.outDir} is kept`));
      return EXIT.someFailed;
    }
    if (outcome.workersFailed) io.err(`callqa: warning: worker threads could not start (${outcome.workersFailed}); scored in one thread`);
    if (!flags.quiet) {
      const failed = outcome.errors > 0 ? `, ${outcome.errors} not scored (see errors.csv)` : '';
      const warned = outcome.warnings > 0 ? `, ${outcome.warnings} warning(s)` : '';
      io.out(`scored ${outcome.scored} of ${outcome.inputs} input(s)${failed}${warned} → ${outcome.outDir}/`);
      if (outcome.escalated > 0) io.out(`${outcome.escalated} agent(s) to escalate (see escalations.csv)`);
      if (flags.html && !findChartLibrary()) io.err('callqa: warning: report.html has no charts: chart.js is not installed (the tables are complete)');
    }
    if (outcome.overrideErrors > 0) io.err(errorLine(`${outcome.overrideErrors} override(s) not applied (see errors.csv, stage override)`));
    // No input at all (an empty list) is no month audited, whatever else went right.
    return outcome.errors > 0 || outcome.overrideErrors > 0 || outcome.inputs === 0 ? EXIT.someFailed : EXIT.ok;
  } catch (err) {
    if (err instanceof ReportError) {
      io.err(errorLine(err.message));
      return EXIT.writeFailed;
    }
    if (err instanceof ScratchError) {
      io.err(errorLine(`${err.message}; no report written, the previous one is unchanged`));
      return EXIT.writeFailed;
    }
    throw err;
  } finally {
    progress.stop();
  }
}
