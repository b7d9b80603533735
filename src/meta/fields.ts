/**
 * The known metadata fields and how a raw text value becomes a typed one. Shared by the
 * manifest, the file-name pattern and the merge (which compares values after this step), so
 * "12" from a CSV and 12 from front matter are the same value, and 20261001 is 2026-10-01.
 */
import type { MetaValue } from '../model/call.js';
import { parseDate, parseInstant } from './dates.js';
import { editDistance } from '../model/suggest.js';
import { toSimplifiedScript } from '../normalize/fold.js';

/** `overMax`: a number of seconds past what the field can be (a column of milliseconds?). */
export type Coerced = { ok: true; value: MetaValue } | { ok: false; message: string; overMax?: true };

/** The metadata fields callqa itself reads. Any other key is kept as custom metadata for rules. */
export const KNOWN_FIELDS = [
  'call_id', 'agent_id', 'agent_name', 'agent_no', 'customer_name', 'direction', 'date', 'started_at',
  'ring_s', 'queue_s', 'duration_s', 'talk_s', 'hold_s', 'hangup_by', 'transferred', 'holiday', 'region',
] as const;

/** Names call logs and people write for the fields (Chinese exports, short forms) → the field. */
const FIELD_ALIASES: Record<string, string> = {
  id: 'call_id',
  通话id: 'call_id',
  通话编号: 'call_id',
  工号: 'agent_id',
  坐席工号: 'agent_id',
  // 座席 is the other common spelling of 坐席; 客服 and 员工 name the agent too
  座席工号: 'agent_id',
  客服工号: 'agent_id',
  员工工号: 'agent_id',
  坐席id: 'agent_id',
  座席id: 'agent_id',
  坐席姓名: 'agent_name',
  座席姓名: 'agent_name',
  客服姓名: 'agent_name',
  方向: 'direction',
  呼叫方向: 'direction',
  通话方向: 'direction',
  呼叫类型: 'direction',
  日期: 'date',
  通话日期: 'date',
  开始时间: 'started_at',
  通话开始时间: 'started_at',
  呼叫开始时间: 'started_at',
  // the start as most CTI exports head it (a duration is 通话时长)
  通话时间: 'started_at',
  呼叫时间: 'started_at',
  来电时间: 'started_at',
  start_time: 'started_at',
  starttime: 'started_at',
  // a centre's region picks its holiday calendar; a sales region (华东) is kept and warned
  地区: 'region',
  地區: 'region',
  振铃时长: 'ring_s',
  排队时长: 'queue_s',
  挂机方: 'hangup_by',
  挂断方: 'hangup_by',
  是否转接: 'transferred',
  是否节假日: 'holiday',
};

/** A field by its name with separators dropped: hang_up_by, HangupBy and hangup-by are all hangup_by. */
const BY_COMPACT_NAME = new Map<string, string>(KNOWN_FIELDS.map((f) => [compact(f), f]));

function compact(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A written key in the form keys are compared in: trimmed, lower case, spaces and dashes as _. */
export function writtenKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * The field a written name means (「挂机方」, "Ring S", hang_up_by), else undefined. Names are
 * looked up in simplified script: a Taiwan or Hong Kong export heads its columns 坐席工號, 掛機方.
 */
export function knownField(raw: string): string | undefined {
  return FIELD_ALIASES[toSimplifiedScript(writtenKey(raw))] ?? BY_COMPACT_NAME.get(compact(raw.trim()));
}

/**
 * For a name that is no field: the field it is one slip away from (hung_up_by → hangup_by), for a
 * warning. Kept strict (one edit, names of five letters or more), since rules may read any custom
 * key and a warning on every queue_id would be noise.
 */
export function likelyField(raw: string): string | undefined {
  const name = compact(raw.trim());
  if (name.length < 5) return undefined;
  for (const [field, full] of BY_COMPACT_NAME) if (editDistance(name, field) === 1) return full;
  return undefined;
}

/** Seconds (ring, queue …): non-negative numbers. */
export const NUMBER_KEYS: ReadonlySet<string> = new Set(['ring_s', 'queue_s', 'duration_s', 'talk_s', 'hold_s']);

/**
 * The most seconds each can be. Past it the value is no time the call had — most often a column
 * of milliseconds (ring_s 8000 for 8 s) — and judged as seconds it would fail
 * opening.wait-apology for a wait nobody had: a phone stops ringing within minutes, a queue
 * within hours, and nothing runs past a day.
 */
const MAX_SECONDS: Record<string, number> = { ring_s: 5 * 60, queue_s: 2 * 60 * 60, duration_s: 24 * 60 * 60, talk_s: 24 * 60 * 60, hold_s: 24 * 60 * 60 };

// How call logs write a duration: 25, 25秒, 25s, 1分30秒, 2分钟, 00:01:30, 5000ms / 5000毫秒.
// Only hh:mm:ss with three parts: 01:30 may be a minute and a half or an hour and a half.
const UNIT_SECONDS = /^(?:(\d+(?:\.\d+)?)\s*(?:分钟|分鐘|分|min)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:秒钟|秒鐘|秒|s|sec))?$/i;
const CLOCK = /^(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/;
const CLOCK_TIME = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const MILLISECONDS = /^(\d+(?:\.\d+)?)\s*(?:ms|毫秒)$/i;

/** A written duration → seconds, or undefined when it is none (empty, negative, 01:30). */
function seconds(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  if (Number.isFinite(n)) return n >= 0 ? n : undefined;
  const clock = CLOCK.exec(text);
  if (clock) return Number(clock[2]) < 60 && Number(clock[3]) < 60 ? Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : undefined;
  const ms = MILLISECONDS.exec(text);
  if (ms) return Number(ms[1]) / 1000;
  const unit = UNIT_SECONDS.exec(text);
  if (unit && (unit[1] !== undefined || unit[2] !== undefined)) return Number(unit[1] ?? 0) * 60 + Number(unit[2] ?? 0);
  return undefined;
}

function duration(s: number): string {
  return s >= 3600 ? `${s / 3600} hours` : `${s / 60} minutes`;
}
const BOOLEAN_KEYS = new Set(['transferred', 'holiday']);

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  y: true,
  n: false,
  是: true,
  否: false,
  已转接: true,
  未转接: false,
  已轉接: true,
  未轉接: false,
};

