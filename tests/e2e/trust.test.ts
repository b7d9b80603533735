// Trust at scale: nothing lost, byte-identical whatever --jobs, no partial report after a kill,
// malformed input never throws. See: issue 7.
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCall, prng } from '../../scripts/synthetic-month.js';
import { BIN, ROOT, callqa, readCsv, tempDir } from './helpers.js';
import { parseCallBytes } from '../../src/readers/index.js';
import { evaluateCall } from '../../src/engine/index.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import { scoreInWorkers } from '../../src/audit/pool.js';
import { runAudit } from '../../src/audit/index.js';

function writeCalls(dir: string, n: number, seed: number): void {
  const rand = prng(seed);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `c${String(i).padStart(4, '0')}.txt`), makeCall(rand, i, undefined, 1500));
}

function reportBytes(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const f of ['summary.csv', 'findings.csv', 'errors.csv']) files.set(f, readFileSync(join(dir, f)));
  for (const f of readdirSync(join(dir, 'scorecards'))) files.set(`scorecards/${f}`, readFileSync(join(dir, 'scorecards', f)));
  return files;
}

describe('determinism across --jobs', () => {
  it('gives byte-identical reports with 1 and 4 workers, and counts every input', () => {
    const dir = tempDir();
    writeCalls(join(dir, 'in'), 300, 11);
    writeFileSync(join(dir, 'in', 'broken.txt'), '没有标签的一行字\n');
    const one = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'j1'), '--jobs', '1', '--quiet']);
    const four = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'j4'), '--jobs', '4', '--quiet']);
    expect([one.status, four.status]).toEqual([1, 1]);
    const a = reportBytes(join(dir, 'j1'));
    const b = reportBytes(join(dir, 'j4'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    const run4 = JSON.parse(readFileSync(join(dir, 'j4', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run4).toMatchObject({ inputs: 301, scored: 300, errors: 1, complete: true, jobs: 4 });
    expect(readCsv(join(dir, 'j4', 'findings.csv')).rows.length).toBe(300 * (readCsv(join(dir, 'j4', 'scorecards', readdirSync(join(dir, 'j4', 'scorecards'))[0] as string)).header.length - 8));
  });
});

/** Spawn the real bin (Node options first), collecting stderr; resolves with how it ended. */
function spawnCallqa(nodeArgs: string[], args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { env: { ...process.env, ...env } });
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const l of listeners) l();
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (code, signal) => r({ code, signal })));
  const saw = (text: string): Promise<void> =>
    new Promise((r) => {
      if (stderr.includes(text)) r();
      else listeners.push(() => stderr.includes(text) && r());
    });
  return { child, ended, saw, stderr: () => stderr };
}

