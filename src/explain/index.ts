/** @fileoverview The explain room: one call and its verdicts, as text for a reviewer or JSON for tools. */
export { explainText, type ExplainOptions } from './text.js';
export { explainJson, EXPLAIN_SCHEMA, type ExplainJson } from './json.js';
export { maskExplained } from './mask.js';
