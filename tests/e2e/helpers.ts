/** Run the real bin/callqa and read its CSVs back with a CSV parser. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/callqa.js');

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function callqa(args: string[], cwd = ROOT, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'callqa-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Parse a report CSV: checks the BOM, returns rows as objects keyed by the header. */
export function readCsv(file: string): { header: string[]; rows: Record<string, string>[] } {
  const buf = readFileSync(file);
  if (!(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)) throw new Error(`${file} has no UTF-8 BOM`);
  const records = parse(buf.subarray(3).toString('utf8'), { relaxColumnCount: false }) as string[][];
  const [header = [], ...data] = records;
  return { header, rows: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

export function exists(file: string): boolean {
  return existsSync(file);
}
