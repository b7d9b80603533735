/**
 * Front-matter helpers rewritten for speed (a date checked without a Date, scalars told by their
 * first character), held to the forms they replaced.
 */
import { describe, expect, it } from 'vitest';
import { coreScalar, parseFrontMatter, validDate } from '../../src/readers/plain-meta.js';

function referenceValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function referenceScalar(source: string): unknown {
  if (source === '' || source === '~' || /^(null|Null|NULL)$/.test(source)) return null;
  if (/^(true|True|TRUE)$/.test(source)) return true;
  if (/^(false|False|FALSE)$/.test(source)) return false;
  if (/^[-+]?(\d+|\d*\.\d+|\d+\.\d*)([eE][-+]?\d+)?$/.test(source)) return Number(source);
  return source;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('front matter, exactly as before', () => {
  it('judges dates as a Date.UTC round trip does (years 0-99 are 1900-1999; leap years; month and day bounds)', () => {
    const years = [
      ...Array.from({ length: 130 }, (_, i) => i),
      ...Array.from({ length: 230 }, (_, i) => 1890 + i),
      1600, 1700, 2400, 9996, 9999,
    ];
    const differ: string[] = [];
    for (const y of years) {
      for (let month = 0; month <= 14; month++) {
        for (let day = 0; day <= 33; day++) {
          const value = `${pad(y, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (validDate(value) !== referenceValidDate(value)) differ.push(value);
        }
      }
    }
    expect(differ).toEqual([]);
    for (const value of ['2026-1-01', '2026-10-01 ', '20261001', '2026/10/01', '２０２６-10-01', '']) {
      expect(validDate(value), value).toBe(referenceValidDate(value));
    }
  });

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
