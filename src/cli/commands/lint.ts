/**
 * `callqa lint [rulesets...]` and `callqa test [rulesets...]`: rulesets as tested code.
 * lint: every problem at file:line:col (and the rules' examples unless --no-examples);
 * test: the examples only, with per-rule counts. Exit 0 clean, 1 problems, 2 could not run.
 */
import { resolve } from 'node:path';
import chalk from 'chalk';
import type { Command } from 'commander';
import { nonNegativeInt } from '../options.js';
import { countProblems, exampleTotals, FORMATTERS, formatExamples, getFormatter, lintRulesetFile, rulesetFiles, type LintResult } from '../../lint/index.js';
import { DEFAULT_RULESET } from '../../ruleset/index.js';
import { EXIT } from '../exit-codes.js';
import { errorLine, type Io } from '../io.js';

interface LintFlags {
  format: string;
  examples: boolean;
  maxWarnings?: number;
  quiet?: boolean;
}

/** Colour only on a terminal (and as chalk allows: NO_COLOR, FORCE_COLOR). */
export function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && chalk.level > 0;
}

export function registerLint(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('check rulesets: schema, references, phrase lists, catalogue ids, weights; run their examples')
    .argument('[rulesets...]', 'ruleset files or directories (default: the bundled ruleset)')
    .option('-f, --format <name>', `output format: ${Object.keys(FORMATTERS).join(', ')}`, 'stylish')
    .option('--no-examples', 'do not run the rules\' examples')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInt)
    .option('-q, --quiet', 'report errors only')
    .action(async (inputs: string[], flags: LintFlags) => {
      setExit(await lint(inputs, flags, io));
    });
  program
    .command('test')
    .description('run the examples of every rule and report each one that does not get its verdict')
    .argument('[rulesets...]', 'ruleset files or directories (default: the bundled ruleset)')
    .action(async (inputs: string[]) => {
      setExit(await test(inputs, io));
    });
}

async function lintAll(inputs: string[], examples: boolean, io: Io): Promise<LintResult[] | undefined> {
  const { files, missing, parts } = await rulesetFiles(inputs.length > 0 ? inputs : [DEFAULT_RULESET]);
  for (const m of missing) io.err(errorLine(`${m}: no such ruleset file (or no *.yaml in it)`));
  if (files.length === 0 && parts.length > 0) io.err(errorLine(`only ruleset parts (files without name:) in ${inputs.join(', ')}: give the ruleset that includes them`));
  if (missing.length > 0 || files.length === 0) return undefined;
  const results = files.map((f) => lintRulesetFile(f, { examples }));
  // A part no ruleset includes is checked by nothing: say so (its rules score no call).
  if (results.every((r) => r.parts)) {
    const included = new Set(results.flatMap((r) => r.parts ?? []).map((p) => resolve(p)));
    for (const p of parts) if (!included.has(resolve(p))) io.err(`${chalk.yellow('callqa: warning:')} ${p}: a ruleset part that none of these rulesets includes: not checked`);
  }
  return results;
}

async function lint(inputs: string[], flags: LintFlags, io: Io): Promise<number> {
  const formatter = getFormatter(flags.format);
  if (!formatter) {
    io.err(errorLine(`unknown format "${flags.format}" (formats: ${Object.keys(FORMATTERS).join(', ')})`));
    return EXIT.usage;
  }
  const linted = await lintAll(inputs, flags.examples, io);
  if (!linted) return EXIT.usage;
  const { warnings } = countProblems(linted);
  const results = flags.quiet ? linted.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === 'error') })) : linted;
  const text = formatter(results, { color: useColor() });
  if (text) io.out(text);
  const { errors } = countProblems(linted);
  const tooMany = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
  if (tooMany) io.err(errorLine(`${warnings} warning(s): more than --max-warnings ${flags.maxWarnings}`));
  return errors > 0 || tooMany ? EXIT.someFailed : EXIT.ok;
}

async function test(inputs: string[], io: Io): Promise<number> {
  const results = await lintAll(inputs, true, io);
  if (!results) return EXIT.usage;
  // A ruleset that does not compile cannot run its examples: say why, as lint would.
  for (const r of results) {
    if (r.examples) continue;
    io.err(errorLine(`${r.file}: the ruleset has errors, its examples cannot run (see callqa lint ${r.file})`));
  }
  io.out(formatExamples(results, { color: useColor() }));
  const broken = results.some((r) => !r.examples);
  return broken || exampleTotals(results).disagree > 0 ? EXIT.someFailed : EXIT.ok;
}
