/**
 * Ctrl-C during the walk of a big month: the walk pauses every few thousand entries so the signal
 * is heard, and stops there (a million files took seconds before the audit could answer).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/audit/inputs.js';
import { tempDir } from '../e2e/helpers.js';

function month(folders: number, files: number): string {
  const root = tempDir();
  for (let f = 0; f < folders; f++) {
    const dir = join(root, `d${f}`);
    mkdirSync(dir);
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `c${i}.txt`), '');
  }
  return root;
}

describe('expandInputs with a signal', () => {
  const root = month(3, 3000);

  it('walks everything when no signal comes', async () => {
    const inputs = await expandInputs([root], { signal: new AbortController().signal });
    expect(inputs.files.length).toBe(9000);
    inputs.release();
  });

  it('stops at its next pause when the signal comes during the walk: no files, no problems made up', async () => {
    const controller = new AbortController();
    setImmediate(() => controller.abort('SIGINT'));
    const inputs = await expandInputs([root], { signal: controller.signal });
    expect(controller.signal.aborted).toBe(true);
    expect(inputs.files.length).toBe(0);
    expect(inputs.problems).toEqual([]);
    inputs.release();
  });

  it('a glob stops too', async () => {
    const controller = new AbortController();
    setImmediate(() => controller.abort('SIGINT'));
    const inputs = await expandInputs([join(root, '*', '*.txt')], { signal: controller.signal });
    expect(inputs.files.length).toBe(0);
    inputs.release();
  });
});
