import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlain, parseTimestamp, plainReader } from '../../src/readers/plain.js';
import { ParseFailure } from '../../src/readers/types.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url), 'utf8');

function failureOf(text: string): ParseFailure {
  try {
    parsePlain(text);
  } catch (err) {
    if (err instanceof ParseFailure) return err;
    throw err;
  }
  throw new Error('expected a ParseFailure');
}

describe('parseTimestamp', () => {
  it.each([
    ['00:03', { startMs: 3000 }],
    ['01:02:03', { startMs: 3_723_000 }],
    ['00:00.0-00:03.2', { startMs: 0, endMs: 3200 }],
    ['00:04.25-00:06.5', { startMs: 4250, endMs: 6500 }],
    ['00:15.5 - 00:17', { startMs: 15_500, endMs: 17_000 }],
    ['00:01:02.5-00:01:05', { startMs: 62_500, endMs: 65_000 }],
    ['0:00:07.125 - 0:00:09', { startMs: 7125, endMs: 9000 }],
    ['00:01.123456', { startMs: 1123 }],
  ])('[%s]', (inner, expected) => {
    expect(parseTimestamp(inner)).toEqual(expected);
  });

  it.each(['备注', '00:75', '1:75:00', '12', '00:01-', ''])('rejects [%s]', (inner) => {
    expect(parseTimestamp(inner)).toBeUndefined();
  });

  it('gives integer milliseconds', () => {
    const t = parseTimestamp('00:00.3333-00:00.6667');
    expect(t).toEqual({ startMs: 333, endMs: 667 });
  });
});

