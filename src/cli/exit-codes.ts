/** The documented exit codes (README "Exit codes"); only the CLI chooses one. */
export const EXIT = {
  /** Every input scored (warnings allowed); lint: no problems. */
  ok: 0,
  /** The run finished but some inputs could not be scored (see errors.csv); lint: problems found. */
  someFailed: 1,
  /** Usage error or invalid ruleset: nothing written. */
  usage: 2,
  /** The report could not be written (disk full, permissions): the previous report is kept. Or stdout could not. */
  writeFailed: 3,
  /** A bug in callqa (reported in one line; CALLQA_DEBUG=1 prints the stack). */
  internal: 70,
  /** Interrupted (Ctrl-C / SIGTERM): the previous report is kept. */
  interrupted: 130,
} as const;
