/**
 * The command line: a thin shell over the library. It parses flags, calls the library, prints,
 * and returns an exit code; it never calls process.exit (bin/callqa.js sets process.exitCode).
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { registerAudit } from './commands/audit.js';
import { registerLint } from './commands/lint.js';
import { registerSample } from './commands/sample.js';
import { registerDiff } from './commands/diff.js';
import { registerExplain } from './commands/explain.js';
import { registerCheck } from './commands/check.js';
import { EXIT } from './exit-codes.js';
import { writeSync } from 'node:fs';
import { errorLine, processIo, standardStreamFailure, watchStandardStreams, type Io } from './io.js';
import { stopWatchingInterrupts, watchInterrupts } from './interrupts.js';
import { ScratchError } from '../model/scratch.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // bin/callqa.js started watching before loading the CLI; in-process callers start here.
  const interrupted = watchInterrupts();
  if (io === processIo) watchStandardStreams();
  try {
    if (interrupted.aborted) {
      io.err(errorLine('interrupted while starting: nothing written'));
      return EXIT.interrupted;
    }
    const code = await run(argv, io);
    if (io !== processIo) return code;
    // A failed write is reported on a later tick: let it arrive before judging.
    await new Promise((resolve) => setImmediate(resolve));
    return afterStandardStreams(code);
  } finally {
    stopWatchingInterrupts();
  }
}

/**
 * A command whose output could not be written (stdout to a full disk or a closed pipe) did not
 * do its job, whatever it returned: exit 3, said on stderr if stderr still works.
 */
function afterStandardStreams(code: number): number {
  const failure = standardStreamFailure();
  if (failure === undefined) return code;
  if (failure !== '') {
    try {
      writeSync(2, `${failure}\n`);
    } catch {
      // stderr is the stream that failed: the exit code says it.
    }
  }
  return EXIT.writeFailed;
}

async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const setExit = (c: number): void => {
    code = c;
  };
  const program = new Command('callqa')
    .description('Score call-centre transcripts against a YAML ruleset of service standards')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerAudit(program, io, setExit);
  registerLint(program, io, setExit);
  registerSample(program, io, setExit);
  registerDiff(program, io, setExit);
  registerExplain(program, io, setExit);
  registerCheck(program, io, setExit);
  // Only the audit stops gracefully on a signal (src/cli/interrupts.ts); the other commands
  // write no report and are stopped the default way.
  program.hook('preAction', (_program, command) => {
    if (command.name() !== 'audit') stopWatchingInterrupts();
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // Temporary files of a long input list (sample, check, diff; audit says more itself).
    if (err instanceof ScratchError) {
      io.err(errorLine(err.message));
      return EXIT.writeFailed;
    }
    // A bug, not bad input: say so in one line, with where to look, and no stack trace.
    io.err(errorLine(`internal error: ${err instanceof Error ? err.message : String(err)} (please report this)`));
    if (process.env.CALLQA_DEBUG && err instanceof Error) io.err(err.stack ?? '');
    return EXIT.internal;
  }
  return code;
}
