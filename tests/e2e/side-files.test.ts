/**
 * Side files named on the command line — ruleset, manifest, overrides, labels — that are a FIFO
 * (or a device) used to block callqa forever, deaf to Ctrl-C; a binary named as the ruleset
 * printed a hundred YAML errors quoting its bytes. Each is now one line and exit 2.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './helpers.js';

const dir = tempDir();
const fifo = join(dir, 'side.fifo');
execFileSync('mkfifo', [fifo]);
const binary = join(dir, 'rules.yaml');
writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0x3a, 0x0a, 0x3a, 0x20, 0x2d]));

function run(args: string[]): { status: number | null; stderr: string } {
  // A timeout, so that a regression fails this test instead of hanging the suite.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, stderr: r.stderr };
}

describe('a side file that is a FIFO', () => {
  const out = join(dir, 'rep');
  it.each([
    ['--ruleset', ['audit', 'fixtures/calls', '--out', out, '--ruleset', fifo]],
    ['--manifest', ['audit', 'fixtures/calls', '--out', out, '--manifest', fifo]],
    ['--overrides', ['audit', 'fixtures/calls', '--out', out, '--overrides', fifo]],
    ['check --expect', ['check', 'fixtures/calls', '--expect', fifo]],
  ])('%s: exit 2, saying it is not a regular file', (_name, args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a regular file (a FIFO or a device)');
  });

  it('@list: an errors.csv row saying so (exit 1), not a hang', () => {
    const r = run(['audit', `@${fifo}`, '--out', join(dir, 'rep-list'), '--quiet']);
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'rep-list', 'errors.csv'), 'utf8')).toContain('cannot read the input list: not a regular file (a FIFO or a device)');
  });

  it('lint: the ruleset is a problem (exit 1), not a hang', () => {
    const r = spawnSync(process.execPath, [BIN, 'lint', fifo], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('cannot read ruleset: not a regular file (a FIFO or a device)');
  });
});

describe('a binary file named as the ruleset', () => {
  it('is one problem saying so, not YAML errors quoting its bytes', () => {
    const r = run(['audit', 'fixtures/calls', '--out', join(dir, 'rep2'), '--ruleset', binary]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${binary}:1:1: error: cannot read ruleset: a binary file, not YAML text [unreadable]\ncallqa: error: invalid ruleset: nothing written\n`);
  });
});
