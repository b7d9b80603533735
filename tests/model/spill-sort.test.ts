import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillSort } from '../../src/model/spill-sort.js';
import { prng } from '../../src/workflow/prng.js';
import { tempDir } from '../report/helpers.js';

describe('SpillSort (external merge sort of report rows)', () => {
  it.each([1, 7, 100, 5000])('gives the order of a stable in-memory sort with %i rows a run', (limit) => {
    const random = prng(limit);
    const rows = Array.from({ length: 2000 }, (_, seq) => ({ key: Math.floor(random() * 50), text: `第${seq}行 "quoted" \\ \n`, seq }));
    const dir = join(tempDir(), 'runs');
    const sorter = new SpillSort<(typeof rows)[number]>(dir, (a, b) => a.key - b.key, limit);
    rows.forEach((row) => sorter.add(row));
    expect(sorter.size).toBe(2000);
    expect(existsSync(dir)).toBe(limit < 2000);
    expect([...sorter.sorted()]).toEqual(rows.slice().sort((a, b) => a.key - b.key)); // equal keys keep their order
    sorter.discard();
    expect(existsSync(dir)).toBe(false);
  });

  it('an empty sorter yields nothing and writes nothing', () => {
    const parent = tempDir();
    const sorter = new SpillSort<number>(join(parent, 'runs'), (a, b) => a - b, 1);
    expect([...sorter.sorted()]).toEqual([]);
    expect(readdirSync(parent)).toEqual([]);
  });
});
