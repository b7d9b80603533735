/**
 * Front-matter helpers rewritten for speed (scalars told by their first character), held to the
 * forms they replaced.
 */
import { describe, expect, it } from 'vitest';
import { coreScalar, parseFrontMatter } from '../../src/readers/plain-meta.js';

function referenceScalar(source: string): unknown {
  if (source === '' || source === '~' || /^(null|Null|NULL)$/.test(source)) return null;
  if (/^(true|True|TRUE)$/.test(source)) return true;
  if (/^(false|False|FALSE)$/.test(source)) return false;
  if (/^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(source)) return Number(source);
  return source;
}


describe('front matter, exactly as before', () => {
  it.each([
    '', '~', 'null', 'Null', 'NULL', 'nULL', 'none', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'no',
    '0', '0128', '-1', '+1', '.5', '5.', '-.5e3', '1e5', '1E+5', '1e', '.', '-', '+', '2026-10-01', 'A109', 'BENCH-0001',
    'inbound', '呼入', 'nan', '.inf', '0x1F', '1_000', ' 1', '李雷',
  ])('reads the scalar %j as before', (source) => {
    expect(coreScalar(source)).toStrictEqual(referenceScalar(source));
  });

  it.each([
    ['---', true],
    ['---  ', true],
    ['---\t\u3000', true],
    ['--- x', false],
    ['----', false],
    [' ---', false],
    ['--', false],
  ])('%j closes the front matter: %s', (delimiter, closes) => {
    const lines = ['---', 'call_id: 7', delimiter, '坐席：您好'];
    if (closes) expect(parseFrontMatter(lines, [])).toEqual({ meta: { call_id: '7' }, bodyStart: 3 });
    else expect(() => parseFrontMatter(lines, [])).toThrow();
  });
});

describe('front matter keys', () => {
  it('reads the names call logs use for a field, and warns at its line about a key one slip from a field', () => {
    const warnings: { message: string; line?: number }[] = [];
    const lines = ['---', 'hung_up_by: customer', '挂机方: 客户', 'Ring-S: 12', 'queue_id: Q7', '---', '坐席：您好'];
    const { meta } = parseFrontMatter(lines, warnings);
    expect(meta).toEqual({ hung_up_by: 'customer', hangup_by: 'customer', ring_s: 12, queue_id: 'Q7' });
    expect(warnings).toEqual([{ line: 2, message: 'front matter "hung_up_by" is no field callqa reads (did you mean hangup_by?); kept as custom metadata' }]);
  });
});