describe('interruption', () => {
  /** A folder with a previous report of 3 calls, and 1,500 calls to audit next. */
  function previousReport(): { dir: string; out: string; before: Map<string, Buffer> } {
    const dir = tempDir();
    writeCalls(join(dir, 'small'), 3, 5);
    writeCalls(join(dir, 'big'), 1500, 6);
    const out = join(dir, 'report');
    expect(callqa(['audit', join(dir, 'small'), '--out', out, '--jobs', '1']).status).toBe(0);
    return { dir, out, before: reportBytes(out) };
  }

  function expectUnchanged(dir: string, out: string, before: Map<string, Buffer>): void {
    const after = reportBytes(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }

  it('SIGTERM while callqa is still loading: exit 130 with the message, as later in the run', async () => {
    const { dir, out, before } = previousReport();
    const slow = join(ROOT, 'tests/e2e/aids/slow-cli-load.mjs');
    const run = spawnCallqa(['--import', slow], ['audit', join(dir, 'big'), '--out', out, '--quiet'], { CALLQA_TEST_LOAD_DELAY_MS: '1500' });
    await run.saw('loading the CLI');
    run.child.kill('SIGTERM');
    expect(await run.ended).toEqual({ code: 130, signal: null });
    expect(run.stderr()).toBe('loading the CLI\ncallqa: error: interrupted while starting: nothing written\n');
    expectUnchanged(dir, out, before);
  });

  it('SIGTERM right after spawn: never a partial report, and 130 once callqa has started', async () => {
    const { dir, out, before } = previousReport();
    const run = spawnCallqa([], ['audit', join(dir, 'big'), '--out', out, '--quiet']);
    await new Promise((r) => run.child.once('spawn', r));
    run.child.kill('SIGTERM');
    const end = await run.ended;
    // Before Node has run callqa's first line (a few ms) no handler can exist: the signal's
    // default. From that line on: the documented 130 and its message.
    if (end.signal === null) {
      expect(end.code).toBe(130);
      expect(run.stderr()).toMatch(/^callqa: error: interrupted/);
    } else expect(end).toEqual({ code: null, signal: 'SIGTERM' });
    expectUnchanged(dir, out, before);
  });

  it('a signal that came before scoring started stops the audit (the worker pool too): nothing written', async () => {
    const { dir, out, before } = previousReport();
    const stopped = new AbortController();
    stopped.abort('SIGTERM');
    const files = readdirSync(join(dir, 'big')).map((f) => join(dir, 'big', f));
    const taken: unknown[] = [];
    const config = { read: {}, mask: true };
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the default ruleset does not load');
    expect(await scoreInWorkers(files, { jobs: 2, ruleset: loaded.portable, config, signal: stopped.signal }, (o) => taken.push(o))).toEqual({ kind: 'interrupted' });
    expect(taken).toEqual([]);
    const outcome = await runAudit({ inputs: [join(dir, 'big')], rulesetFile: DEFAULT_RULESET, outDir: out, mask: true, read: {}, jobs: 2, signal: stopped.signal });
    expect(outcome).toEqual({ kind: 'interrupted' });
    expectUnchanged(dir, out, before);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves the previous report intact and no partial CSV when killed mid-run (%s)', async (signal) => {
    const { dir, out, before } = previousReport();
    const run = spawnCallqa([], ['audit', join(dir, 'big'), '--out', out, '--jobs', '2', '--quiet']);
    // Kill once the run is under way: its staging folder exists (it scores for seconds after).
    for (let i = 0; i < 100 && !readdirSync(dir).some((f) => f.includes('.tmp-')); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill(signal);
    expect(await run.ended).toEqual({ code: 130, signal: null });
    expect(run.stderr()).toBe('callqa: error: interrupted: no report written, the previous one is unchanged\n');
    expectUnchanged(dir, out, before);
  });
});

describe('malformed input never throws', () => {
  it('scores or rejects each of 1,000 damaged transcripts, with a reason', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('default ruleset did not load');
    const rand = prng(99);
    const good = Buffer.from(makeCall(rand, 0, undefined, 1500));
    const json = Buffer.from(JSON.stringify({ Result: { Sentences: [{ ChannelId: 0, BeginTime: 0, EndTime: 900, Text: '您好，请问有什么可以帮您？' }, { ChannelId: 1, BeginTime: 1000, EndTime: 2000, Text: '我要投诉。' }] } }));
    const gbk = Buffer.from([0xc4, 0xfa, 0xba, 0xc3, 0x0a]);
    let scored = 0;
    let rejected = 0;
    for (let i = 0; i < 1000; i++) {
      const base = [good, json, gbk][i % 3] as Buffer;
      const bytes = Buffer.from(base);
      const kind = i % 5;
      let damaged: Buffer;
      if (kind === 0) damaged = bytes.subarray(0, Math.floor(rand() * bytes.length)); // truncation
      else if (kind === 1) damaged = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 300) }, () => Math.floor(rand() * 256))); // random bytes
      else if (kind === 2) {
        for (let k = 0; k < 8; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256); // flipped bytes
        damaged = bytes;
      } else if (kind === 3) damaged = Buffer.concat([bytes.subarray(0, bytes.length >> 1), gbk, bytes.subarray(bytes.length >> 1)]); // mixed encodings
      else damaged = Buffer.from(JSON.stringify({ Transcript: [{ Content: 1, ParticipantRole: null }], segments: 'x' })); // wrong shapes
      const outcome = parseCallBytes(damaged, `fuzz-${i}.txt`);
      if (outcome.ok) {
        expect(() => evaluateCall(outcome.call, loaded.ruleset)).not.toThrow();
        scored++;
      } else {
        expect(outcome.error.message.length).toBeGreaterThan(0);
        rejected++;
      }
    }
    expect(scored + rejected).toBe(1000);
    expect(scored).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  it('lists a binary file and a 1 MB single line, survives a directory symlink loop', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'loop'), { recursive: true });
    try {
      // A directory symlink loop: the walk must not follow it.
      symlinkSync(join(dir, 'in'), join(dir, 'in', 'loop', 'back'));
    } catch {
      // symlinks not permitted here: the other inputs still prove the point
    }
    writeFileSync(join(dir, 'in', 'oneline.txt'), `坐席：您好${'请问'.repeat(500_000)}\n客户：好。\n`);
    writeFileSync(join(dir, 'in', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
    const r = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.status).toBe(1);
    const errors = readCsv(join(dir, 'out', 'errors.csv')).rows;
    expect(errors.some((e) => e.file?.endsWith('binary.txt') && /binary/.test(e.message ?? ''))).toBe(true);
    // A million characters in one line is a broken export, not speech: refused, with its line.
    expect(errors.find((e) => e.file?.endsWith('oneline.txt'))?.message).toMatch(/^line 1: dialogue too long: 1,000,0\d\d characters/);
    expect(existsSync(join(dir, 'out', 'scorecards'))).toBe(true);
  });

  it('refuses a 200 MB transcript and a 10 MB line with a row each, and scores the rest', () => {
    const dir = tempDir();
    writeCalls(join(dir, 'in'), 3, 11);
    // Sparse: 200 MB on paper, nothing on disk.
    const huge = join(dir, 'in', 'huge.txt');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 200 * 1024 * 1024);
    writeFileSync(join(dir, 'in', 'ten-mb-line.txt'), `坐席：${'您好'.repeat(5 * 1024 * 1024 / 2)}\n`);
    const r = callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet']);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.status).toBe(1);
    const errors = readCsv(join(dir, 'out', 'errors.csv')).rows.filter((e) => e.severity === 'error');
    expect(errors.map((e) => [e.file?.slice(dir.length + 4), e.stage, e.message])).toEqual([
      ['huge.txt', 'read', 'file too large (200 MB; the limit is 50 MB)'],
      ['ten-mb-line.txt', 'parse', 'line 1: dialogue too long: 5,242,880 characters (the limit is 200,000); a broken export, not a call'],
    ]);
    const run = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8'));
    expect([run.inputs, run.scored, run.errors, run.complete]).toEqual([5, 3, 2, true]);
  });

  it('audits 100,000 files in one folder: every one scored or listed', () => {
    const dir = tempDir();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true })); // 100,000 files: not left in /tmp
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    const call = makeCall(prng(5), 0, undefined, 800);
    // One real call in a hundred; the rest are empty files, each of which must get its row.
    for (let i = 0; i < 100_000; i++) writeFileSync(join(inDir, `c${String(i).padStart(6, '0')}.txt`), i % 100 === 0 ? call : '');
    // More paths than are kept in memory: the list is sorted on disk, in TMPDIR, and removed after.
    const scratch = join(dir, 'scratch');
    mkdirSync(scratch);
    const r = callqa(['audit', inDir, '--out', join(dir, 'out'), '--quiet'], ROOT, { TMPDIR: scratch });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(scratch)).toEqual([]);
    const run = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8'));
    expect([run.inputs, run.scored, run.errors, run.complete]).toEqual([100_000, 1_000, 99_000, true]);
    const errors = readCsv(join(dir, 'out', 'errors.csv')).rows.filter((e) => e.severity === 'error');
    expect(errors).toHaveLength(99_000);
    expect(new Set(errors.map((e) => e.message))).toEqual(new Set(['empty file']));
    // A temp folder that cannot be written: exit 3 with a message, the report as it was.
    const before = readFileSync(join(dir, 'out', 'errors.csv'));
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const failed = callqa(['audit', inDir, '--out', join(dir, 'out'), '--quiet'], ROOT, { TMPDIR: notAFolder });
    expect(failed.status).toBe(3);
    expect(failed.stderr).toMatch(/^callqa: error: cannot write temporary files in .*not-a-folder .*set TMPDIR to another folder.*; no report written, the previous one is unchanged\n$/);
    expect(readFileSync(join(dir, 'out', 'errors.csv'))).toEqual(before);
    // The other commands that list inputs say the same, and exit 3 too.
    const sampled = callqa(['sample', inDir, '-n', '1', '-s', 'x', '-o', join(dir, 'list.txt')], ROOT, { TMPDIR: notAFolder });
    expect([sampled.status, sampled.stderr]).toEqual([3, expect.stringMatching(/^callqa: error: cannot write temporary files in .*not-a-folder .*: /)]);
    expect(existsSync(join(dir, 'list.txt'))).toBe(false);
  }, 180_000);
});

