import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chinesePlausibility, decodeBytes } from '../../src/readers/decode.js';

const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url)));
const utf8Text = readFileSync(new URL('../../fixtures/readers/call-timed.txt', import.meta.url), 'utf8');
const traditionalText = readFileSync(new URL('../../fixtures/readers/call-traditional.txt', import.meta.url), 'utf8');
const hongKongText = readFileSync(new URL('../../fixtures/readers/call-hk.txt', import.meta.url), 'utf8');

describe('decodeBytes', () => {
  it.each([
    ['call-timed.txt', 'utf-8', utf8Text],
    ['call-utf8-bom.txt', 'utf-8', utf8Text],
    ['call-utf16le.txt', 'utf-16le', utf8Text],
    ['call-utf16be.txt', 'utf-16be', utf8Text],
    ['call-gb18030.txt', 'gb18030', utf8Text],
    ['call-gb18030-traditional.txt', 'gb18030', traditionalText],
    ['call-big5.txt', 'big5', traditionalText],
    // Hong Kong's Big5-HKSCS (iconv -t BIG5-HKSCS): 嘅 咗 喺 嚟 啲 嗰 㗎 are user-defined byte pairs in
    // plain Big5, which Node decodes to private-use characters that folding drops
    ['call-hk-big5hkscs.txt', 'big5', hongKongText],
  ])('%s decodes as %s to the original text', (file, encoding, text) => {
    expect(decodeBytes(bytesOf(file))).toEqual({ ok: true, encoding, text });
  });

  it('the fixtures really are in the legacy encodings (not UTF-8 in disguise)', () => {
    for (const file of ['call-gb18030.txt', 'call-big5.txt', 'call-gb18030-traditional.txt', 'call-hk-big5hkscs.txt']) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(file))).toThrow();
    }
  });

  it('GB18030 bytes also "decode" as Big5, and Big5 bytes as GB18030, but as mojibake that is refused', () => {
    const gbAsBig5 = new TextDecoder('big5', { fatal: true }).decode(bytesOf('call-gb18030.txt'));
    const big5AsGb = new TextDecoder('gb18030', { fatal: true }).decode(bytesOf('call-big5.txt'));
    expect(chinesePlausibility(gbAsBig5)).toBeLessThan(0.3);
    expect(chinesePlausibility(big5AsGb)).toBeLessThan(0.3);
    expect(chinesePlausibility(utf8Text)).toBeGreaterThan(0.6);
    expect(chinesePlausibility(traditionalText)).toBeGreaterThan(0.6);
  });

  it('strips the UTF-8 BOM so the first line is clean', () => {
    const result = decodeBytes(bytesOf('call-utf8-bom.txt'));
    expect(result.ok && result.text.startsWith('---\n')).toBe(true);
  });

  it('refuses binary data', () => {
    expect(decodeBytes(bytesOf('bad-binary.txt'))).toEqual({ ok: false, message: 'binary file (not text)' });
    const controls = new Uint8Array(200).fill(0x01);
    expect(decodeBytes(controls)).toEqual({ ok: false, message: 'binary file (not text)' });
  });

  it('refuses bytes that are neither UTF-8 nor plausible Chinese instead of guessing', () => {
    // Latin-1 French: invalid UTF-8, and no Chinese reading makes sense.
    const latin1 = Uint8Array.from(Buffer.from('Bonjour, le caf\xe9 est pr\xeat. \xc0 bient\xf4t, merci beaucoup.', 'latin1'));
    const result = decodeBytes(latin1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^cannot decode: not valid UTF-8, GB18030 or Big5 text/);
  });

  it('says where a file that is otherwise UTF-8 is damaged, instead of a legacy encoding\'s guess', () => {
    const damaged = Uint8Array.from(Buffer.from(utf8Text));
    const offset = Buffer.byteLength(utf8Text.split('\n').slice(0, 8).join('\n')) + 1 + 5;
    damaged[offset] = 0xff;
    expect(decodeBytes(damaged)).toEqual({
      ok: false,
      message: `cannot decode: not valid UTF-8 at line 9 (byte offset ${offset}), though the rest of the file is UTF-8 (a damaged file?)`,
    });
  });

  it('refuses UTF-16 without a byte-order mark saying so, not as a binary file', () => {
    const message = 'UTF-16 text without a byte-order mark: save it as UTF-8';
    const littleEndian = Buffer.from(utf8Text, 'utf16le');
    expect(decodeBytes(littleEndian)).toEqual({ ok: false, message });
    expect(decodeBytes(Buffer.from(littleEndian).swap16())).toEqual({ ok: false, message });
    // ASCII only, and Chinese whose 一 (U+4E00) has a zero byte on the other side.
    expect(decodeBytes(Buffer.from('A: hello\nC: hi\n', 'utf16le'))).toEqual({ ok: false, message });
    expect(decodeBytes(Buffer.from('坐席：一一一一\n', 'utf16le'))).toEqual({ ok: false, message });
    expect(decodeBytes(new Uint8Array(200))).toEqual({ ok: false, message: 'binary file (not text)' });
  });

  it('refuses invalid bytes after a UTF-8 BOM and UTF-32', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc4, 0xfa]))).toEqual({
      ok: false,
      message: 'invalid UTF-8 after a UTF-8 byte-order mark, at line 1 (byte offset 3)',
    });
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).ok).toBe(false);
  });

  it('tells GB18030 from Big5 even on one short utterance', () => {
    const gb = bytesOf('call-gb18030.txt');
    const big5 = bytesOf('call-big5.txt');
    // The 16 bytes after the first timestamp: 坐席：您好，康泰 in each encoding.
    const gbLine = gb.subarray(gb.indexOf(0x5d) + 2, gb.indexOf(0x5d) + 18);
    const big5Line = big5.subarray(big5.indexOf(0x5d) + 2, big5.indexOf(0x5d) + 18);
    expect(decodeBytes(gbLine)).toEqual({ ok: true, encoding: 'gb18030', text: '坐席：您好，康泰' });
    expect(decodeBytes(big5Line)).toEqual({ ok: true, encoding: 'big5', text: '坐席：您好，康泰' });
  });
});

