import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globals: false,
    testTimeout: 30_000,
    // Set-up hooks run the real bin/ several times (audit-month, diff): as long as a test may take, twice.
    hookTimeout: 60_000,
    pool: 'forks',
    // One temporary root for the run, removed at its end (tests/temp-root.ts).
    globalSetup: ['tests/temp-root.ts'],
  },
});
