/**
 * A write to a filling disk may take only part of the bytes and report it by its count, not by
 * an error. Simulated here (every write takes at most 7 bytes): the report must still hold every
 * byte, or the last piece of a file would be lost without a word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (fd: number, data: string | Uint8Array, offset?: number, length?: number) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const start = typeof data === 'string' ? 0 : (offset ?? 0);
      const end = typeof data === 'string' ? bytes.length : start + (length ?? bytes.length - start);
      return fs.writeSync(fd, bytes, start, Math.min(7, end - start));
    },
  };
});

const { createReportWriter } = await import('../../src/report/index.js');
const { sampleCalls } = await import('./calls.js');
const { readCsv, tempDir, testRuleset } = await import('./helpers.js');

describe('short writes', () => {
  it('every output is whole: findings, errors (also sorted on disk) and run.json', () => {
    const out = join(tempDir(), 'r');
    const writer = createReportWriter(out, { ruleset: testRuleset(), rulesetFile: 'r.yaml', mask: true, toolVersion: '0.1.0', spillRows: 3 });
    const calls = sampleCalls();
    for (const call of calls) writer.addCall({ ...call, encoding: 'gb18030' });
    for (let i = 0; i < 10; i++) writer.addError({ file: `calls/${9 - i}.txt`, severity: 'warning', stage: 'meta', message: `第${i}个 no agent_id` });
    writer.finish({ inputs: 15, scored: 5, errors: 10, warnings: 10, startedAt: new Date(0), finishedAt: new Date(0) });
    expect(readCsv(join(out, 'findings.csv')).rows.length).toBeGreaterThanOrEqual(calls.length);
    expect(readCsv(join(out, 'errors.csv')).records.map((r) => r[0])).toEqual(Array.from({ length: 10 }, (_, i) => `calls/${i}.txt`));
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { decoded_from_legacy_encodings: unknown[] };
    expect(run.decoded_from_legacy_encodings).toHaveLength(calls.length);
  });
});
