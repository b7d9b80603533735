/**
 * A progress bar on a terminal (calls done, rate, ETA) via cli-progress; nothing when stderr is
 * not a TTY (CI logs, pipes) or with --quiet, so logs stay clean.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

/** `verb`: what is being done to the calls (the audit scores them, the sample reads them). */
export function progressBar(enabled: boolean, verb = 'scoring'): Progress {
  if (!enabled || !process.stderr.isTTY) return NONE;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${verb} {bar} {value}/{total} calls | {rate} calls/s | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true, etaBuffer: 200 },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  let begun = false;
  return {
    update(done, total) {
      if (!begun) {
        // The rate counts from the first scored call, not from start-up (ruleset, workers).
        started = Date.now();
        bar.start(total, 0, { rate: '0' });
        begun = true;
      }
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toString() : '0' });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
