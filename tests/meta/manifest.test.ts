import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifest, type Manifest, type ManifestProblem } from '../../src/meta/manifest.js';

const dir = 'fixtures/meta';

function load(): { manifest: Manifest; problems: ManifestProblem[] } {
  const result = loadManifest(`${dir}/calls.csv`);
  if (!result.ok) throw new Error(`fixture should load: ${result.message}`);
  return result;
}

describe('loadManifest', () => {
  it('reads a UTF-8 CSV with a BOM and coerces typed columns', () => {
    const { manifest } = load();
    // The BOM must not leak into the first header: call_id works as a key.
    expect(manifest.lookup('C001', 'whatever.txt')).toEqual({
      call_id: 'C001',
      agent_id: 'A128',
      agent_name: '王芳',
      direction: 'inbound',
      date: '2026-10-01',
      started_at: '09:15:30',
      ring_s: 12,
      queue_s: 30,
      hangup_by: 'customer',
      transferred: false,
    });
    const c002 = manifest.lookup('C002', '');
    expect(c002).toMatchObject({ direction: 'outbound', date: '2026-10-13', ring_s: 3, queue_s: 0, hangup_by: 'agent', transferred: true });
  });

  it('reports each bad cell with its CSV line and drops only that value', () => {
    const { manifest, problems } = load();
    const line4 = problems.filter((p) => p.line === 4).map((p) => p.message);
    expect(line4).toEqual([
      'direction "sideways" is not inbound or outbound (a telephony code? say what the codes mean with --direction-codes, e.g. 1=inbound,2=outbound); kept as written: the rules reading it are na',
      'date "2026-02-30" is not a date (YYYY-MM-DD); value ignored',
      'ring_s "abc" is not a number of seconds (also 5秒, 1分30秒, 00:01:30, 5000ms); value ignored',
      'hangup_by "boss" is not agent or customer; kept as written: the rules reading it are na',
      'transferred "maybe" is not true/false (also 1/0, yes/no, 是/否); kept as written: the rules reading it are na',
    ]);
    // Dropped, "maybe" would read as "no transfer record" and the closing rules be judged: kept, they are na.
    expect(manifest.lookup('C003', '')).toEqual({ call_id: 'C003', agent_id: 'A130', agent_name: '张伟', direction: 'sideways', hangup_by: 'boss', transferred: 'maybe' });
  });

  it('keeps the first of two rows with the same call_id and reports the second', () => {
    const { manifest, problems } = load();
    expect(problems).toContainEqual({ line: 5, message: 'call_id C001 is already on line 2; this row is ignored' });
    expect(manifest.lookup('C001', '')?.agent_id).toBe('A128');
  });

  it('matches by file name when the call_id is unknown, with or without extension', () => {
    const { manifest } = load();
    expect(manifest.lookup('nope', 'calls/A131_2026-10-10_C004.txt')).toMatchObject({ agent_id: 'A131', agent_name: '陈, 小明', ring_s: 8.5, transferred: true });
    expect(manifest.lookup('nope', 'C:\\calls\\A131_2026-10-10_C004.txt')?.agent_id).toBe('A131');
    // The manifest names the file without its extension; the transcript has one.
    expect(manifest.lookup('nope', 'in/B200_20261002_C005.json')?.agent_id).toBe('B200');
    // A different extension is a different file.
    expect(manifest.lookup('nope', 'A131_2026-10-10_C004.json')).toBeUndefined();
    expect(manifest.lookup('nope', 'unknown.txt')).toBeUndefined();
    // The file column is a locator, not metadata.
    expect(manifest.lookup('C001', '')).not.toHaveProperty('file');
  });

  it('prefers the call_id over the file name', () => {
    const { manifest } = load();
    expect(manifest.lookup('C002', 'A131_2026-10-10_C004.txt')?.agent_id).toBe('A129');
  });

  it('reports rows without a key, extra cells, and the start line of a multi-line row', () => {
    const { manifest, problems } = load();
    expect(problems).toContainEqual({ line: 9, message: 'row has neither a call_id nor a file; skipped' });
    expect(problems).toContainEqual({ line: 10, message: 'row has 12 cells but the header has 11; extra cells ignored' });
    expect(manifest.lookup('C006', '')).toMatchObject({ agent_name: '多行\n备注', transferred: false });
    expect(manifest.size).toBe(6);
    expect(problems).toHaveLength(8);
  });

  it('fails with a line on broken CSV, a header without keys, a missing file, and non-UTF-8 bytes', () => {
    const quote = loadManifest(`${dir}/bad-quote.csv`);
    expect(quote).toMatchObject({ ok: false, line: 2 });
    if (!quote.ok) expect(quote.message).toMatch(/^manifest is not valid CSV: .*quote/i);

    expect(loadManifest(`${dir}/no-key.csv`)).toEqual({
      ok: false,
      message: 'manifest header needs a call_id or a file column to match calls by',
      line: 1,
    });
    expect(loadManifest(`${dir}/missing.csv`)).toEqual({ ok: false, message: `manifest ${dir}/missing.csv does not exist` });
    const gbk = loadManifest(`${dir}/gbk.csv`);
    expect(gbk.ok).toBe(false);
    if (!gbk.ok) expect(gbk.message).toContain('is not UTF-8');
  });

  it('reads a field under the names people write for it, and names a column one slip from a field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-manifest-')), 'calls.csv');
    writeFileSync(file, 'call_id,Hang Up By,hung_up_by,queue_id\nC1,customer,agent,Q7\n');
    const result = loadManifest(file);
    if (!result.ok) throw new Error(result.message);
    expect(result.manifest.lookup('C1', '')).toEqual({ call_id: 'C1', hangup_by: 'customer', hung_up_by: 'agent', queue_id: 'Q7' });
    expect(result.problems).toEqual([{ line: 1, message: 'column 3 "hung_up_by" is no field callqa reads (did you mean hangup_by?); kept as custom metadata' }]);
  });
  it('matches a transcript by its recording\'s name in 录音文件 (C1.wav → C1.txt, C1.wav.json), unless two rows share the stem', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-manifest-')), 'calls.csv');
    writeFileSync(file, '录音文件,座席工号\nrec\\2026\\C1.wav,A128\nC2.wav,A129\nC2.mp3,A130\n');
    const loaded = loadManifest(file);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.manifest.lookup('C1', 'calls/C1.txt')?.agent_id).toBe('A128');
    expect(loaded.manifest.lookup('C1', 'calls/C1.wav.json')?.agent_id).toBe('A128');
    // C2.wav or C2.mp3: which one's transcript is C2.txt is a guess, so neither is taken
    expect(loaded.manifest.lookup('C2', 'calls/C2.txt')).toBeUndefined();
    expect(loaded.manifest.lookup('C2', 'calls/C2.mp3.json')?.agent_id).toBe('A130');
  });

  it('a transcript named in the log is that file: C004.txt is not the transcript C004.json', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-manifest-')), 'calls.csv');
    writeFileSync(file, 'file,agent_id\nC004.txt,A128\n');
    const loaded = loadManifest(file);
    expect(loaded.ok && loaded.manifest.lookup('C004', 'C004.json')).toBeUndefined();
  });

  it('skips the unnamed columns Excel leaves at the end of a sheet, warning when they hold values', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-manifest-')), 'calls.csv');
    writeFileSync(file, 'call_id,agent_id,,\nC1,A128,,\nC2,A129,,备注\n');
    const loaded = loadManifest(file);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.manifest.lookup('C2', '')).toEqual({ call_id: 'C2', agent_id: 'A129' });
    expect(loaded.problems).toEqual([{ line: 3, message: 'column 4 has no name in the header: its values are ignored' }]);
  });

  it('says why a sheet saved with ";" or tabs has no call_id column, and reads 是否节假日 as holiday', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callqa-manifest-'));
    writeFileSync(join(dir, 'semi.csv'), 'call_id;agent_id\nC1;A128\n');
    expect(loadManifest(join(dir, 'semi.csv'))).toMatchObject({ ok: false, message: 'manifest header needs a call_id or a file column to match calls by (the header is one column holding ";": save the file as CSV, comma-separated)' });
    writeFileSync(join(dir, 'none.csv'), 'agent_id,direction\nA128,inbound\n');
    expect(loadManifest(join(dir, 'none.csv'))).toMatchObject({ ok: false, message: 'manifest header needs a call_id or a file column to match calls by' });
    writeFileSync(join(dir, 'hol.csv'), 'call_id,是否节假日\nC1,是\n');
    const hol = loadManifest(join(dir, 'hol.csv'));
    expect(hol.ok && hol.manifest.lookup('C1', '')).toEqual({ call_id: 'C1', holiday: true });
  });

  it('names both columns when two headers read as one field (a row number "ID" and 通话ID)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-manifest-')), 'calls.csv');
    writeFileSync(file, 'ID,通话ID,座席工号\n1,C1,A128\n');
    expect(loadManifest(file)).toEqual({ ok: false, message: 'manifest header: columns 1 "ID" and 2 "通话ID" are both call_id; rename or remove one', line: 1 });
  });
});
