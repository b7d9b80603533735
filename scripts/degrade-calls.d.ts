/** Types for the ASR degradation generator (plain JS so it runs without a build). */
export interface DegradeEdit {
  /** 1-based turn. */
  turn: number;
  kind: 'drop' | 'homophone' | 'nin';
  /** Index of the edit in the degraded turn's words (for a drop: where the character was). */
  at: number;
  /** Index of the edited character in the clean turn's words. */
  cleanAt: number;
  before: string;
  after: string;
}
export const HOMOPHONES: Array<[string, string]>;
export const KINDS: Array<'drop' | 'homophone' | 'punct' | 'nin' | 'mixed'>;
export function seedOf(name: string, kind: string): number;
export function degradeCall(text: string, kind: string, seed: number): { text: string; edits: DegradeEdit[] };
export function degradeDir(cleanDir: string, outDir: string): string[];
