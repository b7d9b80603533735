/**
 * Call metadata a vendor JSON carries. Recognisers describe the audio, not the call, so little is
 * there, and only what names the call is taken:
 * - Amazon Connect Contact Lens: `CustomerMetadata.ContactId`, the contact (call) id the contact
 *   records and call logs use;
 * - keys a call-centre export adds beside the recogniser's result, at the top level, under the names
 *   call logs use (`callId`, `agentId`, `工号`, `direction`, `started_at` …: see meta/fields.ts).
 * Not taken: the times of the transcription (Azure `timestamp`, Alibaba `RequestTime`), job and task
 * ids (`TaskId`, `jobName`, a bare `id`) and the recording's length (`AudioDuration`,
 * `durationInTicks`: ringing and queueing are not recorded, so it is no call log's `duration_s`).
 * Values are read as the manifest reads them; one no reading fits is kept as written or ignored,
 * as there, with a warning naming the JSON key.
 */
import type { CallMeta, ReadWarning } from '../model/call.js';
import { coerceField, KEPT_WHEN_UNREADABLE, knownField, type DirectionCodes } from '../meta/fields.js';
import { dig, isObject, type JsonValue } from './json-util.js';

/** Vendor paths that name the call, and the field each is. */
const VENDOR_PATHS: ReadonlyArray<{ path: readonly string[]; field: string }> = [{ path: ['CustomerMetadata', 'ContactId'], field: 'call_id' }];

/** Keys too generic to be a call's: a transcription's own id. */
const NOT_CALL_KEYS: ReadonlySet<string> = new Set(['id']);

export function jsonMeta(value: JsonValue | undefined, codes: DirectionCodes | undefined, warnings: ReadWarning[]): CallMeta {
  const meta: CallMeta = {};
  if (!isObject(value)) return meta;
  const take = (written: string, field: string, raw: JsonValue | undefined) => {
    if (meta[field] !== undefined || !(typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')) return;
    const text = String(raw).trim();
    if (text === '') return;
    const coerced = coerceField(field, text, codes);
    if (coerced.ok) meta[field] = coerced.value;
    else if (KEPT_WHEN_UNREADABLE.has(field)) {
      meta[field] = text;
      warnings.push({ message: `JSON "${written}": ${coerced.message}; kept as written: the rules reading it are na` });
    } else warnings.push({ message: `JSON "${written}": ${coerced.message}; ignored` });
  };
  for (const { path, field } of VENDOR_PATHS) take(path.join('.'), field, dig(value, ...path));
  for (const [written, raw] of Object.entries(value)) {
    const field = NOT_CALL_KEYS.has(written.trim().toLowerCase()) ? undefined : knownField(written);
    if (field) take(written, field, raw);
  }
  return meta;
}
