/** A one-rule ruleset around `dead_air` (10 s), with the options under test, for the dead-air option tests. */
import type { CompiledRuleset } from '../../src/ruleset/index.js';
import { rulesetOf } from '../engine/rule-helpers.js';

const HOLDS = 'thresholds: { hold_min_s: 10 }\nlexicons: { hold_announce: [稍等] }\n';

/** `options`: YAML flow-map entries after max_s, e.g. `goodbye: [再见]`; '' for none. */
export function deadAirRuleset(options: string): CompiledRuleset {
  return rulesetOf(
    `  - id: hold.no-dead-air
    category: conduct
    title: dead air
    points: 1
    dead_air: { max_s: 10${options ? `, ${options}` : ''} }
`,
    HOLDS,
  );
}
