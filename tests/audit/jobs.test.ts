/** How many threads an audit uses: never more than the files need, nor four per core. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { effectiveJobs } from '../../src/audit/pool.js';

describe('effectiveJobs', () => {
  const cap = Math.max(4, 4 * availableParallelism());

  it('a handful of files runs in this thread, whatever --jobs asks', () => {
    expect(effectiveJobs(1000, 17)).toBe(1);
    expect(effectiveJobs(2, 100)).toBe(1);
  });

  it('one thread per 64 files, up to --jobs', () => {
    expect(effectiveJobs(2, 128)).toBe(2);
    expect(effectiveJobs(2, 1_000_000)).toBe(2);
  });

  it('--jobs 1000 on a big month: four threads per core, not a thousand', () => {
    expect(effectiveJobs(1000, 1_000_000)).toBe(cap);
  });
});