export type Direction = 'inbound' | 'outbound';

/**
 * What a telephony system's direction codes mean (`--direction-codes 1=inbound,2=outbound`), by
 * the code in lower case. Codes are the vendor's: 1 is inbound in one system and outbound in
 * another, so they are read only when the run says what they mean.
 */
export type DirectionCodes = Readonly<Record<string, Direction>>;

const DIRECTIONS: Record<string, Direction> = {
  inbound: 'inbound',
  outbound: 'outbound',
  呼入: 'inbound',
  呼出: 'outbound',
  外呼: 'outbound',
  // the short English of CTI exports; codes such as 1/2 differ between vendors (DirectionCodes)
  in: 'inbound',
  out: 'outbound',
  来电: 'inbound',
  去电: 'outbound',
  來電: 'inbound',
  去電: 'outbound',
  incoming: 'inbound',
  outgoing: 'outbound',
  // Taiwan call centres: 進線 (a call coming in), 外撥 / 撥出 (dialling out); read after folding
  进线: 'inbound',
  拨入: 'inbound',
  外拨: 'outbound',
  拨出: 'outbound',
};

const HANGUP_BY: Record<string, 'agent' | 'customer'> = {
  agent: 'agent',
  customer: 'customer',
  坐席: 'agent',
  客服: 'agent',
  客户: 'customer',
  用户: 'customer',
  // call logs write the event, and Taiwan/Hong Kong systems in traditional characters
  坐席挂机: 'agent',
  座席挂机: 'agent',
  坐席主动挂机: 'agent',
  客户主动挂机: 'customer',
  顾客: 'customer',
  顾客挂机: 'customer',
  顾客挂断: 'customer',
  用户主动挂机: 'customer',
  客服挂机: 'agent',
  客户挂机: 'customer',
  用户挂机: 'customer',
  客戶: 'customer',
  用戶: 'customer',
  坐席掛機: 'agent',
  客服掛機: 'agent',
  客戶掛機: 'customer',
  用戶掛機: 'customer',
  坐席挂断: 'agent',
  座席挂断: 'agent',
  客服挂断: 'agent',
  客户挂断: 'customer',
  用户挂断: 'customer',
  坐席掛斷: 'agent',
  客服掛斷: 'agent',
  客戶掛斷: 'customer',
  用戶掛斷: 'customer',
  // 主叫/被叫挂机 (caller/callee) is not here: who the caller is depends on the direction.
};

/** Said of a direction no reading fits: a code is the usual cause, and the run can say what it means. */
export const UNREAD_DIRECTION = 'is not inbound or outbound (a telephony code? say what the codes mean with --direction-codes, e.g. 1=inbound,2=outbound)';

/**
 * `--direction-codes "1=inbound,2=outbound"` (also `0:呼入;1:呼出`): each code and the direction it
 * means, in any spelling `direction` reads. A code that is already a word (in=outbound) is refused:
 * it would change what every other call log says.
 */
export function parseDirectionCodes(text: string): { ok: true; codes: DirectionCodes } | { ok: false; message: string } {
  const codes: Record<string, Direction> = {};
  const pairs = text.split(/[,;，；\s]+/).filter((p) => p !== '');
  if (pairs.length === 0) return { ok: false, message: 'expected code=direction pairs, e.g. 1=inbound,2=outbound' };
  for (const pair of pairs) {
    const m = /^([^=:：]+)[=:：](.+)$/.exec(pair);
    const direction = m ? DIRECTIONS[toSimplifiedScript((m[2] as string).toLowerCase())] : undefined;
    if (!m || !direction) return { ok: false, message: `"${pair}" is not code=inbound or code=outbound` };
    const code = (m[1] as string).toLowerCase();
    const word = DIRECTIONS[toSimplifiedScript(code)];
    if (word !== undefined) return { ok: false, message: `"${m[1]}" is already read as ${word}; only codes need saying` };
    if (codes[code] !== undefined && codes[code] !== direction) return { ok: false, message: `code "${m[1]}" is given twice, as ${codes[code]} and ${direction}` };
    codes[code] = direction;
  }
  return { ok: true, codes };
}