describe('plain format', () => {
  const parsed = parsePlain(fixture('plain-forms.txt'));
  const texts = parsed.utterances.map((u) => [u.line, u.speaker, u.text]);

  it('reads labels in both scripts, Latin labels in any case, both colons and spaces around', () => {
    expect(texts).toEqual([
      [13, 'agent', '您好，很高兴为您服务。'],
      [15, 'customer', '我想查一下話費。'],
      [16, 'agent', '好的请稍等'],
      [17, 'customer', '嗯'],
      [18, 'customer', ''],
      [19, 'customer', '还有一个问题'],
      [21, 'agent', 'Sure, one moment please'],
      [23, 'customer', 'thanks'],
      [24, 'agent', '好的'],
      [25, 'customer', '拜拜'],
      [26, 'customer', '再见这一行有时间但没有标签'],
    ]);
    expect(parsed.explicitRoles).toBe(true);
    expect(parsed.roleSource).toBe('labels');
  });

  it('finds a label behind invisible characters (zero-width space, direction marks, word joiner)', () => {
    for (const mark of ['\u200b', '\u200e', '\u2060', '\u200b\u200f ']) {
      const parsed = parsePlain(`坐席：您好，请问有什么可以帮您？\n${mark}客户：我要投诉。\n坐席：非常抱歉。\n`);
      expect(parsed.utterances.map((u) => [u.speaker, u.text, u.line]), JSON.stringify(mark)).toEqual([
        ['agent', '您好，请问有什么可以帮您？', 1],
        ['customer', '我要投诉。', 2],
        ['agent', '非常抱歉。', 3],
      ]);
      expect(parsed.warnings).toEqual([]);
    }
  });

  it('reads every timestamp form', () => {
    const times = parsed.utterances.map((u) => [u.startMs, u.endMs]);
    expect(times).toEqual([
      [1000, undefined],
      [4250, 6500],
      [7125, 9000],
      [10_000, 12_300],
      [undefined, undefined],
      [62_500, 65_000],
      [75_500, 77_000],
      [78_000, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('warns, with the line, about text it does not use or cannot read', () => {
    expect(parsed.warnings).toEqual([
      { line: 5, message: 'front matter direction "sideways" is not inbound or outbound (a telephony code? say what the codes mean with --direction-codes, e.g. 1=inbound,2=outbound); kept as written: the rules reading it are na' },
      { line: 6, message: 'front matter "date: 2026-13-01" is not a date (YYYY-MM-DD); ignored' },
      // a sales region, no holiday calendar: every call's holiday rule is na, so it is said once per call
      { line: 7, message: 'front matter region "华东" is not CN, TW or HK; kept as written: the rules reading it are na' },
      { line: 11, message: 'text before the first speaker label ignored: "录音导出：2026-10-02 系统自动生成"' },
      { line: 26, column: 1, message: 'unrecognised timestamp [备注] ignored' },
      { line: 27, message: 'timestamp without a speaker label; the text is taken as a continuation' },
    ]);
  });

  it('keeps ids as text exactly as written and other metadata typed', () => {
    expect(parsed.meta).toEqual({
      call_id: '0042',
      agent_id: '128',
      agent_name: '李雷',
      direction: 'sideways',
      region: '华东',
      transferred: false,
      ring_s: 4.5,
    });
  });

  it('reads the front matter of the reference call', () => {
    const call = parsePlain(fixture('call-timed.txt'));
    expect(call.meta).toEqual({
      call_id: '2026-10-0001',
      agent_id: 'A128',
      agent_name: '王芳',
      direction: 'inbound',
      date: '2026-10-01',
    });
    expect(call.utterances).toHaveLength(10);
    expect(call.utterances[5]).toMatchObject({ line: 13, text: '感谢您的耐心等待。您的订单因为仓库缺货延迟了，明天一定给您发出。' });
    expect(call.warnings).toEqual([]);
  });

  it('accepts 呼入/呼出 and windows line endings', () => {
    const call = parsePlain('---\r\ndirection: 呼出\r\n---\r\n坐席：您好\r\n客户：你好\r\n');
    expect(call.meta.direction).toBe('outbound');
    expect(call.utterances.map((u) => u.line)).toEqual([4, 5]);
  });

  it('without front matter, body lines count from 1', () => {
    const call = parsePlain('\n坐席：您好\n\n客户：你好');
    expect(call.utterances.map((u) => u.line)).toEqual([2, 4]);
    expect(call.meta).toEqual({});
  });

  it('does not take a colon later in the line as a label', () => {
    const call = parsePlain('坐席：请问您的地址是？\n客户：地址：北京市朝阳区\nCat: not a label');
    expect(call.utterances[1]?.text).toBe('地址：北京市朝阳区Cat: not a label');
  });

  it('fails with "no speaker labels found" when nothing is labelled', () => {
    expect(failureOf(fixture('bad-no-labels.txt')).message).toBe('no speaker labels found');
    expect(failureOf('---\ncall_id: 1\n---\n').message).toBe('no speaker labels found');
  });

  it('locates front matter errors at the line of the file', () => {
    const broken = failureOf(fixture('bad-front-matter.txt'));
    expect(broken.message).toBe('front matter: a line is not "key: value" (is the colon missing?)');
    expect(broken.line).toBe(4);
    expect(broken.column).toBe(1);

    const list = failureOf(fixture('bad-front-matter-list.txt'));
    expect(list.message).toMatch(/must be a mapping/);
    expect(list.line).toBe(2);

    const unclosed = failureOf(fixture('bad-front-matter-unclosed.txt'));
    expect(unclosed.message).toMatch(/not closed/);
    expect(unclosed.line).toBe(1);
  });

  it('counts the front matter offset after blank lines at the top', () => {
    const failure = failureOf('\n\n---\ncall_id: 1\ncall_id: 2\n---\n坐席：您好');
    expect(failure.message).toBe('front matter: the same key is given twice');
    expect(failure.line).toBe(5);
  });

  it('is the fallback: its sniff accepts any text', () => {
    expect(plainReader.sniff('{"not": "plain"}', 'x.json')).toBe(true);
    expect(plainReader.name).toBe('plain');
  });

  it('joins continuation lines as before: nothing in Chinese text, a space between Latin words', () => {
    const parsed = parsePlain('坐席：您好\n嗯\n\nok then\nfine\n[00:01] 2\n客户：\n好的\nA: say\n[00:02]\nhi\n');
    expect(parsed.utterances.map((u) => u.text)).toEqual(['您好嗯ok then fine 2', '好的', 'say hi']);
  });

  it('reads the labels centres number or nickname (坐席1, 客服小王), 服务员, and A/B exports', () => {
    const speakers = (text: string) => parsePlain(text).utterances.map((u) => `${u.speaker}:${u.text}`);
    expect(speakers('坐席1：您好\n客户：查订单\n客服小王：好的\n服务员：请稍等')).toEqual(['agent:您好', 'customer:查订单', 'agent:好的', 'agent:请稍等']);
    expect(speakers('A：您好，请问有什么可以帮您？\nB：查一下订单。')).toEqual(['agent:您好，请问有什么可以帮您？', 'customer:查一下订单。']);
    // A word after the label is no suffix: 客户说：… is a line of dialogue, not a label.
    expect(speakers('坐席：您好\n客户说：我要投诉')).toEqual(['agent:您好客户说：我要投诉']);
  });

  it('reads 199,000 continuation lines into one utterance', () => {
    // Reading the last character of a string grown line by line flattened it every line: this
    // took 35 s (past the test timeout); speed itself is measured by npm run bench, not here.
    const lines = 199_000;
    const parsed = parsePlain(`坐席：您好\n${'嗯\n'.repeat(lines)}`);
    expect(parsed.utterances[0]?.text).toBe(`您好${'嗯'.repeat(lines)}`);
  });
});
