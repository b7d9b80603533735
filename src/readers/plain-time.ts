/**
 * The plain format's `[…]` timestamps: a time or a start–end range (`[mm:ss]`, `[hh:mm:ss]`,
 * `[mm:ss.s-mm:ss.s]`), scanned by hand on every line; the regex form is kept as the reference
 * and for digit runs too long to add up exactly.
 */
import { codeAt, skipSpace } from './scan-chars.js';

/** One time: [h:]mm:ss[.fff], fractions of any length (',' accepted as decimal mark). */
const TIME = String.raw`(?:(\d+):)?(\d+):(\d{1,2})(?:[.,](\d+))?`;
const TIMESTAMP = new RegExp(String.raw`^\s*${TIME}\s*(?:[-–~]\s*${TIME}\s*)?$`);

function toMs(h: string | undefined, m: string, s: string, frac: string | undefined): number | undefined {
  const seconds = Number(s);
  const minutes = Number(m);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return undefined;
  const fraction = frac ? Number(`0.${frac}`) : 0;
  return Math.round(((Number(h ?? 0) * 60 + minutes) * 60 + seconds + fraction) * 1000);
}

/** The regex form of parseTimestamp: the reference, and the path for digit runs too long to add up exactly. */
function parseTimestampRegex(inner: string): { startMs: number; endMs?: number } | undefined {
  const m = TIMESTAMP.exec(inner);
  if (!m) return undefined;
  const startMs = toMs(m[1], m[2] as string, m[3] as string, m[4]);
  if (startMs === undefined) return undefined;
  if (m[6] === undefined) return { startMs };
  const endMs = toMs(m[5], m[6], m[7] as string, m[8]);
  return endMs === undefined ? undefined : { startMs, endMs };
}

/** Powers of ten up to 1e15, all exact doubles. */
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
/** Longer digit runs may not add up exactly in a double: those go to the regex path. */
const MAX_DIGITS = 15;

/** Scanner state of one time: where it ended and its value in ms (undefined: out of range). */
let scanEnd = 0;
let scanMs: number | undefined;
/** Set when a digit run is too long for exact arithmetic. */
let scanTooLong = false;

/** A digit run from i; returns its end (i when there is none) and leaves its value in runValue. */
let runValue = 0;
function digits(s: string, i: number, end: number): number {
  let v = 0;
  const from = i;
  for (let c = codeAt(s, i, end); c >= 0x30 && c <= 0x39; c = codeAt(s, ++i, end)) v = v * 10 + (c - 0x30);
  if (i - from > MAX_DIGITS) scanTooLong = true;
  runValue = v;
  return i;
}

/**
 * One TIME at i: `d+:d+[:d+]` where the last run has 1-2 digits, then an optional `[.,]d+`.
 * False when there is none; else scanEnd/scanMs are set. Same value as toMs: the same operations
 * on the same (exact) numbers, and int/10^n is the correctly rounded 0.frac as Number() gives.
 */
function scanTime(s: string, i: number, stop: number): boolean {
  const e1 = digits(s, i, stop);
  if (e1 === i || codeAt(s, e1, stop) !== 0x3a) return false;
  const v1 = runValue;
  const e2 = digits(s, e1 + 1, stop);
  if (e2 === e1 + 1) return false;
  const v2 = runValue;
  let h: number | undefined;
  let m: number;
  let sec: number;
  let end: number;
  if (codeAt(s, e2, stop) === 0x3a) {
    // h:m:s — with only m:s the next character would be a ':', which nothing may follow.
    const e3 = digits(s, e2 + 1, stop);
    if (e3 === e2 + 1 || e3 - (e2 + 1) > 2) return false;
    h = v1;
    m = v2;
    sec = runValue;
    end = e3;
  } else {
    if (e2 - (e1 + 1) > 2) return false;
    m = v1;
    sec = v2;
    end = e2;
  }
  let fraction = 0;
  const mark = codeAt(s, end, stop);
  if (mark === 0x2e || mark === 0x2c) {
    const e4 = digits(s, end + 1, stop);
    if (e4 > end + 1) {
      if (e4 - (end + 1) > MAX_DIGITS) scanTooLong = true;
      else fraction = runValue / (POW10[e4 - (end + 1)] as number);
      end = e4;
    }
  }
  scanEnd = end;
  scanMs = sec >= 60 || (h !== undefined && m >= 60) ? undefined : Math.round((((h ?? 0) * 60 + m) * 60 + sec + fraction) * 1000);
  return true;
}

function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x7e; // - – ~
}

/** parseTimestamp on text from..to (the inside of a bracket), without slicing it out. */
export function timestampAt(text: string, from: number, to: number): { startMs: number; endMs?: number } | undefined {
  // The regex `^\s*TIME\s*(?:[-–~]\s*TIME\s*)?$`, scanned by hand (it is on every line).
  scanTooLong = false;
  let i = skipSpace(text, from, to);
  if (!scanTime(text, i, to)) return undefined;
  const startMs = scanMs;
  i = skipSpace(text, scanEnd, to);
  let endMs: number | undefined;
  let range = false;
  if (i < to) {
    if (!isDash(text.charCodeAt(i))) return undefined;
    if (!scanTime(text, skipSpace(text, i + 1, to), to)) return undefined;
    range = true;
    endMs = scanMs;
    if (skipSpace(text, scanEnd, to) !== to) return undefined;
  }
  if (scanTooLong) return parseTimestampRegex(text.slice(from, to));
  if (startMs === undefined) return undefined;
  if (!range) return { startMs };
  return endMs === undefined ? undefined : { startMs, endMs };
}

/** Parse the inside of a `[...]` timestamp: a time or a start-end range, in ms. */
export function parseTimestamp(inner: string): { startMs: number; endMs?: number } | undefined {
  return timestampAt(inner, 0, inner.length);
}