/** Keys in upper case: region is looked up as `text.toUpperCase()`. ISO alpha-3 and English names too. */
const REGIONS: Record<string, string> = {
  CN: 'CN', TW: 'TW', HK: 'HK', CHN: 'CN', TWN: 'TW', HKG: 'HK', CHINA: 'CN', TAIWAN: 'TW', 'HONG KONG': 'HK', HONGKONG: 'HK',
  中国: 'CN', 中國: 'CN', 中国大陆: 'CN', 大陆: 'CN', 大陸: 'CN', 内地: 'CN', 內地: 'CN', 台湾: 'TW', 臺灣: 'TW', 台灣: 'TW', 香港: 'HK',
  中国台湾: 'TW', 中國台灣: 'TW', 中国香港: 'HK', 中國香港: 'HK', 香港特别行政区: 'HK', 香港特別行政區: 'HK',
};

/**
 * Fields whose unreadable value is kept as written (with a warning) rather than dropped: the
 * rules reading them say na naming it. Dropped, region "SG" would fall back to the ruleset's CN
 * calendar, transferred "maybe" or hangup_by "系统" would read as "no record", and direction "2"
 * as a call log that does not say (rules judge those as possibly inbound): guesses.
 */
export const KEPT_WHEN_UNREADABLE: ReadonlySet<string> = new Set(['region', 'hangup_by', 'transferred', 'holiday', 'direction']);

/** Any year-first spelling (see dates.ts) → YYYY-MM-DD when it is a real calendar day. */
export function normalizeDate(raw: string): string | undefined {
  const parsed = parseDate(raw);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Turn one raw text value into the typed value for `key`. Unknown keys stay text (they are
 * still usable as meta in rules). An empty value is the caller's business (it means "missing").
 */
export function coerceField(key: string, raw: string, codes?: DirectionCodes): Coerced {
  const text = raw.trim();
  if (NUMBER_KEYS.has(key)) {
    const n = seconds(text);
    if (n === undefined) return { ok: false, message: `${key} "${raw}" is not a number of seconds (also 5秒, 1分30秒, 00:01:30, 5000ms)` };
    const max = MAX_SECONDS[key] as number;
    if (n > max) return { ok: false, message: `${key} ${text} is more than ${duration(max)}: no such wait (milliseconds?)`, overMax: true };
    return { ok: true, value: n };
  }
  // Words are looked up in simplified script, as the keys are (已轉接, 客戶掛斷, 進線).
  const word = toSimplifiedScript(text.toLowerCase());
  if (BOOLEAN_KEYS.has(key)) {
    const b = BOOLEANS[word];
    if (b === undefined) return { ok: false, message: `${key} "${raw}" is not true/false (also 1/0, yes/no, 是/否)` };
    return { ok: true, value: b };
  }
  if (key === 'direction') {
    const d = DIRECTIONS[word] ?? codes?.[text.toLowerCase()];
    return d ? { ok: true, value: d } : { ok: false, message: `direction "${raw}" ${UNREAD_DIRECTION}` };
  }
  if (key === 'hangup_by') {
    const h = HANGUP_BY[word];
    return h ? { ok: true, value: h } : { ok: false, message: `hangup_by "${raw}" is not agent or customer` };
  }
  if (key === 'date') {
    const d = parseDate(raw);
    return d.ok ? d : { ok: false, message: `date "${raw}" ${d.reason}` };
  }
  if (key === 'started_at') {
    // Kept as written (the time is the caller's business); a clock time alone (09:15:30) is fine,
    // a date in it must read, or the holiday rule would say "no call date" with no warning.
    if (CLOCK_TIME.test(text)) return { ok: true, value: text };
    const whole = parseDate(text);
    const d = whole.ok ? whole : parseDate(/^[^\sT]+/.exec(text)?.[0] ?? text);
    return d.ok ? { ok: true, value: text } : { ok: false, message: `started_at "${raw}" ${whole.ok ? '' : whole.reason}`.trimEnd() };
  }
  if (key === 'region') {
    const r = REGIONS[text.toUpperCase()] ?? REGIONS[word.toUpperCase()];
    return r ? { ok: true, value: r } : { ok: false, message: `region "${raw}" is not CN, TW or HK` };
  }
  return { ok: true, value: text };
}

/**
 * The form two values are compared in: both go through `coerceField`, so 12 and "12.0" are the
 * same ring time and 20261001 the same date, and a start is compared as the moment it names.
 * Ids stay text: agent_id "0128" is not "128".
 */
export function comparable(key: string, value: MetaValue): string {
  const text = String(value);
  // A start is a moment, however it is written: 2026/2/9 9:00 (UTC+8) is 2026-02-09T01:00:00Z.
  const at = key === 'started_at' ? parseInstant(text) : undefined;
  if (at !== undefined) return new Date(at).toISOString();
  const c = coerceField(key, text);
  return c.ok ? String(c.value) : text.trim();
}
