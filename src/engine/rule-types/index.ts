/**
 * The rule-type registry: one small module per check type (ESLint's rule modules). Adding a
 * type = a schema entry in src/ruleset/schema.ts, a compile step, and a module here.
 */
import type { CompiledCheck } from '../../ruleset/index.js';
import type { CheckOutcome } from '../result.js';
import type { CheckContext } from './context.js';
import { evaluateForbid } from './forbid.js';
import { evaluateRequire } from './require.js';
import { evaluateRespond } from './respond.js';
import { evaluateMetadata } from './metadata.js';
import { evaluatePending } from './pending.js';
import { evaluateHold } from './hold.js';
import { evaluateDeadAir } from './dead-air.js';
import { evaluateInterrupt } from './interrupt.js';
import { evaluateSpeechRate } from './speech-rate.js';
import { evaluateSilentCaller } from './silent-caller.js';

export type { CheckContext } from './context.js';

type Evaluators = { [K in CompiledCheck['type']]: (check: Extract<CompiledCheck, { type: K }>, ctx: CheckContext) => CheckOutcome };

const EVALUATORS: Evaluators = {
  require: evaluateRequire,
  forbid: evaluateForbid,
  respond: evaluateRespond,
  metadata: evaluateMetadata,
  pending: evaluatePending,
  hold: evaluateHold,
  dead_air: evaluateDeadAir,
  interrupt: evaluateInterrupt,
  speech_rate: evaluateSpeechRate,
  silent_caller: evaluateSilentCaller,
};

export function evaluateCheck(check: CompiledCheck, ctx: CheckContext): CheckOutcome {
  const evaluate = EVALUATORS[check.type] as (c: CompiledCheck, x: CheckContext) => CheckOutcome;
  return evaluate(check, ctx);
}
