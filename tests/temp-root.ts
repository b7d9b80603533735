/**
 * Vitest global set-up: every temporary directory of a test run goes under one root, removed when
 * the run ends. Tests make their directories with os.tmpdir() and the CLI runs they spawn make
 * scratch space the same way; both read TMPDIR, which the test processes inherit from here. Before
 * this, each run left some 200 directories in /tmp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'callqa-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
