import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/index.js';
import { compilePortable } from '../../src/ruleset/portable.js';
import { readCallFile } from '../../src/readers/index.js';
import { evaluateCall } from '../../src/engine/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/calls');
const RULESETS = [DEFAULT_RULESET, DEFAULT_RULESET.replace('standard.yaml', 'xiongshi.yaml')];

describe('a ruleset handed to a worker thread (compiled there without reading the YAML again)', () => {
  it.each(RULESETS)('scores every fixture call exactly as the main thread does (%s)', (file) => {
    const loaded = loadRuleset(file);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    // What crosses into a worker: a structured clone.
    const inWorker = compilePortable(structuredClone(loaded.portable));
    expect(inWorker.sha256).toBe(loaded.ruleset.sha256);
    expect(inWorker.rules.map((r) => r.id)).toEqual(loaded.ruleset.rules.map((r) => r.id));
    const calls = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
    expect(calls.length).toBeGreaterThan(10);
    for (const name of calls) {
      const read = readCallFile(join(FIXTURES, name));
      if (!read.ok) throw new Error(`${name} does not read`);
      expect(evaluateCall(read.call, inWorker), name).toStrictEqual(evaluateCall(read.call, loaded.ruleset));
    }
  });

  it('gives the name tables no prototype again, so a name like "constructor" stays unknown', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the default ruleset does not load');
    const cloned = structuredClone(loaded.portable);
    expect(Object.getPrototypeOf(cloned.spec.lexicons)).toBe(Object.prototype); // what the clone does
    const spec = compilePortable(cloned).spec;
    for (const table of [spec.lexicons, spec.variables, spec.thresholds, spec.weights]) expect(Object.getPrototypeOf(table)).toBeNull();
  });

  it('is a copy taken before compiling: later changes to the loaded spec do not reach workers', () => {
    const loaded = loadRuleset(DEFAULT_RULESET);
    if (!loaded.ok) throw new Error('the default ruleset does not load');
    expect(loaded.portable.spec).not.toBe(loaded.ruleset.spec);
    expect(loaded.portable.spec.rules).toEqual(loaded.ruleset.spec.rules);
  });
});
