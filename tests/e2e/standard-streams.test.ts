/**
 * Output that cannot be written — stdout on a full disk (/dev/full), or a pipe whose reader has
 * gone — is exit 3 with one line on stderr, never Node's stack trace for an unheard 'error' event.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './helpers.js';

const STACK = /at .*\.js:\d+|Unhandled|node:events/;

function toFullDisk(args: string[]): { status: number | null; stderr: string } {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', full, 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(full);
  }
}

describe.runIf(existsSync('/dev/full'))('stdout that cannot be written', () => {
  it.each([
    ['explain', ['explain', 'fixtures/calls/03-complaint-handled-badly.txt']],
    ['lint --format json', ['lint', '--format', 'json', 'rulesets']],
    ['audit (its closing line)', ['audit', 'fixtures/calls', '--out', join(tempDir(), 'rep'), '-j', '1']],
  ])('%s: exit 3, one line saying the disk is full, no stack trace', (_name, args) => {
    const r = toFullDisk(args);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('callqa: error: cannot write to standard output: the disk is full\n');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('a reader that goes away (callqa … | head -c 1)', () => {
  it('ends quietly with exit 3: no message, no stack trace', async () => {
    // The reader is gone before callqa writes its first line (it takes a second to start): that
    // write fails with EPIPE.
    const child = spawn(process.execPath, [BIN, 'lint', '--format', 'json', 'rulesets'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(3);
    expect(stderr).toBe('');
  });
});
