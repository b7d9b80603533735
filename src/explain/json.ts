/**
 * @fileoverview `explain --json`: the CallResult plus the utterances it points into, in one
 * stable shape for tools (`schema` names the version of this shape).
 */
import type { CallResult } from '../engine/index.js';
import type { Call, CallMeta, SourceFacts } from '../model/call.js';

export const EXPLAIN_SCHEMA = 'callqa-explain/1';

export interface ExplainJson {
  schema: typeof EXPLAIN_SCHEMA;
  call: {
    id: string;
    file: string;
    meta: CallMeta;
    source: SourceFacts;
    utterances: Array<{ turn: number; speaker: string; label?: string; startMs?: number; endMs?: number; text: string }>;
  };
  result: CallResult;
}

export function explainJson(call: Call, result: CallResult): ExplainJson {
  return {
    schema: EXPLAIN_SCHEMA,
    call: {
      id: call.id,
      file: call.file,
      meta: call.meta,
      source: call.source,
      utterances: call.utterances.map((u) => ({ turn: u.index + 1, speaker: u.speaker, label: u.label, startMs: u.startMs, endMs: u.endMs, text: u.text })),
    },
    result,
  };
}
