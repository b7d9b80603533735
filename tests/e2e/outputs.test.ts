// End to end: what callqa may overwrite. `--out DIR` only ever replaces an empty folder or an
// earlier report; the single-file outputs (`audit --html FILE`, `sample --out FILE`) only a file
// callqa wrote before — never a transcript or another input — and a run that fails leaves the
// previous report as it was. `--previous` with a damaged report is a one-line usage error.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, exists, readCsv, ROOT, tempDir } from './helpers.js';

const CALL = '01-model-enquiry.txt';
const STACK = /at .*\.js:\d+|Unhandled|node:events/;

/** A folder `in/` holding a copy of fixtures/calls, and the bytes of one transcript. */
function month(): { dir: string; input: string; transcript: string; original: Buffer } {
  const dir = tempDir();
  const input = join(dir, 'in');
  cpSync(join(ROOT, 'fixtures/calls'), input, { recursive: true });
  const transcript = join(input, CALL);
  return { dir, input, transcript, original: readFileSync(transcript) };
}

/** Every file under `dir` with its bytes: to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path).toString('base64');
  }
  return out;
}

describe('--previous with a damaged earlier report', () => {
  let m: ReturnType<typeof month>;
  let prev: string;
  beforeAll(() => {
    m = month();
    prev = join(m.dir, 'prev');
    expect(callqa(['audit', m.input, '--out', prev, '-j', '1']).status).toBe(0);
    expect(readCsv(join(prev, 'findings.csv')).rows.length).toBeGreaterThan(0);
  });

  for (const [what, damage, message] of [
    ['missing', (f: string) => rmSync(f), /--previous: .*findings\.csv does not exist: nothing written/],
    ['a folder', (f: string) => (rmSync(f), mkdirSync(f)), /--previous: .*findings\.csv is a folder, not a file: nothing written/],
    ['not CSV', (f: string) => writeFileSync(f, 'a,b\n"x,1\n'), /--previous: .*findings\.csv is not valid CSV/],
  ] as const) {
    it(`findings.csv ${what}: one line naming the file, exit 2, nothing written`, () => {
      const findings = join(prev, 'findings.csv');
      rmSync(findings, { recursive: true, force: true });
      cpSync(join(prev, 'summary.csv'), findings); // any file, then damaged
      damage(findings);
      const out = join(m.dir, `x-${what.replace(/\W/g, '')}`);
      const r = callqa(['audit', m.input, '--out', out, '--previous', prev, '-j', '1']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(exists(out)).toBe(false);
    });
  }
});
