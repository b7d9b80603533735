/** `callqa sample <inputs...> --per-agent N --seed S --out list.txt`: the month's spot-check list. */
import type { Command } from 'commander';
import { atomicWriteFile, describeIoError, outputFileProblem, ReportError, SAMPLE_LIST } from '../../report/index.js';
import { DEFAULT_RULESET } from '../../ruleset/index.js';
import { runSample, sampleListText } from '../../workflow/sample.js';
import { EXIT } from '../exit-codes.js';
import { errorLine, fileProblemLine, printProblems, type Io } from '../io.js';
import { progressBar } from '../progress.js';
import { positiveInt, positiveNumber, pathArg, directionCodesArg, DIRECTION_CODES_HELP, readOptionsOf, metadataOf } from '../options.js';
import type { DirectionCodes } from '../../meta/index.js';

interface SampleFlags {
  perAgent: number;
  seed: string;
  out: string;
  ruleset?: string;
  manifest?: string;
  namePattern?: string;
  agentChannel?: string;
  directionCodes?: DirectionCodes;
  shortS: number;
  longS: number;
  jobs?: number;
  quiet?: boolean;
}

export function registerSample(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('sample')
    .description('pick the monthly spot-check sample: N calls per agent, stratified, reproducible from the seed')
    .argument('<inputs...>', 'transcript files, directories, globs, or @list.txt')
    .requiredOption('-n, --per-agent <n>', 'calls per agent (all of them when an agent has fewer)', positiveInt)
    .requiredOption('-s, --seed <seed>', 'any text, e.g. the month "2026-10": the same seed and inputs give the same list')
    .requiredOption('-o, --out <file>', 'the list to write (read it with: callqa audit @list.txt)', pathArg)
    .option('-r, --ruleset <file>', 'ruleset whose complaint words and hold threshold define the strata (default: the bundled standard)', pathArg)
    .option('--manifest <csv>', 'call log with agent ids (call_id or file column), as for audit', pathArg)
    .option('--name-pattern <pattern>', 'file-name pattern such as "{agent_id}_{date}_{call_id}", as for audit')
    .option('--agent-channel <id>', 'channel/speaker id of the agent in vendor transcripts, or "auto"')
    .option('--direction-codes <codes>', DIRECTION_CODES_HELP, directionCodesArg)
    .option('--short-s <seconds>', 'calls shorter than this are "short"', positiveNumber, 30)
    .option('--long-s <seconds>', 'calls longer than this are "long"', positiveNumber, 600)
    .option('-j, --jobs <n>', 'threads that read the transcripts (default: number of cores)', positiveInt)
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (inputs: string[], flags: SampleFlags) => {
      setExit(await sample(inputs, flags, io));
    });
}

async function sample(inputs: string[], flags: SampleFlags, io: Io): Promise<number> {
  const rulesetFile = flags.ruleset ?? DEFAULT_RULESET;
  // The list may replace only an earlier sample list, never a transcript or another input:
  // checked before reading (fails fast) and again with every transcript the inputs named.
  const named = [...inputs.filter((i) => i.startsWith('@')).map((i) => i.slice(1)), rulesetFile, ...(flags.manifest ? [flags.manifest] : [])];
  if (flags.shortS >= flags.longS) {
    // Every call would be short or long (or the strata would overlap): surely a typo.
    io.err(errorLine(`--short-s ${flags.shortS} must be below --long-s ${flags.longS}: nothing written`));
    return EXIT.usage;
  }
  const early = outputFileProblem('--out', flags.out, SAMPLE_LIST, named);
  if (early) {
    io.err(errorLine(`${early}: nothing written`));
    return EXIT.usage;
  }
  const progress = progressBar(!flags.quiet, 'reading');
  const outcome = await runSample({
    onProgress: (done, total) => progress.update(done, total),
    jobs: flags.jobs,
    inputs,
    perAgent: flags.perAgent,
    seed: flags.seed,
    rulesetFile,
    read: readOptionsOf(flags),
    metadata: metadataOf(flags),
    signals: { shortMs: flags.shortS * 1000, longMs: flags.longS * 1000 },
  }).finally(() => progress.stop());
  if (outcome.kind === 'ruleset-invalid') {
    printProblems(io, outcome.problems);
    io.err(errorLine('invalid ruleset: nothing written'));
    return EXIT.usage;
  }
  if (outcome.kind === 'bad-option') {
    io.err(errorLine(`${outcome.message}: nothing written`));
    return EXIT.usage;
  }
  const clash = outputFileProblem('--out', flags.out, SAMPLE_LIST, [named, outcome.files]);
  if (clash) {
    io.err(errorLine(`${clash}: nothing written`));
    return EXIT.usage;
  }
  const picked = outcome.agents.reduce((n, a) => n + a.picked.length, 0);
  const header = [
    `callqa sample --per-agent ${flags.perAgent} --seed ${JSON.stringify(flags.seed)} (ruleset ${rulesetFile === DEFAULT_RULESET ? 'standard' : rulesetFile})`,
    `${picked} of ${outcome.read} calls, ${outcome.agents.length} agent(s); strata: complaint, long_hold, short (< ${flags.shortS} s), long (> ${flags.longS} s)`,
  ];
  try {
    // Missing folders are created, as for the report folder of `callqa audit --out` (and removed
    // again if the list cannot be written).
    atomicWriteFile(flags.out, sampleListText(flags.out, outcome.agents, header), { createFolders: true });
  } catch (err) {
    if (err instanceof ReportError || (err as NodeJS.ErrnoException | undefined)?.code !== undefined) {
      io.err(errorLine(describeIoError(err, flags.out).message));
      return EXIT.writeFailed;
    }
    throw err;
  }
  const errors = outcome.problems.filter((p) => p.severity === 'error');
  for (const p of outcome.problems) io.err(fileProblemLine(p));
  if (!outcome.complaintSignal) io.err('callqa: warning: the ruleset has no rule triggered by $complaint: no complaint stratum');
  if (!flags.quiet) io.out(`sampled ${picked} of ${outcome.read} call(s) from ${outcome.agents.length} agent(s) → ${flags.out}`);
  return errors.length > 0 ? EXIT.someFailed : EXIT.ok;
}
