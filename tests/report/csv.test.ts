import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvHeader, csvLine } from '../../src/report/csv.js';

const back = (line: string): string[] => (parse(line) as string[][])[0] ?? [];

describe('csvLine', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 and reads back unchanged', () => {
    const values = ['您好，请问', 'he said "hi"', 'line1\nline2', 'a,b', '普通'];
    const line = csvLine(values);
    expect(line).toBe('您好，请问,"he said ""hi""","line1\nline2","a,b",普通\n');
    expect(back(line)).toEqual(values);
  });

  it.each(['=1+1', '+86 138', '-再见', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","点我")'])('neutralises a formula start: %j', (text) => {
    expect(back(csvLine([text]))).toEqual([`'${text}`]);
  });

  it('leaves text that only contains formula characters alone', () => {
    expect(back(csvLine(['总价=100', 'a-b', 'x@y.com']))).toEqual(['总价=100', 'a-b', 'x@y.com']);
  });

  it('writes our numbers as numbers and booleans as words, empty for missing', () => {
    expect(csvLine([87.5, -1, 0, true, false, undefined, null, Number.NaN])).toBe("87.5,-1,0,true,false,,,\n");
  });

  it('keeps ids of 12+ digits as text for Excel, only in id columns', () => {
    const id = '2026100100012345678';
    expect(back(csvLine([id, id], [0]))).toEqual([`="${id}"`, id]);
    expect(back(csvLine(['12345678901'], [0]))).toEqual(['12345678901']);
    expect(back(csvLine(['-007'], [0]))).toEqual(["'-007"]);
  });

  it.each(['00789', '1E5', '2e10', '1.50', '3.', '1,000', '50%', '1-2', '10/15/2026', '2026/10/15', '2026-10-15', '10:30', '12:30:45'])(
    'keeps the id %s as text: Excel would turn it into a different number, a date or a time',
    (id) => {
      expect(back(csvLine([id, id], [0]))).toEqual([`="${id}"`, id]);
    },
  );

  it.each(['789', '12345678901', 'A0789', 'E5', '1.5', '2026-10-0101', 'CALL-1', '0'])('leaves the id %s as it is', (id) => {
    expect(back(csvLine([id], [0]))).toEqual([id]);
  });

  it('a header starts with the BOM', () => {
    expect(csvHeader(['a', 'b'])).toBe(`${BOM}a,b\n`);
  });
});
