/**
 * Speaking rate in characters per minute, the unit Chinese call centres use (字/分钟): every Han
 * character counts 1, and so does every decimal digit (a number is read digit by digit or as
 * numerals, 「幺三八…」「二零二六」, one syllable or more each); a run of Latin letters counts 1
 * ("iPhone", a word); punctuation and spaces count 0, and so does a bracketed sound note the
 * recogniser wrote inside the words (「好的[噪音]请稍等」「（笑）」: no syllable spoken). Time is the speaker's own speaking time (utterance end − start),
 * so pauses between turns do not slow the rate down.
 */
import type { Utterance } from '../../model/call.js';
import { digitsOf } from '../../model/numerals.js';
import { onlySoundNotes, SOUND_NOTE_BRACKETS } from '../../model/sound-notes.js';

const HAN = /\p{Script=Han}/u;
const DIGIT = /\p{Nd}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

const HAN_BIT = 1;
const LETTER_OR_NUMBER_BIT = 2;
const KNOWN_BIT = 4;
const DIGIT_BIT = 8;
/** Per BMP code unit: KNOWN_BIT once classified, plus HAN_BIT / LETTER_OR_NUMBER_BIT. */
const BMP_KIND = new Uint8Array(65536);

function bmpKind(code: number): number {
  let kind = BMP_KIND[code] as number;
  if (kind === 0) {
    const ch = String.fromCharCode(code);
    kind = KNOWN_BIT | (HAN.test(ch) ? HAN_BIT : 0) | (DIGIT.test(ch) ? DIGIT_BIT : 0) | (LETTER_OR_NUMBER.test(ch) ? LETTER_OR_NUMBER_BIT : 0);
    BMP_KIND[code] = kind;
  }
  return kind;
}

/** Opening bracket → its closing one, for sound notes (as src/model/sound-notes.ts reads them). */
const CLOSING = new Uint16Array(65536);
for (const [open, close] of SOUND_NOTE_BRACKETS) CLOSING[(open as string).charCodeAt(0)] = (close as string).charCodeAt(0);
const NOTE_MAX_CHARS = 16;

/**
 * Where the sound note opening at `i` closes (「[噪音]」「（笑声）」「<noise>」: 1–16 characters, no
 * digit, no bracket), else -1. A number in brackets (「(0571)」) is speech.
 */
function soundNoteEnd(text: string, i: number): number {
  const close = CLOSING[text.charCodeAt(i)];
  for (let j = i + 1; j < text.length && j <= i + NOTE_MAX_CHARS + 1; j++) {
    const c = text.charCodeAt(j);
    if (c === close) return j > i + 1 ? j : -1;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || CLOSING[c] !== 0) return -1;
  }
  return -1;
}

/**
 * The number of matches of /\p{Script=Han}|\p{Nd}|(?:(?!\p{Script=Han}|\p{Nd})[\p{L}\p{N}])+/gu,
 * counted in one pass without building the match array (one entry per character of every
 * utterance). The common characters are classified by range; the rest by the same Unicode
 * properties.
 */
export function countUnits(text: string): number {
  let units = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Han characters (nearly all of them) skip the bracket test.
    const noteEnd = (code < 0x4e00 || code > 0x9fff) && CLOSING[code] !== 0 ? soundNoteEnd(text, i) : -1;
    if (noteEnd > 0) {
      i = noteEnd;
      inRun = false;
      continue;
    }
    // A character that counts on its own (Han, a digit), one that joins a run (a letter), or neither.
    let single: boolean;
    let letterOrNumber: boolean;
    if (code >= 0x4e00 && code <= 0x9fff) {
      single = true;
      letterOrNumber = true;
    } else if (code < 0x80) {
      single = code >= 0x30 && code <= 0x39;
      letterOrNumber = single || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    } else if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length || (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) {
      // Any other single code unit (，。？ are in every sentence): the regexes' answer, remembered.
      const kind = bmpKind(code);
      single = (kind & (HAN_BIT | DIGIT_BIT)) !== 0;
      letterOrNumber = (kind & LETTER_OR_NUMBER_BIT) !== 0;
    } else {
      const ch = text.slice(i, i + 2);
      i++;
      single = HAN.test(ch) || DIGIT.test(ch);
      letterOrNumber = LETTER_OR_NUMBER.test(ch);
    }
    if (single) {
      units++;
      inRun = false;
    } else if (letterOrNumber) {
      if (!inRun) units++;
      inRun = true;
    } else inRun = false;
  }
  return units;
}

export interface RateFacts {
  units: number;
  speakingMs: number;
  /** Characters per minute over the utterances counted. */
  perMinute: number;
  fastest?: { index: number; perMinute: number };
  /** Utterances left out as holding silence (see below). */
  leftOut: number;
  /** Number readbacks left out for being slow (see below). */
  readbacks: number;
  /** Counted segments at least `uncutMs` long: the recogniser may not have cut at pauses inside them. */
  uncut: Array<{ index: number; ms: number; units: number }>;
}

/** Whether at least half of an utterance's counted characters are digits: a number read out. */
function readsNumber(text: string, units: number): boolean {
  return units > 0 && digitsOf(text).length * 2 >= units;
}

/** Per-utterance rates are only compared for utterances at least this long (shorter ones are noise). */
const FASTEST_MIN_MS = 1500;

/** Segments shorter than this are not judged as holding silence (one slow word is just slow). */
const HELD_MIN_MS = 2000;

/**
 * The rate over the utterances. One slower than `heldBelow` characters a minute (and at least
 * HELD_MIN_MS long) holds silence, not slow speech — a hold or a long pause the recogniser did not
 * cut at (「请稍等」 … 30 s … 「让您久等了」 as one sentence) — and is left out: counted, it would
 * fail a normal agent as too slow. So is a number read out slower than `readbackBelow`
 * (「卡号6222，0212，…」 digit by digit, as agents are taught to read numbers): slow on purpose.
 * A fast readback still counts.
 */
export function speechRate(utterances: Utterance[], heldBelow = 0, readbackBelow = 0, uncutMs = Infinity): RateFacts {
  const uncut: RateFacts['uncut'] = [];
  let units = 0;
  let speakingMs = 0;
  let leftOut = 0;
  let readbacks = 0;
  let fastest: RateFacts['fastest'];
  for (const u of utterances) {
    // 「[噪音]」 alone is no speech at all: neither its characters nor its time count.
    if (onlySoundNotes(u.text)) continue;
    const ms = Math.max(0, (u.endMs ?? 0) - (u.startMs ?? 0));
    const n = countUnits(u.text);
    const perMinute = ms > 0 ? (n * 60000) / ms : Infinity;
    if (perMinute < readbackBelow && readsNumber(u.text, n)) {
      readbacks++;
      continue;
    }
    if (ms >= HELD_MIN_MS && perMinute < heldBelow) {
      leftOut++;
      continue;
    }
    units += n;
    speakingMs += ms;
    if (ms >= uncutMs) uncut.push({ index: u.index, ms, units: n });
    if (ms >= FASTEST_MIN_MS && (!fastest || perMinute > fastest.perMinute)) fastest = { index: u.index, perMinute };
  }
  return { units, speakingMs, perMinute: speakingMs > 0 ? (units * 60000) / speakingMs : 0, fastest, leftOut, readbacks, uncut };
}
