/** Types for the benchmark's synthetic-month generator (plain JS so the bench runs without a build). */
export function prng(seed: number): () => number;
export function makeCall(rand: () => number, i: number, toTraditional?: (s: string) => string, targetBytes?: number): string;
export function writeMonth(dir: string, count: number, seed?: number): string;
