/** Score a timing fixture (simplified or its traditional twin) with the default ruleset. */
import { join, resolve } from 'node:path';
import { evaluateCall, type RuleResult } from '../../src/engine/index.js';
import type { Call } from '../../src/model/call.js';
import { readCallFile } from '../../src/readers/index.js';
import { DEFAULT_RULESET, loadRuleset, type CompiledRuleset } from '../../src/ruleset/index.js';

export const TIMING = resolve(import.meta.dirname, '../../fixtures/timing');
export const SCRIPTS = [
  { script: 'simplified', dir: TIMING },
  { script: 'traditional', dir: join(TIMING, 'traditional') },
] as const;

let standard: CompiledRuleset | undefined;

export function rulesetAt(file: string): CompiledRuleset {
  const loaded = loadRuleset(file);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return loaded.ruleset;
}

export function standardRuleset(): CompiledRuleset {
  return (standard ??= rulesetAt(DEFAULT_RULESET));
}

export function readFixture(dir: string, name: string): Call {
  const read = readCallFile(join(dir, `${name}.txt`));
  if (!read.ok) throw new Error(read.error.message);
  return read.call;
}

/** Rule results by id; `change` edits the call first (metadata a manifest would add, a hold event). */
export function score(dir: string, name: string, change?: (call: Call) => void, ruleset = standardRuleset()): Record<string, RuleResult> {
  const call = readFixture(dir, name);
  change?.(call);
  const result = evaluateCall(call, ruleset);
  return Object.fromEntries(result.rules.map((r) => [r.ruleId, r]));
}

/** "role:turn" for each evidence item, to check which utterances a verdict rests on. */
export function turns(r: RuleResult | undefined): string[] {
  return (r?.evidence ?? []).map((e) => `${e.role ?? ''}:${e.turn}`);
}

export const TIMING_RULES = ['hold.ask-permission', 'hold.check-back', 'hold.thank-after', 'hold.no-dead-air', 'conduct.speech-rate', 'conduct.no-interrupt'];
