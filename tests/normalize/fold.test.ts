import { describe, expect, it } from 'vitest';
import { foldMany, foldPhrase, foldText, foldedSpan, originalSpan } from '../../src/normalize/fold.js';

describe('foldText', () => {
  it('folds traditional, Taiwan and Hong Kong variants to the simplified form of the phrase', () => {
    expect(foldText('您好，請問有什麼可以幫您？').folded).toBe(foldPhrase('您好请问有什么可以帮您'));
    expect(foldPhrase('裡面')).toBe(foldPhrase('裏面'));
    expect(foldPhrase('爲您服務')).toBe('为您服务');
    expect(foldPhrase('謝謝您的等候')).toBe('谢谢您的等候');
  });

  it('leaves simplified characters that OpenCC would mistake for variants (么 is not 幺)', () => {
    expect(foldPhrase('还有么需要')).toBe('还有么需要');
    expect(foldPhrase('什麼')).toBe(foldPhrase('什么'));
    expect(foldPhrase('幺')).toBe('幺');
  });

  it('folds 妳 (Taiwan, to a woman) to 你, and quotes it as said', () => {
    const text = '好的，我幫妳查一下，謝謝妳的來電。';
    const fold = foldText(text);
    expect(fold.folded).toBe('好的我帮你查一下谢谢你的来电');
    expect(foldMany([text, '您好'])[0]?.folded).toBe(fold.folded);
    const at = fold.folded.indexOf('谢谢你');
    expect(originalSpan(text, fold, at, at + 3)).toBe('謝謝妳');
  });

  it('folds 甚麼 to 什么 (a Taiwan spelling), not 甚 on its own', () => {
    expect(foldText('這是甚麼態度！').folded).toBe('这是什么态度');
    expect(foldText('甚至扣了兩次').folded).toBe('甚至扣了两次');
  });

  it('folds full-width letters and digits, lower-cases Latin, drops punctuation and spaces', () => {
    expect(foldPhrase('ＡＢＣ １２３，Hello!')).toBe('abc123hello');
    expect(foldPhrase('「」，。！？、…— ')).toBe('');
  });

  it('keeps a map back to the original characters for evidence quotes', () => {
    const text = '您好，請問有什麼可以幫您？';
    const fold = foldText(text);
    const at = fold.folded.indexOf('请问');
    expect(originalSpan(text, fold, at, at + 5)).toBe('請問有什麼');
    // A span across punctuation quotes the punctuation as said.
    expect(originalSpan(text, fold, 0, 4)).toBe('您好，請問');
  });

  it('maps original offsets to folded ones (foldedSpan), the inverse of originalSpan', () => {
    const text = '號碼：１３８　１２３４，5678。';
    const fold = foldText(text);
    const from = text.indexOf('１');
    const to = text.indexOf('。');
    const { start, end } = foldedSpan(fold, from, to);
    expect(fold.folded.slice(start, end)).toBe('13812345678');
    expect(originalSpan(text, fold, start, end)).toBe('１３８　１２３４，5678');
    expect(foldedSpan(fold, text.indexOf('：'), text.indexOf('：') + 1)).toEqual({ start: 2, end: 2 }); // dropped: empty
  });

  it('keeps what folding dropped at the edges of a number: its + and a bracket whose partner is inside', () => {
    const span = (text: string, number: string): string => {
      const fold = foldText(text);
      const { start, end } = foldedSpan(fold, text.indexOf(number), text.indexOf(number) + number.length);
      return originalSpan(text, fold, start, end);
    };
    expect(span('您登記的市話是(02)2345-6789，對嗎', '(02)2345-6789')).toBe('(02)2345-6789');
    expect(span('市話（02）2345-6789', '（02）2345-6789')).toBe('（02）2345-6789');
    expect(span('手機是+886 912 345 678', '+886 912 345 678')).toBe('+886 912 345 678');
    expect(span('手机是(+86)13812345678', '(+86)13812345678')).toBe('(+86)13812345678');
    // Balanced, or no partner inside: the bracket around the hit stays outside.
    expect(span('（分机8001）', '分机8001')).toBe('分机8001');
    expect(span('打(02)2345-6789', '2345-6789')).toBe('2345-6789');
    expect(span('升级+会员', '会员')).toBe('会员');
  });

  it('keeps astral ideographs (surrogate pairs) whole', () => {
    const fold = foldText('𠀀字');
    expect(fold.folded).toBe('𠀀字');
    expect(originalSpan('𠀀字', fold, 0, 2)).toBe('𠀀');
  });

  it('folds many texts with one conversion, identically to one by one', () => {
    const texts = ['您好，請問', '', 'ＯＫ，謝謝', '再見！'];
    expect(foldMany(texts).map((f) => f.folded)).toEqual(texts.map((t) => foldText(t).folded));
  });
});

describe('foldText on expanding compatibility characters', () => {
  it('grows its buffers when NFKC expands a character into many', () => {
    const text = '㍿'.repeat(10) + 'ﷺ';
    const fold = foldText(text);
    expect(fold.folded.startsWith('株式会社'.repeat(10))).toBe(true);
    expect(fold.map.length).toBe(fold.folded.length);
    expect(fold.map[fold.map.length - 1]).toBe(10);
  });
});
