/**
 * Bytes → text. Strict UTF-8 first (most files; detectors are slow), BOMs honoured, and only when
 * that fails a detector choosing between GB18030 and Big5, the legacy encodings call centres in
 * mainland China, Taiwan and Hong Kong (Big5-HKSCS) export. A file we cannot decode with
 * confidence is an error, never mojibake in the score.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { analyse } from 'chardet';
import { toSimplifiedScript } from '../normalize/fold.js';
import { withHongKongCharacters } from './hkscs.js';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; /** e.g. a truncated last character */ warning?: string }
  | { ok: false; message: string };

/** How many bytes the binary check and the detector look at. */
const SAMPLE_BYTES = 64 * 1024;
const BINARY_CHECK_BYTES = 1024;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  if (looksBinary(bytes)) {
    const message = looksUtf16(bytes) ? 'UTF-16 text without a byte-order mark: save it as UTF-8' : 'binary file (not text)';
    return { ok: false, message };
  }

  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return gb18030InDisguise(utf8, bytes) ?? { ok: true, text: utf8, encoding: 'utf-8' };
  // Valid UTF-8 cut inside its last character (a truncated export): keep the text, say so.
  const cut = tryDecodeStream('utf-8', bytes);
  if (cut !== undefined) {
    return { ok: true, text: cut, encoding: 'utf-8', warning: 'the file ends in the middle of a character (truncated?)' };
  }

  return decodeLegacyChinese(bytes);
}

function decodeWithBom(bytes: Uint8Array): DecodeResult | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    return text === undefined
      ? { ok: false, message: `invalid UTF-8 after a UTF-8 byte-order mark, ${invalidAfterBom(bytes.subarray(3))}` }
      : { ok: true, text, encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    return { ok: false, message: 'UTF-32 text is not supported (save the file as UTF-8)' };
  }
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined;
  if (!utf16) return undefined;
  const text = tryDecode(utf16, bytes.subarray(2));
  return text === undefined
    ? { ok: false, message: `invalid ${utf16.toUpperCase()} text after its byte-order mark` }
    : { ok: true, text, encoding: utf16 };
}

function invalidAfterBom(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // The end of the file when only the last character is cut.
  return firstInvalidUtf8(text, bytes, 3) ?? 'at its end';
}

/** NUL bytes, or many control characters, in the first KB: not a transcript. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_CHECK_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC occur in real text files; other C0 controls do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** At least this share of the characters read as UTF-16 must be text: ASCII or CJK. */
const UTF16_TEXT_SHARE = 0.95;

/**
 * UTF-16 saved without its BOM: the NUL bytes (of ASCII characters: labels, digits, line ends)
 * made it look binary, but the first KB read in one byte order or the other is text — ASCII
 * without control characters, or Chinese. It is refused either way (without a BOM the byte
 * order is a guess), but the reason tells how to fix it.
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, BINARY_CHECK_BYTES) & ~1);
  return ['utf-16le', 'utf-16be'].some((encoding) => {
    const text = tryDecode(encoding, sample);
    return text !== undefined && text.length > 0 && textShare(text) >= UTF16_TEXT_SHARE;
  });
}

function textShare(text: string): number {
  let textLike = 0;
  for (let i = 0; i < text.length; i++) if (isTextCharacter(text.charCodeAt(i))) textLike++;
  return textLike / text.length;
}

/** Printable ASCII and its whitespace, CJK punctuation and ideographs, full-width forms. */
function isTextCharacter(c: number): boolean {
  if (c < 0x80) return (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d;
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);
}

/**
 * Strict UTF-8, as TextDecoder('utf-8', { fatal: true }) gives it, about three times faster on
 * Chinese text: validated once (simdutf), converted to UTF-16 by transcode(), sliced as a string.
 * Valid UTF-8 has exactly one decoding, so the text is the same.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  try {
    const utf16 = transcode(bytes, 'utf8', 'ucs2');
    return utf16.toString('utf16le');
  } catch {
    return tryDecode('utf-8', bytes);
  }
}

/**
 * GB18030 text that happens to be valid UTF-8: a short file whose Chinese characters all have
 * GBK bytes C2–D7 then A1–BF (喂 CE B9 reads as Greek ι, 谢 D0 BB as Cyrillic л) and whose
 * punctuation is ASCII. Taken as GB18030 only when every non-ASCII character of the UTF-8 reading
 * is such a pair — a level-1 (most common) GB2312 character, which rules out most real Greek,
 * Cyrillic and accented capitals — none touches an ASCII letter or digit (José, Noël and ¥100
 * are Latin text, whatever their GBK reading), and the GB18030 reading is plausible Chinese.
 */
function gb18030InDisguise(utf8: string, bytes: Uint8Array): DecodeResult | undefined {
  if (!onlyCommonGbPairs(utf8)) return undefined;
  const text = tryDecode('gb18030', bytes);
  if (text === undefined) return undefined;
  return chinesePlausibility(text) >= DISGUISED_PLAUSIBILITY ? { ok: true, text, encoding: 'gb18030' } : undefined;
}

