/**
 * The validators the build writes as standalone code (dist/ruleset/validators.generated.cjs, used by
 * bin/) accept and reject exactly what Ajv compiling the schemas at run time does (used by these
 * tests, which run the sources), with the same errors: problems are worded from them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileValidators, schemasHash, type Validators } from '../../src/ruleset/validators.js';
import { ROOT } from '../e2e/helpers.js';

const generated = createRequire(import.meta.url)(join(ROOT, 'dist/ruleset/validators.generated.cjs')) as Validators & { hash: string };
const compiled = compileValidators();

const rulesetFiles = fg.sync(['rulesets/*.yaml', 'fixtures/rulesets/**/*.yaml'], { cwd: ROOT }).sort();
const partFiles = fg.sync('rulesets/*/**/*.yaml', { cwd: ROOT }).sort();
const read = (file: string): unknown => {
  try {
    return parse(readFileSync(join(ROOT, file), 'utf8'));
  } catch {
    return undefined; // a broken fixture that is no YAML: the schema never sees it
  }
};

/** Each validator's verdict and errors on the data (JSON: the errors hold the schema objects by value). */
const run = (v: Validators, kind: keyof Validators, data: unknown): string => {
  const ok = v[kind](data);
  return JSON.stringify({ ok, errors: v[kind].errors ?? null });
};

// Rulesets made wrong in the ways the schema must catch, at every depth.
const BROKEN: unknown[] = [
  { name: 'x', version: 1, pass_mark: 80 },
  { name: 'x', version: 1, pass_mark: 180, weights: { opening: -1 }, colour: 'red' },
  { name: 'x', version: 1, pass_mark: 80, weights: { opening: 1 }, rules: [{ id: 'a', category: 'opening', title: 't', points: 'five', require: { speaker: 'robot' } }] },
  { name: 'x', version: 1, pass_mark: 80, weights: { opening: 1 }, rules: [{ id: 'a', category: 'opening', title: 't', points: 1, when: { direction: 'sideways', said: { phrases: 3 } }, forbid: {} }] },
  { name: 'x', version: 1, pass_mark: 80, weights: { opening: 1 }, rules: [{ id: 'a', category: 'opening', title: 't', points: 1, require: { speaker: 'agent', any: ['您好'] }, examples: [{ verdict: 'maybe' }] }] },
  [],
  'rules',
];

describe('the generated schema validators', () => {
  it('were made from the schemas this code builds (`npm run build` is current)', () => {
    expect(generated.hash).toBe(schemasHash());
  });

  it('give the compiled validators\' verdict and errors on every bundled and fixture ruleset', () => {
    expect(rulesetFiles.length).toBeGreaterThan(20);
    for (const file of rulesetFiles) expect(run(generated, 'ruleset', read(file)), file).toBe(run(compiled, 'ruleset', read(file)));
  });

  it('and on every part, and on rulesets and parts broken at every depth', () => {
    expect(partFiles.length).toBeGreaterThan(30);
    for (const file of partFiles) expect(run(generated, 'part', read(file)), file).toBe(run(compiled, 'part', read(file)));
    for (const data of BROKEN) {
      const verdict = run(compiled, 'ruleset', data);
      expect(JSON.parse(verdict).ok, JSON.stringify(data)).toBe(false);
      expect(run(generated, 'ruleset', data)).toBe(verdict);
      expect(run(generated, 'part', data)).toBe(run(compiled, 'part', data));
    }
  });
});
