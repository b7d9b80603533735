/**
 * `callqa explain <transcript>`: one call as a QA reviewer reads it (or --json for tools), with
 * customer personal data masked unless --no-mask.
 * Exit 0 printed; 2 could not run (unreadable transcript, invalid ruleset).
 */
import type { Command } from 'commander';
import { judgeCall } from '../../engine/index.js';
import { explainJson, explainText, maskExplained } from '../../explain/index.js';
import { readCallFile } from '../../readers/index.js';
import { DEFAULT_RULESET, loadRuleset } from '../../ruleset/index.js';
import { EXIT } from '../exit-codes.js';
import { pathArg, directionCodesArg, DIRECTION_CODES_HELP, readOptionsOf } from '../options.js';
import { errorLine, printProblems, type Io } from '../io.js';
import { useColor } from './lint.js';
import type { DirectionCodes } from '../../meta/index.js';

interface ExplainFlags {
  ruleset?: string;
  json?: boolean;
  agentChannel?: string;
  directionCodes?: DirectionCodes;
  /** false with --no-mask */
  mask: boolean;
}

export function registerExplain(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description('show one call with each verdict next to the words that decided it')
    .argument('<transcript>', 'one transcript file')
    .option('-r, --ruleset <file>', 'ruleset YAML (default: the bundled rulesets/standard.yaml)', pathArg)
    .option('--agent-channel <id>', 'channel/speaker id of the agent in vendor transcripts, or "auto"')
    .option('--direction-codes <codes>', DIRECTION_CODES_HELP, directionCodesArg)
    .option('--json', 'print the result and the utterances as JSON')
    .option('--no-mask', 'show phone, ID-card and bank-card numbers and e-mail addresses unmasked (internal use)')
    .action((file: string, flags: ExplainFlags) => {
      setExit(explain(file, flags, io));
    });
}

function explain(file: string, flags: ExplainFlags, io: Io): number {
  const loaded = loadRuleset(flags.ruleset ?? DEFAULT_RULESET);
  if (!loaded.ok) {
    printProblems(io, loaded.problems);
    io.err(errorLine('invalid ruleset'));
    return EXIT.usage;
  }
  const read = readCallFile(file, readOptionsOf(flags));
  if (!read.ok) {
    const e = read.error;
    io.err(errorLine(`${file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`));
    return EXIT.usage;
  }
  const ruleset = loaded.ruleset;
  // Rules see the call as said; only what is shown is masked. Shown is the call as the rules read
  // it: a new agent after a transfer speaks as 坐席（转接后）, not as the scored agent.
  const scored = judgeCall(read.call, ruleset);
  const { call, result } = flags.mask ? maskExplained(scored.call, scored.result) : scored;
  if (flags.json) {
    io.out(JSON.stringify(explainJson(call, result), null, 2));
    return EXIT.ok;
  }
  const silenceMs = ruleset.holdDetection?.minMs;
  io.out(explainText(call, result, { color: useColor(), passMark: ruleset.passMark, silenceMs }));
  for (const w of read.call.warnings) io.err(`warning: ${w.line !== undefined ? `line ${w.line}: ` : ''}${w.message}`);
  return EXIT.ok;
}