/** Short texts swing more: a higher bar than MIN_PLAUSIBILITY for overruling valid UTF-8. */
const DISGUISED_PLAUSIBILITY = 0.5;

/**
 * At least two non-ASCII characters, each one whose UTF-8 bytes (C2–D7, A1–BF) are a level-1
 * GB2312 character, and none next to an ASCII letter or digit.
 */
function onlyCommonGbPairs(text: string): boolean {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    // UTF-8 lead byte 0xC0 | c >> 6, trail byte 0x80 | c & 0x3f.
    if (c >= 0x600 || (c & 0x3f) < 0x21) return false;
    if (isAsciiWordChar(text.charCodeAt(i - 1)) || isAsciiWordChar(text.charCodeAt(i + 1))) return false;
    pairs++;
  }
  return pairs >= 2;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** At most this share of a damaged UTF-8 file's non-ASCII characters (or one) may be invalid sequences. */
const MAX_DAMAGE = 0.01;

/**
 * Where the first invalid sequence of a file that is otherwise UTF-8 (a byte or two damaged) is,
 * e.g. `at line 3 (byte offset 57)`; undefined when the file is not mostly UTF-8. A legacy
 * encoding's guess would only mislead about such a file.
 */
function damagedUtf8(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c >= 0x80) valid++;
  }
  if (valid === 0 || invalid > Math.max(1, valid * MAX_DAMAGE)) return undefined;
  return firstInvalidUtf8(text, bytes, 0);
}

/** `at line L (byte offset N)` of the first invalid sequence; `text` is the bytes decoded with replacement. */
function firstInvalidUtf8(text: string, bytes: Uint8Array, bytesBefore: number): string | undefined {
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) {
    // The text before it is valid, so it encodes back to the same bytes.
    const before = text.slice(0, at);
    const offset = Buffer.byteLength(before, 'utf8');
    // A U+FFFD written in the file (EF BF BD) is not the damage.
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    return `at line ${before.split('\n').length} (byte offset ${bytesBefore + offset})`;
  }
  return undefined;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return encoding === 'big5' ? withHongKongCharacters(text) : text;
  } catch {
    return undefined;
  }
}

