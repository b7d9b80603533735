/**
 * A disk that fills while the worker pool is scoring: the report writer throws in the main thread
 * inside the pool's message handler. That must end the audit with its ReportError (exit 3 and a
 * message at the CLI), the previous report intact — not an uncaught exception with a stack trace.
 * Run against the built code (npm test builds first): from src/ the pool's worker file is not
 * there, and the audit would fall back to scoring in this thread.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeCall, prng } from '../../scripts/synthetic-month.js';
import { ROOT, tempDir } from '../e2e/helpers.js';

type Pool = typeof import('../../src/audit/pool.js');
type Audit = typeof import('../../src/audit/index.js');
type Rulesets = typeof import('../../src/ruleset/index.js');
type Report = typeof import('../../src/report/index.js');
const built = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;
const { scoreInWorkers } = await built<Pool>('audit/pool.js');
const { runAudit } = await built<Audit>('audit/index.js');
const { DEFAULT_RULESET, loadRuleset } = await built<Rulesets>('ruleset/index.js');
const { ReportError } = await built<Report>('report/index.js');

function month(n: number): string {
  const dir = join(tempDir(), 'in');
  mkdirSync(dir);
  const rand = prng(11);
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `c${String(i).padStart(4, '0')}.txt`), makeCall(rand, i, undefined, 2500));
  return dir;
}

describe('a failure while the worker pool is running', () => {
  it('a throw from the code that takes the outcomes rejects the pool (workers stopped), not an uncaught exception', async () => {
    const dir = month(200);
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the default ruleset does not load');
    let taken = 0;
    const run = scoreInWorkers(files, { jobs: 2, ruleset: loaded.portable, config: { read: {}, mask: true } }, () => {
      if (++taken === 40) throw new Error('the disk is full');
    });
    await expect(run).rejects.toThrow('the disk is full');
    expect(taken).toBe(40);
  });

  it('a disk that fills mid-run: the audit ends with a ReportError and the previous report is intact', async () => {
    const dir = month(600);
    const out = join(tempDir(), 'report');
    const first = await runAudit({ inputs: [dir], rulesetFile: DEFAULT_RULESET, outDir: out, mask: true, read: {}, jobs: 2 });
    expect(first.kind).toBe('done');
    const before = readFileSync(join(out, 'findings.csv'));

    // From the 100th call on, writes to files under the report's staging folder fail as on a full disk.
    const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    const { openSync, writeSync } = fs;
    const staged = new Set<number>();
    let full = false;
    fs.openSync = ((path: string, ...rest: unknown[]) => {
      const fd = (openSync as (...a: unknown[]) => number)(path, ...rest);
      if (String(path).includes('.report.tmp-')) staged.add(fd);
      return fd;
    }) as typeof openSync;
    fs.writeSync = ((fd: number, ...rest: unknown[]) => {
      if (full && staged.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (writeSync as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof writeSync;
    syncBuiltinESMExports();
    onTestFinished(() => {
      fs.openSync = openSync;
      fs.writeSync = writeSync;
      syncBuiltinESMExports();
    });

    const second = runAudit({ inputs: [dir], rulesetFile: DEFAULT_RULESET, outDir: out, mask: true, read: {}, jobs: 2, onProgress: (done) => (full ||= done >= 100) });
    await expect(second).rejects.toThrow(ReportError);
    await expect(second).rejects.toThrow(/^cannot write the report at .*: the disk is full; the previous report is unchanged$/);
    expect(full).toBe(true);
    expect(readFileSync(join(out, 'findings.csv'))).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['report']);
    // Two audits of 600 calls, each warming up two workers: well past the default 30 s on a busy 2-core machine.
  }, 120_000);

  it('a disk that fills at escalations.csv: the message names the report folder, not its staging folder', async () => {
    const dir = month(100);
    const out = join(tempDir(), 'report');
    const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    const { writeFileSync: write } = fs;
    fs.writeFileSync = ((path: unknown, ...rest: unknown[]) => {
      if (String(path).endsWith('escalations.csv')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (write as (...a: unknown[]) => void)(path, ...rest);
    }) as typeof write;
    syncBuiltinESMExports();
    onTestFinished(() => {
      fs.writeFileSync = write;
      syncBuiltinESMExports();
    });
    const run = runAudit({ inputs: [dir], rulesetFile: DEFAULT_RULESET, outDir: out, mask: true, read: {}, jobs: 1 });
    await expect(run).rejects.toThrow(`cannot write the report at ${out}: the disk is full; the previous report is unchanged`);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});
