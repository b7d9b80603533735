/**
 * Ctrl-C and SIGTERM, caught from the moment bin/callqa.js starts — before the rest of the CLI
 * has loaded, which takes about a second — so that an interrupted `callqa audit` always ends the
 * same documented way (exit 130, a message, the previous report kept), however early the signal
 * comes. Without this a signal during start-up killed the process silently (status 143).
 *
 * The handler only records the signal: the audit polls it between files, and `main` refuses to
 * start a command once it is set. Commands other than audit write no report and do their work
 * synchronously, where a handler could not run before the work is done; for them `main` stops
 * watching, and a signal stops them at once as it stops any program. A second signal while
 * the first is being handled does the same (an impatient second Ctrl-C).
 *
 * No imports: bin/callqa.js loads this module alone, first.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

let controller = new AbortController();
let watching = false;

function onSignal(signal: NodeJS.Signals): void {
  if (controller.signal.aborted) {
    stopWatchingInterrupts();
    process.kill(process.pid, signal);
    return;
  }
  controller.abort(signal);
}

/** Start catching SIGINT/SIGTERM (if not already); the signal is aborted once one arrives. */
export function watchInterrupts(): AbortSignal {
  if (!watching) {
    watching = true;
    if (controller.signal.aborted) controller = new AbortController();
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  return controller.signal;
}

/** Let SIGINT/SIGTERM stop the process again the default way. */
export function stopWatchingInterrupts(): void {
  if (!watching) return;
  watching = false;
  for (const s of SIGNALS) process.off(s, onSignal);
}
