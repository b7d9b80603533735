/**
 * Sound keys: every Chinese character is replaced by one code unit that stands for its toneless
 * pinyin, so homophones (在/再, 为/位, 已/以, 做/作, 帐/账) become the same key and a plain string
 * search over keys finds "sounds the same". Other characters are their own key.
 *
 * The reading is pinyin-pro's reading of the character alone (its most common one): context-free
 * on purpose, so a key never depends on the neighbouring words and the same character always has
 * the same key in phrases and transcripts. The readings come from a table generated from
 * pinyin-pro (pinyin-readings.ts): its dictionaries would cost every worker ~8 MB and ~70 ms.
 */
import { LING_READING, READINGS, READINGS_FIRST, SYLLABLES } from './pinyin-readings.js';

/** Keys live in the Private Use Area, which folded text never contains. */
const KEY_BASE = 0xe000;

/** Key per UTF-16 code unit: a character without a reading is its own key. */
const charKey = buildKeyTable();

function buildKeyTable(): Uint16Array {
  const keys = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) keys[code] = code;
  const readings = Buffer.from(READINGS, 'base64');
  for (let i = 0; i < readings.length / 2; i++) {
    const reading = readings.readUInt16LE(i * 2);
    if (reading !== 0) keys[READINGS_FIRST + i] = KEY_BASE + reading - 1;
  }
  if (LING_READING !== 0) keys[0x3007] = KEY_BASE + LING_READING - 1;
  return keys;
}

/** The key of one UTF-16 code unit. */
export function soundKey(code: number): number {
  return charKey[code] as number;
}

/** The syllable a key stands for, or undefined for a character that is its own key. */
export function syllableOfKey(key: number): string | undefined {
  return key >= KEY_BASE && key < KEY_BASE + SYLLABLES.length ? SYLLABLES[key - KEY_BASE] : undefined;
}

/** The key string of a folded text: same length, one key per code unit. */
export function soundKeys(folded: string): string {
  // Flat strings built a chunk at a time (not a rope of 1-character pieces that every later
  // charCodeAt must flatten); chunks keep the argument list far below the engine's limit.
  let out = '';
  for (let from = 0; from < folded.length; from += KEY_CHUNK) {
    const to = Math.min(folded.length, from + KEY_CHUNK);
    const codes = new Array<number>(to - from);
    for (let i = from; i < to; i++) codes[i - from] = soundKey(folded.charCodeAt(i));
    out += String.fromCharCode(...codes);
  }
  return out;
}

const KEY_CHUNK = 4096;
