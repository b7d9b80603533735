/**
 * A month too big to list in memory: the input paths are de-duplicated and sorted on disk, and the
 * list read back from a temporary file. The outcome must be the one the in-memory path gives.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/audit/inputs.js';
import { CallIds } from '../../src/audit/call-ids.js';
import { Scratch } from '../../src/model/scratch.js';
import { byteOrder } from '../../src/model/order.js';
import { tempDir } from '../report/helpers.js';

// This file's process only (vitest runs each test file in a fork): where Scratch makes its folders.
let tmp: string;
const savedTmpdir = process.env.TMPDIR;
beforeEach(() => {
  tmp = tempDir();
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

/** Scratch's folders (tempDir's are callqa-report-…). */
function scratchFolders(): string[] {
  return readdirSync(tmp).filter((name) => !name.startsWith('callqa-report-'));
}

function month(): string {
  const root = join(tempDir(), 'month');
  const names = ['a', 'b', '王芳', 'é', '\uE000', '😀', 'Z'];
  for (let i = 0; i < 240; i++) {
    const dir = join(root, names[i % names.length] as string, String(i % 5));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${names[(i * 3) % names.length]}-${i}.txt`), '坐席：您好。\n');
  }
  writeFileSync(join(root, '.hidden.txt'), 'x');
  return root;
}

describe('expandInputs past its in-memory limit', () => {
  it('gives the same sorted, de-duplicated list and problems as in memory, and leaves no temporary file', async () => {
    const root = month();
    const first = join(root, 'a', '0', readdirSync(join(root, 'a', '0'))[0] as string);
    const list = join(root, 'list.txt');
    writeFileSync(list, `${first}\nmissing.txt\n`);
    // The same files named again: a folder by a relative path first, by a glob, by the list, and a missing one.
    const relativeA0 = relative(process.cwd(), join(root, 'a', '0'));
    const inputs = [relativeA0, join(root, 'b'), root, `${root}/王芳/**/*.txt`, `@${list}`, join(root, 'nope')];
    const inMemory = await expandInputs(inputs);
    expect(scratchFolders()).toEqual([]);
    const spilled = await expandInputs(inputs, { inMemory: 7 });
    expect(scratchFolders()).toHaveLength(1); // the spooled list, read from disk
    expect(spilled.files.length).toBe(241); // 240 transcripts and the list itself
    expect(spilled.files.length).toBe(inMemory.files.length);
    expect([...spilled.files]).toEqual([...inMemory.files]);
    expect([...spilled.files]).toEqual([...spilled.files].sort(byteOrder));
    expect(new Set(spilled.files).size).toBe(241);
    expect(spilled.files.slice(30, 70)).toEqual(inMemory.files.slice(30, 70));
    expect(spilled.problems).toEqual(inMemory.problems);
    expect(spilled.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^listed in .* line 2 but not found$/), 'no such file or directory']);
    // The first path found for a file is the one kept: a/0's files as the relative path named them.
    const a0 = readdirSync(join(root, 'a', '0')).length;
    expect([...spilled.files].filter((f) => f.startsWith(relativeA0))).toHaveLength(a0);
    expect([...spilled.files].filter((f) => f.startsWith(join(root, 'a', '0')))).toEqual([]);
    spilled.release();
    inMemory.release();
    expect(scratchFolders()).toEqual([]);
  });
});

describe('CallIds past its in-memory limit', () => {
  it('finds the same shared ids (each later call warned once), and the calls an override names', () => {
    const files = Array.from({ length: 500 }, (_, i) => `/m/${String(i).padStart(3, '0')}.txt`);
    const idOf = (i: number): string => (i % 7 === 0 ? `dup-${i % 3}` : i % 50 === 1 ? '001' : `call-${i}`);
    const run = (limit: number) => {
      const scratch = new Scratch();
      const ids = new CallIds(files, new Set(['dup-1', 'call-3']), () => scratch.folder('ids'), limit);
      files.forEach((_, i) => ids.note(idOf(i), i));
      const clashes = [...ids.clashes()];
      const ambiguous = ids.ambiguousOverrides('overrides.csv', [{ line: 2, callId: 'dup-1' }, { line: 3, callId: 'call-3' }] as never);
      scratch.remove();
      return { clashes: clashes.sort((a, b) => byteOrder(a.file, b.file)), ambiguous };
    };
    const small = run(16);
    expect(small).toEqual(run(100_000));
    const dupCalls = files.filter((_, i) => i % 7 === 0).length;
    const oneCalls = files.filter((_, i) => i % 7 !== 0 && i % 50 === 1).length;
    // Every call but the first of each shared id: three dup-N ids and 001.
    expect(small.clashes).toHaveLength(dupCalls - 3 + oneCalls - 1);
    expect(small.clashes[0]).toEqual({ file: '/m/021.txt', severity: 'warning', stage: 'input', message: 'call_id "dup-0" is also the id of /m/000.txt: an override naming it applies to both; give each call its own call_id' });
    expect(small.clashes.filter((c) => c.message.startsWith('call_id "001"')).map((c) => c.file)).toEqual(['/m/051.txt', '/m/101.txt', '/m/151.txt', '/m/201.txt', '/m/251.txt', '/m/351.txt', '/m/401.txt', '/m/451.txt']);
    expect(small.ambiguous).toHaveLength(1);
    expect(small.ambiguous[0]?.message).toMatch(/^line 2: call "dup-1" names 24 calls \(\/m\/007\.txt, \/m\/028\.txt, /);
    expect(scratchFolders()).toEqual([]);
  });
});
