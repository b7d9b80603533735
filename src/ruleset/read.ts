/**
 * Read a ruleset file (a whole ruleset or a part) as text, or say in words why it cannot be.
 */
import { notRegularCause, readRegularFileSync } from '../model/read-file.js';
import { isUtf8 } from 'node:buffer';
import type { RulesetProblem } from './problems.js';

/**
 * A ruleset file's text, or the problem that it cannot be read or is no text at all (a binary
 * named by mistake would flood the terminal with a hundred YAML errors quoting its bytes).
 */
export function readRulesetText(file: string): string | RulesetProblem {
  const unreadable = (message: string): RulesetProblem => ({ file, line: 1, column: 1, severity: 'error', code: 'unreadable', message });
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file);
  } catch (err) {
    return unreadable(`cannot read ruleset: ${whyUnreadable(err)}`);
  }
  // Notepad's "Unicode" is UTF-16 with a byte-order mark: text, though full of zero bytes.
  if (isUtf16Bom(bytes)) return { file, line: 1, column: 1, severity: 'error', code: 'not-utf8', message: 'UTF-16 text: save the ruleset as UTF-8' };
  if (bytes.includes(0)) return unreadable('cannot read ruleset: a binary file, not YAML text');
  const badLine = firstNonUtf8Line(bytes);
  // Read as UTF-8, a GBK or Big5 file's phrases would be mojibake that matches no call.
  if (badLine !== undefined) {
    return { file, line: badLine, column: 1, severity: 'error', code: 'not-utf8', message: 'not UTF-8 text (GBK or Big5?): save the ruleset as UTF-8' };
  }
  return bytes.toString('utf8');
}

function isUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** 1-based line of the first bytes that are not UTF-8 (GBK and Big5 never use 0x0A inside a character). */
function firstNonUtf8Line(bytes: Buffer): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) return line;
    if (end < 0) return undefined;
    start = end + 1;
  }
}

/** Why a ruleset file could not be read, in words (not Node's "Error: EISDIR: illegal operation…"). */
function whyUnreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return notRegularCause(err) ?? (err instanceof Error ? err.message : String(err));
}