describe('decodeBytes on a file mixing GB18030 and Big5', () => {
  it.each([
    // Four GB18030 utterances, then a Big5 one: the whole file reads as GB18030.
    ['mixed-gb18030-big5.txt', 'line 9 is not GB18030 text (mixed encodings?)'],
    // One GB18030 utterance, then Big5 ones: the whole file reads as Big5.
    ['mixed-big5-gb18030.txt', 'line 5 is not Big5 text (mixed encodings?)'],
  ])('%s is refused, naming the first line of the other encoding', (file, message) => {
    expect(decodeBytes(bytesOf(file))).toEqual({ ok: false, message });
  });
});

describe('decodeBytes on short GB18030 text that is also valid UTF-8', () => {
  it('reads it as GB18030, not as Greek and Cyrillic mojibake', () => {
    // 喂 is CE B9 (UTF-8: ι), 谢 is D0 BB (UTF-8: л): with ASCII labels the file is valid UTF-8.
    const bytes = bytesOf('short-gb18030.txt');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('A: ι\nC: лл\n');
    expect(decodeBytes(bytes)).toEqual({ ok: true, encoding: 'gb18030', text: 'A: 喂\nC: 谢谢\n' });
  });

  it.each([
    'A: José Müller\nC: ok\n',
    'Agent: Bonjour, c\'est Noël. À bientôt!\n',
    'A: ¥100\nC: 5°\n',
    'A: Ελλάδα\nC: λάθος\n',
    'A: Москва, спасибо\nC: да\n',
    'A: « ok »\n',
  ])('keeps genuine UTF-8 text as UTF-8: %j', (text) => {
    expect(decodeBytes(new TextEncoder().encode(text))).toEqual({ ok: true, encoding: 'utf-8', text });
  });
});

describe('decodeBytes on a truncated UTF-8 file', () => {
  it('keeps the text before a last character that was cut, with a warning', () => {
    const whole = new TextEncoder().encode('坐席：您好');
    expect(decodeBytes(whole.subarray(0, whole.length - 1))).toEqual({
      ok: true,
      encoding: 'utf-8',
      text: '坐席：您',
      warning: 'the file ends in the middle of a character (truncated?)',
    });
  });
});
