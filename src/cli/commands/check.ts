/**
 * `callqa check <inputs...> --expect expected.csv`: the ruleset's verdicts against hand-labelled
 * ones. Exit 0 agreement at or above --min-agreement and every label usable; 1 below it, or
 * labels naming unknown calls/rules, or bad rows; 2 could not run. Writes no report.
 */
import { notRegularCause, readRegularFileSync } from '../../model/read-file.js';
import type { Command } from 'commander';
import { expandInputs } from '../../audit/inputs.js';
import { scoreFile } from '../../audit/score-file.js';
import { compareVerdicts, formatAgreement, parseExpected } from '../../check/index.js';
import type { CallResult } from '../../engine/index.js';
import { maskProblemMessage } from '../../report/mask.js';
import { DEFAULT_RULESET, loadRuleset } from '../../ruleset/index.js';
import { EXIT } from '../exit-codes.js';
import { errorLine, printProblems, type Io } from '../io.js';
import { useColor } from './lint.js';
import { ratio, pathArg, directionCodesArg, DIRECTION_CODES_HELP, readOptionsOf } from '../options.js';
import type { DirectionCodes } from '../../meta/index.js';

interface CheckFlags {
  expect: string;
  ruleset?: string;
  minAgreement: number;
  agentChannel?: string;
  directionCodes?: DirectionCodes;
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('compare verdicts with a hand-labelled CSV (call_id, rule_id, verdict): agreement per rule and overall')
    .argument('<inputs...>', 'transcript files, directories, globs, or @list.txt')
    .requiredOption('-e, --expect <csv>', 'the labelled verdicts', pathArg)
    .option('-r, --ruleset <file>', 'ruleset YAML (default: the bundled rulesets/standard.yaml)', pathArg)
    .option('--min-agreement <ratio>', 'exit 1 below this share of agreeing labels', ratio, 0.9)
    .option('--agent-channel <id>', 'channel/speaker id of the agent in vendor transcripts, or "auto"')
    .option('--direction-codes <codes>', DIRECTION_CODES_HELP, directionCodesArg)
    .action(async (inputs: string[], flags: CheckFlags) => {
      setExit(await check(inputs, flags, io));
    });
}

async function check(inputs: string[], flags: CheckFlags, io: Io): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(flags.expect);
  } catch (err) {
    const why = notRegularCause(err);
    io.err(errorLine(`${flags.expect}: cannot read the expected verdicts${why ? `: ${why}` : ''}`));
    return EXIT.usage;
  }
  const expected = parseExpected(bytes);
  if (!expected.ok) {
    io.err(errorLine(`${flags.expect}: ${expected.message}`));
    return EXIT.usage;
  }
  const loaded = loadRuleset(flags.ruleset ?? DEFAULT_RULESET);
  if (!loaded.ok) {
    printProblems(io, loaded.problems);
    io.err(errorLine('invalid ruleset'));
    return EXIT.usage;
  }
  const { files, problems, release } = await expandInputs(inputs);
  for (const p of problems) io.err(errorLine(`${p.file}: ${p.message}`));
  if (files.length === 0) return EXIT.usage;
  const results: CallResult[] = [];
  const unscored: string[] = [];
  for (const file of files) {
    const scored = scoreFile(file, loaded.ruleset, { read: readOptionsOf(flags) });
    if (scored.result) results.push(scored.result);
    else unscored.push(file);
    // Reader messages may quote the transcript: masked as in errors.csv.
    for (const row of scored.rows) if (row.severity === 'error') io.err(errorLine(`${file}: not scored: ${maskProblemMessage(row.message)}`));
  }
  release();
  const agreement = compareVerdicts(expected.rows, results, loaded.ruleset.rules.map((r) => r.id), unscored);
  io.out(formatAgreement(agreement, { color: useColor(), expectFile: flags.expect, minAgreement: flags.minAgreement, rowProblems: expected.problems }));
  const below = agreement.ratio === undefined || agreement.ratio < flags.minAgreement;
  return below || agreement.unknown.length > 0 || expected.problems.length > 0 ? EXIT.someFailed : EXIT.ok;
}
