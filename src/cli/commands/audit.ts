/** `callqa audit <inputs...>`: score a month of transcripts, write the report folder. */
import { InvalidArgumentError, type Command } from 'commander';
import { runAudit } from '../../audit/index.js';
import { ReportError } from '../../report/index.js';
import { DEFAULT_RULESET } from '../../ruleset/index.js';
import { EXIT } from '../exit-codes.js';
import { errorLine, printProblems, type Io } from '../io.js';

interface AuditFlags {
  ruleset?: string;
  out: string;
  mask: boolean;
  agentChannel?: string;
  quiet?: boolean;
  jobs?: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('audit')
    .description('score transcripts against a ruleset and write per-agent scorecards')
    .argument('<inputs...>', 'transcript files, directories, globs, or @list.txt')
    .option('-r, --ruleset <file>', 'ruleset YAML (default: the bundled rulesets/standard.yaml)')
    .option('-o, --out <dir>', 'report folder', 'callqa-report')
    .option('--agent-channel <id>', 'channel/speaker id of the agent in vendor transcripts, or "auto"')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)', positiveInt)
    .option('--no-mask', 'do not mask customer personal data in evidence (internal use; recorded in run.json)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (inputs: string[], flags: AuditFlags) => {
      setExit(await audit(inputs, flags, io));
    });
}

async function audit(inputs: string[], flags: AuditFlags, io: Io): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const outcome = await runAudit({
      inputs,
      rulesetFile: flags.ruleset ?? DEFAULT_RULESET,
      outDir: flags.out,
      mask: flags.mask,
      read: flags.agentChannel ? { agentChannel: flags.agentChannel } : {},
      jobs: flags.jobs,
      signal: controller.signal,
    });
    if (outcome.kind === 'ruleset-invalid') {
      printProblems(io, outcome.problems);
      io.err(errorLine(`invalid ruleset: nothing written`));
      return EXIT.usage;
    }
    if (outcome.kind === 'interrupted') {
      io.err(errorLine('interrupted: no report written, the previous one is unchanged'));
      return EXIT.interrupted;
    }
    if (!flags.quiet) {
      const failed = outcome.errors > 0 ? `, ${outcome.errors} not scored (see errors.csv)` : '';
      const warned = outcome.warnings > 0 ? `, ${outcome.warnings} warning(s)` : '';
      io.out(`scored ${outcome.scored} of ${outcome.inputs} input(s)${failed}${warned} → ${outcome.outDir}/`);
    }
    return outcome.errors > 0 ? EXIT.someFailed : EXIT.ok;
  } catch (err) {
    if (err instanceof ReportError) {
      io.err(errorLine(err.message));
      return EXIT.writeFailed;
    }
    throw err;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
