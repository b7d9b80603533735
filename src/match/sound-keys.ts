/**
 * Sound keys: every Chinese character is replaced by one code unit that stands for its toneless
 * pinyin, so homophones (在/再, 为/位, 已/以, 做/作, 帐/账) become the same key and a plain string
 * search over keys finds "sounds the same". Other characters are their own key.
 *
 * The reading is pinyin-pro's reading of the character alone (its most common one): context-free
 * on purpose, so a key never depends on the neighbouring words and the same character always has
 * the same key in phrases and transcripts.
 */
import { createRequire } from 'node:module';

// pinyin-pro's dictionaries cost ~18 MB per thread: loaded on the first key asked for, so a
// thread that never near-matches (the audit's main thread) never pays for them.
let pinyin: typeof import('pinyin-pro').pinyin | undefined;
function readingOf(char: string): string | undefined {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return pinyin(char, { toneType: 'none', type: 'array' })[0];
}

/** Keys live in the Private Use Area, which folded text never contains. */
const KEY_BASE = 0xe000;
const KEY_LIMIT = 0xf8ff;

const syllableKey = new Map<string, number>();
/** Key per UTF-16 code unit, 0 until first asked (a flat table: it is read for every character). */
const charKey = new Uint16Array(65536);

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

/** The key of one UTF-16 code unit (cached for the life of the process). */
export function soundKey(code: number): number {
  const cached = charKey[code] as number;
  if (cached !== 0) return cached;
  let key = code;
  if (isHan(code)) {
    const reading = readingOf(String.fromCharCode(code));
    if (reading && /^[a-zü]+$/.test(reading)) {
      let k = syllableKey.get(reading);
      if (k === undefined && KEY_BASE + syllableKey.size <= KEY_LIMIT) {
        k = KEY_BASE + syllableKey.size;
        syllableKey.set(reading, k);
      }
      if (k !== undefined) key = k;
    }
  }
  charKey[code] = key;
  return key;
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
