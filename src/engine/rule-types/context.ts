import type { CompiledSaid } from '../../ruleset/index.js';
import type { PreparedCall } from '../prepare.js';

/** What a rule type gets besides its own compiled check. */
export interface CheckContext {
  p: PreparedCall;
  /** Utterance index of the `when.said` trigger, for after_trigger scopes. */
  triggerTurn?: number;
  /** The `when.said` condition itself, for checks that look after every trigger, not just the first. */
  trigger?: CompiledSaid;
}
