import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atomicWriteFile, describeIoError, StagedFile } from '../../src/report/atomic.js';
import { createReportWriter, ReportError } from '../../src/report/index.js';
import { sampleCalls } from './calls.js';
import { tempDir, testRuleset } from './helpers.js';

const opts = { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0' };
const run = { inputs: 5, scored: 5, errors: 0, warnings: 0, startedAt: new Date(), finishedAt: new Date() };

function writeReport(out: string, calls = sampleCalls()): void {
  const writer = createReportWriter(out, opts);
  for (const c of calls) writer.addCall(c);
  writer.finish(run);
}

/** Every file under dir with its bytes, to compare a report before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[join(e.parentPath, e.name).slice(dir.length)] = readFileSync(join(e.parentPath, e.name), 'base64');
  }
  return files;
}

function caught(fn: () => void): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('atomic report folder', () => {
  it('replaces an earlier report as a whole', () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    writeReport(out);
    writeReport(out, sampleCalls().slice(0, 1));
    expect(readdirSync(join(out, 'scorecards'))).toEqual(['A128.csv']);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('a write that fails at finish leaves the previous report intact and no staging folder', () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    writeReport(out);
    const before = snapshot(out);
    const writer = createReportWriter(out, opts);
    for (const c of sampleCalls().slice(0, 2)) writer.addCall(c);
    // Make summary.csv unwritable in the staging folder: a real I/O error, not a mock.
    const staging = readdirSync(parent).find((n) => n.includes('.tmp-')) ?? '';
    mkdirSync(join(parent, staging, 'summary.csv'));
    const err = caught(() => writer.finish(run));
    expect(err).toBeInstanceOf(ReportError);
    expect((err as Error).message).toContain(out);
    expect((err as Error).message).toContain('previous report is unchanged');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('discard (Ctrl-C) removes the staging folder and keeps the previous report', () => {
    const parent = tempDir();
    const out = join(parent, 'report');
    writeReport(out);
    const before = snapshot(out);
    const writer = createReportWriter(out, opts);
    for (const c of sampleCalls()) writer.addCall(c);
    writer.discard();
    writer.discard();
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('a process that exits without finishing (Ctrl-C handler calling exit) leaves no staging folder', () => {
    const parent = tempDir();
    // The built module (npm test builds first), in a child process of its own.
    const atomic = fileURLToPath(new URL('../../dist/report/atomic.js', import.meta.url));
    const script = `import { StagingDir } from ${JSON.stringify(pathToFileURL(atomic).href)};
      const s = new StagingDir(${JSON.stringify(join(parent, 'report'))});
      console.log(s.path);
      process.exit(130);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(130);
    expect(r.stdout).toContain('.report.tmp-');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('removes staging folders left by a killed run of a process that no longer exists', () => {
    const parent = tempDir();
    const stale = join(parent, '.report.tmp-999999999-abcdef');
    mkdirSync(stale);
    writeFileSync(join(stale, 'findings.csv'), 'half a file');
    writeReport(join(parent, 'report'));
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('refuses to replace a folder that is not a callqa report, and leaves it alone', () => {
    const parent = tempDir();
    const out = join(parent, 'src');
    mkdirSync(out);
    writeFileSync(join(out, 'main.ts'), 'export {};');
    const err = caught(() => createReportWriter(out, opts));
    expect(err).toBeInstanceOf(ReportError);
    expect((err as Error).message).toMatch(/not empty and holds no earlier callqa report/);
    expect(readdirSync(out)).toEqual(['main.ts']);
    expect(readdirSync(parent)).toEqual(['src']);
  });

  it('refuses to replace a file', () => {
    const out = join(tempDir(), 'report');
    writeFileSync(out, 'notes');
    expect(() => createReportWriter(out, opts)).toThrow(/exists and is not a folder/);
    expect(readFileSync(out, 'utf8')).toBe('notes');
  });

  it('writes into an empty existing folder', () => {
    const out = join(tempDir(), 'report');
    mkdirSync(out);
    writeReport(out);
    expect(existsSync(join(out, 'run.json'))).toBe(true);
  });
});

describe('I/O errors become one-line ReportErrors naming the path', () => {
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: raw`), { code });

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'permission denied'],
    ['EROFS', 'read-only file system'],
  ])('%s', (code, words) => {
    const err = describeIoError(errno(code), '/data/callqa-report');
    expect(err).toBeInstanceOf(ReportError);
    expect(err.message).toBe(`cannot write the report at /data/callqa-report: ${words}; the previous report is unchanged`);
    expect(err.message).not.toContain('\n');
  });

  it('a report folder under a file is a ReportError, not a crash', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), 'x');
    expect(() => createReportWriter(join(parent, 'file', 'report'), opts)).toThrow(ReportError);
  });
});

describe('atomicWriteFile', () => {
  it('removes the temporary file a killed run of a process that no longer exists left next to it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.list.txt.tmp-999999999-abcdef'), 'half a list');
    writeFileSync(join(dir, `.list.txt.tmp-${process.pid}-abcdef`), 'this process: still writing');
    atomicWriteFile(join(dir, 'list.txt'), 'whole\n');
    expect(readdirSync(dir).sort()).toEqual([`.list.txt.tmp-${process.pid}-abcdef`, 'list.txt']);
  });

  it('replaces the file whole and leaves no temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'run.json');
    writeFileSync(file, '{"old":true}');
    atomicWriteFile(file, '{"new":"新"}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"new":"新"}\n');
    expect(readdirSync(dir)).toEqual(['run.json']);
  });

  it('fails with a ReportError and keeps the old file when the target cannot be replaced', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'x'), 'x');
    expect(() => atomicWriteFile(join(dir, 'busy'), 'data')).toThrow(ReportError);
    expect(readdirSync(dir)).toEqual(['busy']);
  });
});

describe('folders made for an output are removed when the output fails', () => {
  it('the report folder: missing parents made for it go again when the run is discarded', () => {
    const parent = tempDir();
    const writer = createReportWriter(join(parent, 'a', 'b', 'report'), opts);
    expect(readdirSync(parent)).toEqual(['a']);
    writer.discard();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('…but not a parent someone else put a file into meanwhile, nor ones that existed', () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'a'));
    const writer = createReportWriter(join(parent, 'a', 'b', 'c', 'report'), opts);
    writeFileSync(join(parent, 'a', 'b', 'theirs.txt'), 'x');
    writer.discard();
    expect(readdirSync(join(parent, 'a', 'b'))).toEqual(['theirs.txt']);
  });

  it('a single file (sample --out, --html FILE): missing folders made for it go when it fails', () => {
    const parent = tempDir();
    // The name fits, the temporary name next to it does not: the write fails when tried.
    expect(() => atomicWriteFile(join(parent, 'x', 'y', `${'a'.repeat(245)}.txt`), 'data', { createFolders: true })).toThrow(ReportError);
    expect(readdirSync(parent)).toEqual([]);
    const staged = caught(() => new StagedFile(join(parent, 'x', 'y', `${'a'.repeat(245)}.html`), 'data', 'the report'));
    expect(staged).toBeInstanceOf(ReportError);
    expect(readdirSync(parent)).toEqual([]);
    const ok = new StagedFile(join(parent, 'x', 'y', 'r.html'), 'data', 'the report');
    ok.discard();
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('writing through a symbolic link', () => {
  it('replaces the file the link points to, atomically, and keeps the link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'list.txt'), 'old');
    symlinkSync(join('real', 'list.txt'), join(dir, 'link.txt'));
    atomicWriteFile(join(dir, 'link.txt'), 'new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'list.txt'), 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'real'))).toEqual(['list.txt']);

    const staged = new StagedFile(join(dir, 'link.txt'), 'newer', 'the report');
    staged.commit('the report');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'list.txt'), 'utf8')).toBe('newer');
  });

  it('refuses a link to nothing: following it would create a file wherever it points', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nowhere', 'x.txt'), join(dir, 'dangling.txt'));
    expect(() => atomicWriteFile(join(dir, 'dangling.txt'), 'data', { createFolders: true })).toThrow(/symbolic link to a missing file/);
    expect(() => new StagedFile(join(dir, 'dangling.txt'), 'data', 'the report')).toThrow(/symbolic link to a missing file/);
    expect(readdirSync(dir)).toEqual(['dangling.txt']);
  });
});
