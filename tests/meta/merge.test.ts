import { describe, expect, it } from 'vitest';
import { mergeMeta } from '../../src/meta/merge.js';
import { loadManifest } from '../../src/meta/manifest.js';
import { compileNamePattern } from '../../src/meta/name-pattern.js';
import { readCallFile } from '../../src/readers/index.js';

describe('mergeMeta', () => {
  it('front matter wins, the manifest then the file name fill gaps, and a disagreement is named', () => {
    const file = 'fixtures/meta/A129_20261013_C002.txt';
    const read = readCallFile(file);
    if (!read.ok) throw new Error(read.error.message);
    const manifest = loadManifest('fixtures/meta/calls.csv');
    if (!manifest.ok) throw new Error(manifest.message);
    const pattern = compileNamePattern('{agent_id}_{date}_{call_id}');
    if (!pattern.ok) throw new Error(pattern.message);

    const { meta, conflicts } = mergeMeta([
      { name: 'front matter', meta: read.call.meta },
      { name: 'manifest', meta: manifest.manifest.lookup('C002', file) },
      { name: 'file name', meta: pattern.match(file) },
    ]);
    expect(meta).toEqual({
      call_id: 'C002',
      agent_id: 'A128',
      date: '2026-10-13',
      ring_s: 3,
      direction: 'outbound',
      agent_name: '李娜',
      started_at: '10:02:00',
      queue_s: 0,
      hangup_by: 'agent',
      transferred: true,
    });
    // Manifest date 20261013, ring_s "3" and 呼出 are equal after coercion: no conflict for them.
    expect(conflicts).toEqual(['agent_id: front matter says A128, manifest says A129', 'agent_id: front matter says A128, file name says A129']);
  });

  it('lets a later source fill only missing keys', () => {
    const { meta, conflicts } = mergeMeta([
      { name: 'front matter', meta: { call_id: 'C1', ring_s: undefined, agent_name: '' } },
      { name: 'manifest', meta: undefined },
      { name: 'file name', meta: { call_id: 'C1', ring_s: 9, agent_name: '王芳' } },
    ]);
    expect(meta).toEqual({ call_id: 'C1', ring_s: 9, agent_name: '王芳' });
    expect(conflicts).toEqual([]);
  });

  it('compares after coercion: numbers, dates and booleans in other spellings are equal', () => {
    const { conflicts } = mergeMeta([
      { name: 'front matter', meta: { ring_s: 12, date: '2026-10-01', transferred: false, hangup_by: 'customer', region: 'HK' } },
      { name: 'manifest', meta: { ring_s: '12.0', date: '20261001', transferred: '否', hangup_by: '客户', region: 'hk' } },
    ]);
    expect(conflicts).toEqual([]);
  });

  it('a value kept only because it cannot be read gives way to a later one that can, and says so', () => {
    // A converter wrote the telephony code, the call log the word: the call is outbound, not unknown.
    const { meta, conflicts, readable } = mergeMeta([
      { name: 'front matter', meta: { direction: '2', region: '华东', hangup_by: 'agent' } },
      { name: 'manifest', meta: { direction: 'outbound', region: 'CN', hangup_by: '系统' } },
    ]);
    expect(meta).toEqual({ direction: 'outbound', region: 'CN', hangup_by: 'agent' });
    expect(readable).toEqual(['direction: front matter says 2, manifest says outbound', 'region: front matter says 华东, manifest says CN']);
    // a readable value is never replaced by an unreadable one
    expect(conflicts).toEqual(['hangup_by: front matter says agent, manifest says 系统']);
  });

  it('keeps ids as text and reports each differing value', () => {
    const { meta, conflicts } = mergeMeta([
      { name: 'front matter', meta: { agent_id: '0128', transferred: true, ring_s: 3 } },
      { name: 'manifest', meta: { agent_id: '128', transferred: 'no', ring_s: 3.5 } },
    ]);
    expect(meta).toEqual({ agent_id: '0128', transferred: true, ring_s: 3 });
    expect(conflicts).toEqual([
      'agent_id: front matter says 0128, manifest says 128',
      'transferred: front matter says true, manifest says no',
      'ring_s: front matter says 3, manifest says 3.5',
    ]);
  });
});