describe('worker threads that cannot start', () => {
  const dir = tempDir();
  writeCalls(join(dir, 'in'), 200, 31);
  const run = (out: string, env: Record<string, string> = {}, jobs = '2') => callqa(['audit', join(dir, 'in'), '--out', join(dir, out), '--quiet', '--jobs', jobs], ROOT, env);
  let reference: Map<string, Buffer>;
  beforeAll(() => {
    expect(run('ref', {}, '1').status).toBe(0);
    reference = reportBytes(join(dir, 'ref'));
  });

  it('blame no file: the calls are scored in this thread, with a warning and a note in run.json', () => {
    const r = run('always', { CALLQA_TEST_WORKER_START_FAIL: 'always' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^callqa: warning: worker threads could not start \(exit code 98\); scored in one thread$/m);
    expect(reportBytes(join(dir, 'always'))).toEqual(reference);
    const facts = JSON.parse(readFileSync(join(dir, 'always', 'run.json'), 'utf8'));
    expect([facts.scored, facts.errors, facts.jobs, facts.workers_failed]).toEqual([200, 0, 1, 'exit code 98']);
  }, 60_000); // 200 calls on one thread: past 30 s on a loaded 2-core machine

  it('one that fails once is replaced, and its batches are scored by the next', () => {
    const token = join(dir, 'fail-once');
    writeFileSync(token, '');
    const r = run('once', { CALLQA_TEST_WORKER_START_FAIL: token });
    expect(existsSync(token)).toBe(false); // a worker did fail
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(reportBytes(join(dir, 'once'))).toEqual(reference);
    const facts = JSON.parse(readFileSync(join(dir, 'once', 'run.json'), 'utf8'));
    expect([facts.scored, facts.errors, facts.jobs, facts.workers_failed]).toEqual([200, 0, 2, undefined]);
  });
});

describe('a worker that dies', () => {
  it('costs only the file that killed it: the rest of its batch is scored, that file is listed', () => {
    const dir = tempDir();
    writeCalls(join(dir, 'in'), 200, 21);
    writeFileSync(join(dir, 'in', 'c0100-poison.txt'), readFileSync(join(dir, 'in', 'c0100.txt')));
    const r = spawnSync(process.execPath, [BIN, 'audit', join(dir, 'in'), '--out', join(dir, 'out'), '--jobs', '2', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, CALLQA_TEST_WORKER_CRASH_ON: 'poison' },
    });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.status).toBe(1);
    const run = JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run).toMatchObject({ inputs: 201, scored: 200, errors: 1, complete: true });
    const failed = readCsv(join(dir, 'out', 'errors.csv')).rows.filter((e) => e.severity === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.file).toMatch(/c0100-poison\.txt$/);
    expect(failed[0]?.message).toMatch(/worker crashed on this file/);
  });
});
