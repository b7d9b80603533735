/** Run the CLI in-process (`main`), capturing what it prints: for command tests that need no child process. */
import { main } from '../src/cli/index.js';
import type { Io } from '../src/cli/io.js';

export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(['node', 'callqa', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
