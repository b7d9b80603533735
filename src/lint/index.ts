/** @fileoverview The lint room's public face: lint rulesets, run their examples, format the results. */
export { lintRulesetFile, lintRulesetText, countProblems, sortProblems, type LintOptions, type LintResult } from './lint.js';
export { exampleAgrees, type ExampleOutcome, type RuleExamples } from './examples.js';
export { rulesetFiles } from './files.js';
export { FORMATTERS, getFormatter, type Formatter, type FormatOptions } from './format/index.js';
export { formatExamples, exampleTotals, type ExampleTotals } from './format/examples.js';
export { CATALOGUE_IDS, inCatalogue } from './catalogue.js';
