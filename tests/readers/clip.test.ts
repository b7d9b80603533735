/** Readers quote transcript text in errors.csv messages; a clip never cuts a number or e-mail in two. */
import { describe, expect, it } from 'vitest';
import { clipText, sliceWhole } from '../../src/model/cut.js';
import { parsePlain } from '../../src/readers/plain.js';

describe('clipping quoted text', () => {
  it('runs on to the end of a phone number or e-mail address cut at the limit', () => {
    expect(clipText('客户说他的手机号码是13812345678，请帮他查一下订单', 15)).toBe('客户说他的手机号码是13812345678…');
    expect(clipText('客户手机 邮箱 zhang.san@qq.com 其他的话', 12)).toBe('客户手机 邮箱 zhang.san@qq.com…');
    expect(sliceWhole('found 138，1234，5678 here', 10)).toBe('found 138，1234，5678');
  });

  it('cuts as before elsewhere, dates and amounts included', () => {
    expect(clipText('订单日期2026-10-01，金额1280元，请核对', 10)).toBe('订单日期2026-1…');
    expect(clipText('短文本', 30)).toBe('短文本');
  });

  it('the plain reader quotes a number before the first label whole', () => {
    // The 30-character clip falls inside the number.
    const parsed = parsePlain(`${'嗯'.repeat(25)}13812345678 对\n坐席：您好\n`);
    expect(parsed.warnings[0]?.message).toContain('"' + '嗯'.repeat(25) + '13812345678…"');
  });
});
