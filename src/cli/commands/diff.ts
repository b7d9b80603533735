/** `callqa diff --old v1.yaml --new v2.yaml <inputs...>`: what a ruleset change does to these calls. */
import { Option, type Command } from 'commander';
import { runDiff } from '../../workflow/diff.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../../workflow/diff-format.js';
import { EXIT } from '../exit-codes.js';
import { errorLine, fileProblemLine, printProblems, type Io } from '../io.js';
import { positiveInt, pathArg, directionCodesArg, DIRECTION_CODES_HELP, readOptionsOf, metadataOf } from '../options.js';
import type { DirectionCodes } from '../../meta/index.js';

interface DiffFlags {
  old: string;
  new: string;
  format: DiffFormat;
  limit: number;
  manifest?: string;
  namePattern?: string;
  agentChannel?: string;
  directionCodes?: DirectionCodes;
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('re-score calls under two rulesets and report which verdicts and scores change')
    .argument('<inputs...>', 'transcript files, directories, globs, or @list.txt')
    .requiredOption('--old <ruleset>', 'the ruleset in use', pathArg)
    .requiredOption('--new <ruleset>', 'the proposed ruleset', pathArg)
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--limit <n>', 'changed verdicts listed in text/github output (json lists all)', positiveInt, 100)
    .option('--manifest <csv>', 'call log with metadata (call_id or file column), as for audit', pathArg)
    .option('--name-pattern <pattern>', 'file-name pattern such as "{agent_id}_{date}_{call_id}", as for audit')
    .option('--agent-channel <id>', 'channel/speaker id of the agent in vendor transcripts, or "auto"')
    .option('--direction-codes <codes>', DIRECTION_CODES_HELP, directionCodesArg)
    .action(async (inputs: string[], flags: DiffFlags) => {
      setExit(await diff(inputs, flags, io));
    });
}

async function diff(inputs: string[], flags: DiffFlags, io: Io): Promise<number> {
  const outcome = await runDiff({
    oldRuleset: flags.old,
    newRuleset: flags.new,
    inputs,
    read: readOptionsOf(flags),
    metadata: metadataOf(flags),
  });
  if (outcome.kind === 'ruleset-invalid') {
    printProblems(io, outcome.problems);
    io.err(errorLine(`invalid --${outcome.which} ruleset`));
    return EXIT.usage;
  }
  if (outcome.kind === 'bad-option') {
    io.err(errorLine(outcome.message));
    return EXIT.usage;
  }
  io.out(formatDiff(outcome.report, flags.format, flags.limit).trimEnd());
  for (const p of outcome.problems) io.err(fileProblemLine(p));
  return outcome.problems.length > 0 ? EXIT.someFailed : EXIT.ok;
}
