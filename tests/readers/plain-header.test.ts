/**
 * A `键：值` header block at the top of a plain transcript (src/readers/plain-header.ts): read as
 * the call's metadata where it cannot be dialogue, kept as dialogue where it could be.
 */
import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../src/readers/plain.js';

const DIALOGUE = '坐席：您好，康泰鑫客服1023号为您服务。\n客户：我想查一下订单。\n';

describe('plain header block: read as metadata', () => {
  it('reads known fields, an agent label with an id and a customer label with a name, ended by a blank line', () => {
    const parsed = parsePlain(`坐席：1023\n客户：张三\n日期：2026-11-03\n\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ agent_id: '1023', customer_name: '张三', date: '2026-11-03' });
    expect(parsed.utterances.map((u) => [u.speaker, u.line])).toEqual([['agent', 5], ['customer', 6]]);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads known fields before the first label without a blank line (they were ignored before), in traditional script too', () => {
    const parsed = parsePlain(`日期：2026/11/3\n坐席工號：0128\n方向：呼入\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ date: '2026-11-03', agent_id: '0128', direction: 'inbound' });
    expect(parsed.utterances[0]).toMatchObject({ speaker: 'agent', line: 4 });
    expect(parsed.warnings).toEqual([]);
  });

  it('reads ASCII `key: value` lines without the --- of front matter', () => {
    const parsed = parsePlain(`agent_id: A128\ndate: 20261103\n\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ agent_id: 'A128', date: '2026-11-03' });
  });

  it('warns about a value it cannot read, naming the line, as front matter does', () => {
    const parsed = parsePlain(`日期：10/05/2026\n工号：1023\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ agent_id: '1023' });
    expect(parsed.warnings).toEqual([{ message: expect.stringMatching(/^header "date: 10\/05\/2026"/), line: 1 }]);
  });

  it('keeps the first of two agent numbers, with a warning', () => {
    const parsed = parsePlain(`工号：1023\n坐席：1024\n\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ agent_id: '1023' });
    expect(parsed.warnings).toEqual([{ message: 'header gives agent_id twice ("1023", "1024"); the first is kept', line: 2 }]);
  });
});

describe('plain header block: what could be dialogue stays dialogue', () => {
  it.each([
    ['a greeting under a label', `客户：你好\n坐席：1023\n日期：2026-11-03\n\n${DIALOGUE}`],
    ['label lines without a known field', `坐席：1023\n客户：张三\n\n${DIALOGUE}`],
    ['label lines without the blank line that ends a header', `日期：2026-11-03\n坐席：1023\n客户：张三\n${DIALOGUE}`],
  ])('%s', (_name, text) => {
    const parsed = parsePlain(text);
    expect(parsed.utterances[0]?.text).toMatch(/^(?:你好|1023)$/);
  });

  it('a customer answering with a reply, not a name, is dialogue: the header ends before it', () => {
    const parsed = parsePlain(`日期：2026-11-03\n客户：喂你好\n\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ date: '2026-11-03' });
    expect(parsed.utterances[0]).toMatchObject({ speaker: 'customer', text: '喂你好', line: 2 });
  });

  it('a transcript with front matter reads no header after it', () => {
    const parsed = parsePlain(`---\ncall_id: 7\n---\n日期：2026-11-03\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ call_id: '7' });
    expect(parsed.warnings).toEqual([{ message: 'text before the first speaker label ignored: "日期：2026-11-03"', line: 4 }]);
  });

  it('a line that is no field stops the header: the rest before the first label is warned about, as before', () => {
    const parsed = parsePlain(`日期：2026-11-03\n录音导出：系统自动生成\n${DIALOGUE}`);
    expect(parsed.meta).toEqual({ date: '2026-11-03' });
    expect(parsed.warnings).toEqual([{ message: 'text before the first speaker label ignored: "录音导出：系统自动生成"', line: 2 }]);
  });
});
