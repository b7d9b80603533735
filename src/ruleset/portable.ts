/**
 * A ruleset already read, parsed and validated in the main thread, in a form that crosses into a
 * worker thread (structured clone): the worker only compiles it. Reading the YAML and running
 * the schema validator again cost each worker ~0.3 s of start-up, which the whole audit waited
 * for (measured on the bench: worker ready 0.6 s → see README, Speed).
 */
import { compileRuleset } from './compile.js';
import type { CompiledRuleset } from './compiled.js';
import type { LoadedRuleset } from './load.js';
import { nameTables } from './names.js';
import type { RulesetSpec } from './spec.js';

export interface PortableRuleset {
  spec: RulesetSpec;
  ruleFiles: LoadedRuleset['ruleFiles'];
  text: string;
}

/** A copy of what the compiler reads, taken before compiling (so nothing it might add leaks in). */
export function toPortable(loaded: LoadedRuleset): PortableRuleset {
  return structuredClone({ spec: loaded.spec, ruleFiles: loaded.ruleFiles, text: loaded.text });
}

/**
 * Compile a ruleset the main thread has loaded and compiled without errors. Problems are not
 * located (no YAML source maps cross threads): the main thread has reported them already.
 */
export function compilePortable(portable: PortableRuleset): CompiledRuleset {
  // Structured clone gives the name tables Object.prototype back: take it away again.
  const spec: RulesetSpec = { ...portable.spec, ...nameTables(portable.spec) };
  const compiled = compileRuleset({ spec, ruleFiles: portable.ruleFiles, text: portable.text, sources: new Map(), parts: [] });
  if (!compiled.ok) throw new Error(`the ruleset did not compile in a worker: ${compiled.problems[0]?.message ?? 'unknown problem'}`);
  return compiled.ruleset;
}
