/**
 * A header block of `键：值` lines at the top of a plain transcript, without front matter's `---`
 * lines, as call-centre exports and people write one:
 *
 *   日期：2026-11-03          a known field (fields.ts: 日期, 工号, 通话编号, agent_id …)
 *   坐席：1023                an agent label with an id: the agent's number
 *   客户：张三                a customer label with a name: the customer's name
 *                             a blank line, then the dialogue
 *   坐席：您好，……
 *
 * Read as metadata only where it cannot be dialogue: known-field lines before the first speaker
 * label (which were ignored before); and label lines only inside a block that a blank line ends,
 * that holds a known field too, and whose every line is such a field or label (「客户：你好」,
 * 「坐席：您好」 and a block without a field stay dialogue).
 */
import type { CallMeta, ReadWarning } from '../model/call.js';
import type { DirectionCodes } from '../meta/fields.js';
import { knownField } from '../meta/fields.js';
import { AGENT_LABELS, CUSTOMER_LABELS, OTHER_LABELS, roleOfLabel } from './labels.js';
import { coreScalar, metaFromEntries, type Entry } from './plain-meta.js';

/** `键：值` or `key: value`: a key of no spaces or brackets, a full- or half-width colon, a value. */
const KEY_VALUE = /^[ \t\u3000]*([^\s:：[\]［］【】()（）]{1,16})[ \t\u3000]*[:：][ \t\u3000]*(\S.*?)[ \t\u3000]*$/;
const LABELS = new Set([...AGENT_LABELS, ...CUSTOMER_LABELS, ...OTHER_LABELS]);
/** An agent's number as a header gives it (1023, A128). */
const AGENT_ID = /^[A-Za-z]{0,3}[0-9]{2,8}$/;
/** A customer's name: two to four Han characters, none a greeting's or a reply's (你好, 喂, 好的, 在吗). */
const CUSTOMER_NAME = /^[\p{Script=Han}·]{2,4}$/u;
const NOT_A_NAME = /[你您好喂嗯哦啊吗嗎呢吧对對是谢謝在行]/;

type HeaderLine = { kind: 'field'; entry: Entry } | { kind: 'label'; entry: Entry } | undefined;

/** A line read as a header line: a known field, an agent label with an id, a customer label with a name; else undefined. */
function headerLine(text: string, line: number): HeaderLine {
  const m = KEY_VALUE.exec(text);
  if (!m) return undefined;
  const [, key = '', source = ''] = m;
  if (LABELS.has(key.toLowerCase())) {
    const role = roleOfLabel(key);
    if (role === 'agent' && AGENT_ID.test(source)) return { kind: 'label', entry: { key: 'agent_id', value: source, source, line } };
    if (role === 'customer' && CUSTOMER_NAME.test(source) && !NOT_A_NAME.test(source)) {
      return { kind: 'label', entry: { key: 'customer_name', value: source, source, line } };
    }
    return undefined;
  }
  if (!knownField(key)) return undefined;
  return { kind: 'field', entry: { key, value: coreScalar(source), source, line } };
}

/**
 * The header block at the top of `text` (offset 0, no front matter): its metadata and where the
 * dialogue starts (a line count and an offset); bodyLine 0 when there is none.
 */
export function readHeaderBlock(text: string, warnings: ReadWarning[], codes?: DirectionCodes): { meta: CallMeta; bodyLine: number; bodyOffset: number } {
  const lines: Array<{ read: HeaderLine; next: number }> = [];
  let at = 0;
  let lineNo = 0;
  let blankEnded = false;
  // Blank lines before the block, then its lines up to the first blank one or the first that is no header line.
  for (; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl);
    lineNo++;
    at = nl + 1;
    if (line.trim() === '') {
      if (lines.length === 0) continue;
      blankEnded = at < text.length;
      break;
    }
    const read = headerLine(line, lineNo);
    // Most transcripts start with dialogue: one line read. After a line that is no header line
    // only the fields before it are, and nothing further is read.
    if (read === undefined) {
      if (lines.length === 0) return { meta: {}, bodyLine: 0, bodyOffset: 0 };
      break;
    }
    lines.push({ read, next: at });
  }
  const whole = blankEnded && lines.some((l) => l.read?.kind === 'field');
  let count = 0;
  if (whole) count = lines.length;
  else while (count < lines.length && lines[count]?.read?.kind === 'field') count++;
  if (count === 0) return { meta: {}, bodyLine: 0, bodyOffset: 0 };
  const entries = lines.slice(0, count).map((l) => (l.read as NonNullable<HeaderLine>).entry);
  const first = new Map<string, Entry>();
  const kept: Entry[] = [];
  for (const entry of entries) {
    const field = knownField(entry.key) ?? entry.key;
    const before = first.get(field);
    if (!before) {
      first.set(field, entry);
      kept.push(entry);
    } else if (before.source !== entry.source) {
      warnings.push({ message: `header gives ${field} twice ("${before.source}", "${entry.source}"); the first is kept`, line: entry.line });
    }
  }
  const last = lines[count - 1] as { next: number };
  const bodyLine = (entries[entries.length - 1] as Entry).line;
  return { meta: metaFromEntries(kept, warnings, codes, 'header'), bodyLine, bodyOffset: Math.min(last.next, text.length) };
}
