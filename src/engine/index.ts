export { evaluateCall, evaluateRule, judgeCall } from './evaluate.js';
export { prepareCall, type PreparedCall } from './prepare.js';
export { UNKNOWN_AGENT, agentIdOf, round1 } from './score.js';
export type { CallResult, RuleResult, Evidence, Verdict, CheckOutcome, CategoryScore } from './result.js';
