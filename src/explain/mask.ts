/**
 * What `callqa explain` shows, with customer personal data masked as the reports mask it
 * (src/report/mask.ts): the dialogue, the quotes and matched words, the reasons that quote them,
 * and the call's metadata. The output is pasted into tickets and chats; `--no-mask` shows the
 * numbers as said, for a reviewer who needs them. Masking changes no offsets the views rely on:
 * the text view finds the matched words in the (masked) utterance by search.
 */
import type { CallResult, Evidence, RuleResult } from '../engine/index.js';
import type { Call, CallMeta } from '../model/call.js';
import { maskPersonalData, maskWithFound, personalDataFound } from '../report/index.js';

export function maskExplained(call: Call, result: CallResult): { call: Call; result: CallResult } {
  // The call id defaults to the file name, and recordings are often named after the caller's
  // number: shown here, it is masked as its metadata copy (meta.call_id) is.
  const id = maskPersonalData(call.id);
  // A number a rule found is masked wherever it is shown: in the dialogue too.
  const found = personalDataFound(result.rules.flatMap((r) => r.evidence));
  const mask = (text: string): string => maskWithFound(text, found);
  const maskEvidence = (e: Evidence): Evidence => ({ ...e, quote: mask(e.quote), ...(e.matched !== undefined ? { matched: mask(e.matched) } : {}) });
  return {
    call: { ...call, id, meta: maskMeta(call.meta), utterances: call.utterances.map((u) => ({ ...u, text: mask(u.text) })) },
    result: {
      ...result,
      callId: id,
      agentName: maskPersonalData(result.agentName),
      rules: result.rules.map((rule): RuleResult => ({ ...rule, reason: mask(rule.reason), evidence: rule.evidence.map(maskEvidence) })),
    },
  };
}

/** The call's date and start time are times, whatever their digits (started_at: 1733577600000 is a Unix time in ms). */
const TIME_FIELDS = new Set(['date', 'started_at']);

function maskMeta(meta: CallMeta): CallMeta {
  const out: CallMeta = {};
  for (const [key, value] of Object.entries(meta)) {
    // customer_phone: 13812345678 in front matter is a YAML number.
    const masked = value === undefined || typeof value === 'boolean' || TIME_FIELDS.has(key) ? undefined : maskPersonalData(String(value));
    out[key] = masked !== undefined && masked !== String(value) ? masked : value;
  }
  return out;
}
