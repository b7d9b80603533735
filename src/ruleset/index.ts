/**
 * The ruleset room's public face: load + validate + compile, with every problem located.
 */
import { fileURLToPath } from 'node:url';
import { compileRuleset } from './compile.js';
import { loadRulesetFile, loadRulesetText, type LoadResult } from './load.js';
import type { CompiledRuleset } from './compiled.js';
import type { RulesetProblem } from './problems.js';
import { toPortable, type PortableRuleset } from './portable.js';

export type {
  CompiledRuleset,
  CompiledRule,
  CompiledCheck,
  CompiledPhrase,
  PhraseSet,
  PhrasesExcept,
  CompiledSaid,
  CompiledWhen,
  AskedFor,
  RequireCheck,
  ForbidCheck,
  CompiledAim,
  RespondCheck,
} from './compiled.js';
export type { RulesetProblem } from './problems.js';
export { formatProblem } from './problems.js';
export type { PortableRuleset } from './portable.js';
export type { RulesetSpec, RuleSpec, ExampleSpec, ScopeSpec, SpeakerName } from './spec.js';

/** The bundled default ruleset (rulesets/standard.yaml at the package root). */
export const DEFAULT_RULESET = fileURLToPath(new URL('../../rulesets/standard.yaml', import.meta.url));

export type RulesetResult =
  /** `portable`: the same ruleset for worker threads to compile (src/ruleset/portable.ts). */
  | { ok: true; ruleset: CompiledRuleset; portable: PortableRuleset; problems: RulesetProblem[] }
  | { ok: false; problems: RulesetProblem[] };

export function loadRuleset(file: string): RulesetResult {
  return compileLoaded(loadRulesetFile(file));
}

export function loadRulesetFromText(text: string, file = '<inline>'): RulesetResult {
  return compileLoaded(loadRulesetText(text, file));
}

function compileLoaded(loaded: LoadResult): RulesetResult {
  if (!loaded.ok) return loaded;
  const portable = toPortable(loaded.ruleset);
  const compiled = compileRuleset(loaded.ruleset);
  if (!compiled.ok) return { ok: false, problems: [...loaded.problems, ...compiled.problems] };
  return { ok: true, ruleset: compiled.ruleset, portable, problems: [...loaded.problems, ...compiled.problems] };
}
