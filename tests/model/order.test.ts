import { describe, expect, it } from 'vitest';
import { sortShort } from '../../src/model/order.js';
import { prng } from '../../src/workflow/prng.js';

describe('sortShort (the hot path\'s allocation-free sort)', () => {
  it('orders 5,000 random short lists exactly as the stable Array.prototype.sort does', () => {
    const random = prng(7);
    for (let n = 0; n < 5000; n++) {
      // Few distinct keys, so ties are common and stability is really tested.
      const list = Array.from({ length: Math.floor(random() * 12) }, (_, id) => ({ start: Math.floor(random() * 4), end: Math.floor(random() * 4), id }));
      const byStartLongestFirst = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || b.end - a.end;
      const expected = list.slice().sort(byStartLongestFirst);
      const sorted = sortShort(list, byStartLongestFirst);
      expect(sorted).toBe(list); // in place
      expect(sorted.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    }
  });
});