/** Like tryDecode, but an incomplete sequence at the very end is dropped instead of refused. */
function tryDecodeStream(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

interface Candidate {
  encoding: 'gb18030' | 'big5';
  text: string;
  /** chardet's confidence 0..100 (0 when it did not name this encoding). */
  detector: number;
  plausibility: number;
}

/** Below this share of common characters a decoding is taken as mojibake. */
const MIN_PLAUSIBILITY = 0.3;
/** Two plausible decodings closer than this are decided by the detector, if it has a clear view. */
const CLOSE = 0.1;

function decodeLegacyChinese(bytes: Uint8Array): DecodeResult {
  const matches = analyse(bytes.subarray(0, SAMPLE_BYTES));
  const confidence = (names: string[]): number =>
    Math.max(0, ...matches.filter((m) => names.includes(m.name)).map((m) => m.confidence));

  const candidates: Candidate[] = [];
  for (const [encoding, names] of [
    ['gb18030', ['GB18030']],
    ['big5', ['Big5']],
  ] as const) {
    const text = tryDecode(encoding, bytes);
    if (text === undefined) continue;
    candidates.push({ encoding, text, detector: confidence([...names]), plausibility: chinesePlausibility(text) });
  }
  const plausible = candidates
    .filter((c) => c.plausibility >= MIN_PLAUSIBILITY)
    .sort((a, b) => b.plausibility - a.plausibility);
  const guess = matches[0] ? ` (the detector's best guess: ${matches[0].name})` : '';
  const [best, second] = plausible;
  if (!best) {
    const damage = damagedUtf8(bytes);
    if (damage) return { ok: false, message: `cannot decode: not valid UTF-8 ${damage}, though the rest of the file is UTF-8 (a damaged file?)` };
    return { ok: false, message: `cannot decode: not valid UTF-8, GB18030 or Big5 text${guess}` };
  }
  if (second && best.plausibility - second.plausibility < CLOSE) {
    // Both read as Chinese: let the detector decide, but only if it clearly prefers one.
    const [a, b] = [best, second].sort((x, y) => y.detector - x.detector) as [Candidate, Candidate];
    if (a.detector - b.detector >= 10) return chosen(a, bytes);
    return { ok: false, message: 'cannot decide the encoding: the text reads as both GB18030 and Big5' };
  }
  return chosen(best, bytes);
}

const NAMES = { gb18030: 'GB18030', big5: 'Big5' } as const;

/** The chosen decoding, unless one of its lines is another encoding's text. */
function chosen(best: Candidate, bytes: Uint8Array): DecodeResult {
  const line = firstForeignLine(best, bytes);
  if (line !== undefined) return { ok: false, message: `line ${line} is not ${NAMES[best.encoding]} text (mixed encodings?)` };
  return { ok: true, text: best.text, encoding: best.encoding };
}

/** Fewer Han characters than this on a line say too little about its encoding. */
const MIN_LINE_HAN = 4;

/**
 * The first line (1-based) that reads as mojibake in the chosen encoding but as Chinese in
 * another: a file put together from exports in two encodings. The whole-file check samples the
 * file as one, so a few such lines pass it. LF is never part of a GB18030 or Big5 character, so
 * the lines of the text are the lines of the bytes; only a line that fails is decoded again.
 */
function firstForeignLine(best: Candidate, bytes: Uint8Array): number | undefined {
  const folded = toSimplifiedScript(best.text);
  let lineNo = 0;
  let byteFrom = 0;
  for (let from = 0; from <= folded.length; lineNo++) {
    let to = folded.indexOf('\n', from);
    if (to < 0) to = folded.length;
    let byteTo = bytes.indexOf(0x0a, byteFrom);
    if (byteTo < 0) byteTo = bytes.length;
    const line = folded.slice(from, to);
    if (countHan(line) >= MIN_LINE_HAN && foldedPlausibility(line) < MIN_PLAUSIBILITY) {
      if (readsBetterAsAnother(bytes.subarray(byteFrom, byteTo), best.encoding)) return lineNo + 1;
    }
    from = to + 1;
    byteFrom = byteTo + 1;
  }
  return undefined;
}

function countHan(text: string): number {
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return han;
}

/** UTF-8, GB18030 or Big5 (other than `encoding`) reads these bytes as plausible Chinese. */
function readsBetterAsAnother(bytes: Uint8Array, encoding: Candidate['encoding']): boolean {
  for (const other of ['utf-8', 'gb18030', 'big5']) {
    if (other === encoding) continue;
    const text = tryDecode(other, bytes);
    if (text !== undefined && chinesePlausibility(text) >= MIN_PLAUSIBILITY) return true;
  }
  return false;
}

/**
 * Share of the Han characters in the text (folded to simplified script) that are among the most
 * common characters of everyday Chinese. Real text scores well above 0.5; the same bytes decoded
 * with the wrong legacy encoding give mostly rare characters and symbols.
 */
export function chinesePlausibility(text: string): number {
  return foldedPlausibility(toSimplifiedScript(text.slice(0, 20_000)));
}

function foldedPlausibility(sample: string): number {
  let han = 0;
  let common = 0;
  let nonAscii = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) continue;
    nonAscii++;
    if (code >= 0x4e00 && code <= 0x9fff) {
      han++;
      if (COMMON.has(ch)) common++;
    }
  }
  if (han === 0) return 0;
  // Weight by how much of the non-ASCII text is Han at all: mojibake brings symbols and kana.
  return (common / han) * (han / nonAscii);
}

// About 600 of the most frequent characters of modern Chinese (general and call-centre usage).
const COMMON = new Set(
  [
    '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去',
    '行过家十用发天如然作方成者多日都三小二无同么经法当起与好看学进种将还分此心前面又定见只主没公从已现动两长知',
    '民样实问部本间相因想意全机把她开等什最物员电被高给很手关点正话新外些务气情回头系名加月感号钱买单请帮您谢再',
    '客服货品快题候商订办理查询稍需联退款送收今明吗呢吧啊哦嗯嘛呀错件位先女士男姓叫喂刚才话费套餐充值网络信号',
    '地址电话码账户密登录修改取消开通办法规定处理反馈投诉建议满意评价感谢抱歉对起意思麻烦稍等马上立即尽快确认核',
    '实记录提供帮助解决问题情况原因时间天周星期分钟小时早晚上午下午今天昨天明天以后之前已经还没有可以能够需要应该',
    '必须希望知道清楚明白理解放心担心影响使用产品服务质量价格便宜贵免费收费扣除返还补偿赔偿换货维修保修发票快递物',
    '流包裹签收到达寄出发送短信通知邮件回复回访客户坐席工号很高兴为请问有什么帮您您好你好喂再见祝愉快生活工作辛苦',
    '键盘鼠标电脑手机屏幕系统软件更新安装下载打开关闭重启设置功能操作步骤方式办理业务营业厅门店公司部门经理主管领',
    '导同事人员专业态度声音听见说话讲清楚慢点快点大声小声重复一遍遍次回个些每各该本此那哪谁怎样么多少几点号码数字',
    '零两四五六七八九百千万元块角毛块钱张条台部份份双对边里外内前后左右东西南北中间附近旁边城市区县省路街道楼层室',
    '家里单位学校医院银行卡信用借记存取转账余额利息还款逾期申请审核通过失败成功结果状态进度等待排队安排预约登记',
  ].join(''),
);
