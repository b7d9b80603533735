/** @fileoverview Golden checks: a ruleset's verdicts against hand-labelled ones (`callqa check`). */
export { parseExpected, type ExpectedRow, type ExpectedFile, type RowProblem } from './expected.js';
export { compareVerdicts, type Agreement, type Disagreement, type RuleAgreement } from './agreement.js';
export { formatAgreement, type CheckTextOptions } from './format.js';
