/** Types for scripts/make-traditional.mjs (plain JS so it runs without a build). */
export const CALLS_DIR: string;
export const TRADITIONAL_DIR: string;
export function toTraditional(text: string, name: string): string;
export function traditionalFixtures(): Array<{ name: string; text: string }>;
