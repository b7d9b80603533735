import { describe, expect, it } from 'vitest';
import { personalNumberSpans } from '../../src/match/personal-numbers.js';
import { maskPersonalData, maskProblemMessage, maskWithFound, personalDataFound } from '../../src/report/mask.js';
import { prng } from '../../src/workflow/prng.js';

describe('maskPersonalData', () => {
  it.each([
    ['我的手机是13812345678，谢谢', '我的手机是138****5678，谢谢'],
    ['号码 138-1234-5678 对吗', '号码 138-****-5678 对吗'],
    ['号码 138 1234 5678 对吗', '号码 138 **** 5678 对吗'],
    ['座机010-12345678找我', '座机010-****5678找我'],
    ['身份证11010519491231002X', '身份证110***********002X'],
    ['身份证号110105194912310021。', '身份证号110***********0021。'],
    ['卡号6222021234567890123', '卡号622************0123'],
    ['卡号 6222 0212 3456 7890', '卡号 622* **** **** 7890'],
    ['邮箱 zhangsan@example.com 收到', '邮箱 z***@example.com 收到'],
    ['我电话一三八一二三四五六七八', '我电话一三八****五六七八'],
    ['幺三九八七六五四三二幺零', '幺三九*****三二幺零'],
    ['一三八，一二三四，五六七八', '一三八，****，五六七八'],
    // A recogniser that ends a "sentence" at each pause: the full stops are inside the number.
    ['号码是138。1234。5678，对吗', '号码是138。****。5678，对吗'],
    ['一三八。一二三四。五六七八', '一三八。****。五六七八'],
    ['号码是 一 三 八 一 二 三 四 五 六 七 八', '号码是 一 三 八 * * * * 五 六 七 八'],
    ['（0755）1234567转分机', '（075*）***4567转分机'],
    ['电话 0755-1234567', '电话 075*-***4567'],
    ['+86 138 1234 5678', '+86 138 **** 5678'],
    ['+8613812345678', '+86138****5678'],
    // An extension after a masked line stays as said: a few digits that tell no one the number.
    ['您的座机是010-12345678-8001', '您的座机是010-****5678-8001'],
    // A code is kept only on a phone behind it: 00852… may start a bank account.
    ['您的郵局帳號是0085212345678901', '您的郵局帳號是008*********8901'],
    ['全角１３８１２３４５６７８号', '全角１３８****５６７８号'],
    ['转账12345678901234567890123', '转账123****************0123'],
    ['邮件 13812345678@qq.com', '邮件 1***@qq.com'],
    ['110105 19491231 002X 是身份证', '110*** ******** 002X 是身份证'],
    // The shortest shapes, 10 digits: the cheap pre-test must still let them through.
    ['（010）1234567', '（010）***4567'],
    ['座机010-1234567', '座机010-***4567'],
    // Separators speech recognisers and agents' notes use (reviewer's findings).
    ['号码138，1234，5678', '号码138，****，5678'],
    // Masking does not ask the call whether a joined mobile shape is a phone (conduct.privacy does:
    // src/engine/joined-mobiles.ts); a quote has lost that context, and masking a price is safe.
    ['分别是139，1299，1599。', '分别是139，****，1599。'],
    ['分别是139。1299。1599。', '分别是139。****。1599。'],
    ['号码 138, 1234, 5678 对吗', '号码 138, ****, 5678 对吗'],
    ['号码138.1234.5678', '号码138.****.5678'],
    ['号码１３８　１２３４　５６７８', '号码１３８　****　５６７８'],
    ['号码是 1 3 8 1 2 3 4 5 6 7 8', '号码是 1 3 8 * * * * 5 6 7 8'],
    ['身份证 110105 1949 1231 002X', '身份证 110*** **** **** 002X'],
    ['邮箱 zhang.san＠qq.com', '邮箱 z***＠qq.com'],
    ['座机 0755 1234 5678', '座机 075* **** 5678'],
    ['座机 010，1234，5678', '座机 010，****，5678'],
    ['号码 1, 3, 8, 1, 2, 3, 4, 5, 6, 7, 8', '号码 1, 3, 8, *, *, *, *, 5, 6, 7, 8'],
    ['邮箱 zhangsan＠qq．com', '邮箱 z***＠qq．com'],
    // Taiwan and Hong Kong numbers, other groupings, full-width e-mail (reviewer's findings).
    ['號碼0912345678', '號碼091***5678'],
    ['手機 0912-345-678 對嗎', '手機 091*-**5-678 對嗎'],
    ['號碼零九一二三四五六七八', '號碼零九一***五六七八'],
    ['電話：零九一二，三四五，六七八', '電話：零九一*，**五，六七八'],
    ['電話(02)2345-6789', '電話(02)2***-6789'],
    ['打 02-2345-6789 找我', '打 02-2***-6789 找我'],
    ['電話9123 4567', '電話91** **67'],
    ['他說91234567', '他說91****67'],
    ['九一二三四五六七', '九一****六七'],
    ['我的号码是 8765 4321', '我的号码是 87** **21'],
    ['手机138 123 45678', '手机138 *** *5678'],
    ['号码 1381 234 5678', '号码 138* *** 5678'],
    // A recogniser's space after seven digits: read as a mobile by the rule, so masked.
    ['您的手机号是1381234 5678，对吗', '您的手机号是138**** 5678，对吗'],
    ['您的身分證字號是A123456789，對嗎', '您的身分證字號是A12*****89，對嗎'],
    ['邮箱ｚｈａｎｇｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', '邮箱ｚ***＠ｅｘａｍｐｌｅ．ｃｏｍ'],
    // Bank accounts in any grouping after 帳號/账号/戶口號碼, and short landlines after 市話: no
    // shape tells them, the word does (src/match/named-numbers.ts).
    ['您綁定的銀行帳號是 012-345678-901', '您綁定的銀行帳號是 012-*****8-901'],
    ['帳號 1234 5678 9012', '帳號 123* **** 9012'],
    ['您的帳號是0123-4567-8901-23，對嗎', '您的帳號是012*-****-**01-23，對嗎'],
    ['您的退款帳號是 700-0001-2345678', '您的退款帳號是 700-****-***5678'],
    ['您家裡的市話是 234-5678', '您家裡的市話是 23*-**78'],
    ['您的市話是 037-123456', '您的市話是 03*-****56'],
    // An area code and its number said apart are one landline: masked as one, the words between kept.
    ['您登记的座机是区号010，号码12345678', '您登记的座机是区号010，号码****5678'],
    ['您家的座机区号是零幺零，后面是八位，幺二三四五六七八', '您家的座机区号是零幺零，后面是八位，****五六七八'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    '订单金额1280元，10月1日发货',
    '国庆节2026-10-01放假，10:30开门',
    '康泰鑫客服128号为您服务',
    '订单号2026100112请核对',
    '第一二三四五条规定',
    '价格分别是 100 200 300 400 500 元',
    '从2026-10-01 2026-10-07都休息',
    '您好，请问有什么可以帮您？',
    '4 silences longer than 10.0 s: 00:38.8–01:08.8 (30.0 s) between turn 7 and turn 8',
    '197.8 characters per minute (363 characters in 110.1 s of agent speech)',
    // Ordinary numbers next to the separators the wider shapes accept stay readable.
    '订单金额1,280.50元，运费12元，共3件',
    '金额分别是1280，1500，2000，3000元',
    '金额1380，1500，300',
    '分别是1380 1500 300',
    '请在 2026 1015 前还款',
    '您的积分是 91234567 分',
    '您的保单号是P123456789，请保管好',
    '2026.10.01 10:30 到 2026.10.07 18:00',
    '[00:00.0-00:03.2] 您好，10:30、11:45、14:00 都可以',
    '第1，2，3，4，5条',
    '数量 1 2 3 4 5 6 7 8 9 10 11 12',
    '时间戳 1735689600 到 1735693200',
    '邮箱后缀是 @qq.com',
    // Numbers the agent calls an order, waybill or serial number: a reviewer needs them whole.
    '您的订单20261015001已于2026-10-15 14:30发出',
    '订单号 9876 5432',
    '编号 98765432',
    '訂單號碼係 9123 4567',
    '流水号12345678901234567890123',
    '您的訂單號碼是 0223456789',
    '您的快遞單號碼是 23456789',
    // An account's balance or tail digits are no account number.
    '您的帳戶餘額是 1234567890 元',
    '帳號末四碼 1234',
    // Twelve digits in fours are no Hong Kong number, labelled or not.
    '您的快递单号是7712 3456 7890',
    '快递 7712 3456 7890',
    // Eight digits with a unit are an amount, not a Hong Kong number.
    '价格 2000 3000元',
    '金额60000000元',
    '共 5000 2000 块',
    // Full stops between amounts and dates are sentences, not a number's pauses.
    '一共是1380。1500。300元',
    '今天是2026。12。07',
    '好的。一共三百元。谢谢',
  ])('leaves ordinary numbers alone: %s', (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });

  it('masks Chinese numerals read out one by one with dashes between them', () => {
    expect(maskPersonalData('号码是一-三-八-一-二-三-四-五-六-七-八')).toBe('号码是一-三-八-*-*-*-*-五-六-七-八');
  });

  it('masks a Hong Kong ID, its check digit in brackets or said as 括號 (the rules quote both)', () => {
    for (const text of ['身份證係 A123456(3)', '身份證係 A 一二三四五六 括號三', 'AB987654（3）']) {
      const masked = maskPersonalData(text);
      expect(masked).toContain('***');
      expect(masked.length).toBe(text.length);
    }
    expect(maskPersonalData('今日三點，括號入面係備註')).toBe('今日三點，括號入面係備註');
  });

  it('masks a mobile next to a date without touching the date', () => {
    expect(maskPersonalData('2026-10-01 致电 138 1234 5678')).toBe('2026-10-01 致电 138 **** 5678');
  });

  it('masks every number in a quote that has several', () => {
    const out = maskPersonalData('手机13812345678，备用13987654321');
    expect(out).toBe('手机138****5678，备用139****4321');
  });

  // What the rules' personal-number detector finds and the shapes above do not: masked too.
  it.each([
    ['卡号6222，0212，3456，7894', '卡号622*，****，****，7894'],
    ['号码一三八 ， 一二三四 ， 五六七八', '号码一三八 ， **** ， 五六七八'],
    ['手機號碼幺三八兩二三四五六七八', '手機號碼幺三八****五六七八'],
    ['身份证一一零一零五一九四九一二三一零零二叉', '身份证一一零***********零零二叉'],
  ])('masks what the rules detect: %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it('masks every number the rules can quote (random numbers in random company)', () => {
    const rand = prng(20261123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const digits = ['0123456789', '０１２３４５６７８９', '零一二三四五六七八九', '〇幺两三四五六七八九', '零一兩三四五六七八九'];
    const seps = [' ', '-', '，', ', ', ' ， ', '、', '.', '　', '－'];
    const words = ['您好', '手机号是', '卡号', '身份证', '订单号', '对吗', '2个', 'X', '。', '：'];
    const numbers = ['13812345678', '11010519491231002X', '320102198511204566', '6222021234567894', '6228480012345678903', '110105194912310020'];
    const shapes = [[11], [3, 4, 4], [3, 8], [18], [6, 8, 4], [6, 4, 4, 4], [16], [4, 4, 4, 4], [19], [4, 4, 4, 4, 3]];
    let masked = 0;
    for (let n = 0; n < 3000; n++) {
      let text = pick(words);
      for (let k = 0; k < 3; k++) {
        const number = pick(numbers);
        const shape = pick(shapes.filter((s) => s.reduce((a, b) => a + b, 0) === number.length)) ?? [number.length];
        const set = pick(digits);
        let at = 0;
        const pieces = shape.map((len) => {
          const piece = [...number.slice(at, at + len)].map((d) => (d === 'X' ? 'X' : set[Number(d)])).join('');
          at += len;
          return piece;
        });
        const sep = pick(seps);
        text += (rand() < 0.2 ? [...pieces.join('')].join(sep) : pieces.join(sep)) + pick(words);
      }
      const out = maskPersonalData(text);
      for (const span of personalNumberSpans(text)) {
        // The detector may read the masked text differently; what it found in the original must not survive.
        // Masking keeps the length of a number: at most its first 3 and last 4 digits still show.
        const shown = out.slice(span.start, span.end);
        expect(shown.match(/[0-9０-９零〇一二三四五六七八九幺两兩X叉]/g)?.length ?? 0, `${text} → ${out}`).toBeLessThanOrEqual(7);
        expect(shown).toContain('*');
        masked++;
      }
    }
    expect(masked).toBeGreaterThan(3000);
  });
});

describe('maskProblemMessage (errors.csv)', () => {
  it.each([
    // A Unix time in milliseconds is a time: the reviewer needs it to fix the file.
    ['started_at: front matter says 1733577600000, manifest says 2024-12-07 21:20', 'started_at: front matter says 1733577600000, manifest says 2024-12-07 21:20'],
    ['Result.Sentences[3] BeginTime 1733577600000', 'Result.Sentences[3] BeginTime 1733577600000'],
    ['line 4: "1733577600000 客户13812345678"', 'line 4: "1733577600000 客户138****5678"'],
    // A customer's number stays masked: after a phone or account word, in any other shape, or beside a time.
    ['line 2: "我的电话1733577600000"', 'line 2: "我的电话173******0000"'],
    ['line 2: "您的账号是1733577600000"', 'line 2: "您的账号是173******0000"'],
    ['line 7: "坐席13812345678" (started_at 1733577600000)', 'line 7: "坐席138****5678" (started_at 1733577600000)'],
    ['line 9: "6222021234567894"', 'line 9: "622*********7894"'],
    ['line 9: "17335776000001"', 'line 9: "173*******0001"'], // 14 digits: no time
    // File names stay readable (the file column shows them in full); the number named in words does not.
    ['call_id "13812345678" is also the id of calls/A2/13812345678.txt: give each call its own call_id', 'call_id "138****5678" is also the id of calls/A2/13812345678.txt: give each call its own call_id'],
    ['listed in lists/13812345678.lst line 3 but not found', 'listed in lists/13812345678.lst line 3 but not found'],
    ['line 3: "我的电话13812345678.好的"', 'line 3: "我的电话138****5678.好的"'],
    ['line 3: "13812345678@qq.com"', 'line 3: "1***@qq.com"'],
    ['', ''],
  ])('%s', (message, masked) => {
    expect(maskProblemMessage(message)).toBe(masked);
  });
});

describe('maskWithFound: a number the recogniser cut at a pause', () => {
  const said = (turn: number, matched: string, cut?: true) => ({ turn, speaker: 'agent' as const, quote: matched, matched, personal: true as const, ...(cut ? { cut } : {}) });

  it('masks the two halves as one number: 3 first and 4 last digits of the whole, not of each half', () => {
    const found = personalDataFound([said(2, '1381'), said(3, '234 5678', true)]);
    expect(maskWithFound('turns 2–3「1381，234 5678」', found)).toBe('turns 2–3「138*，*** 5678」');
    expect(maskWithFound('您的手机是1381，', found)).toBe('您的手机是138*，');
    expect(maskWithFound('234 5678，对吗？', found)).toBe('*** 5678，对吗？');
    const card = personalDataFound([said(4, '6222 0212'), said(5, '3456 7894', true)]);
    expect(maskWithFound('「6222 0212，3456 7894」', card)).toBe('「622* ****，**** 7894」');
  });

  it('masks two whole numbers in a row each on its own', () => {
    const found = personalDataFound([said(2, '13812345678'), said(3, '13912345678')]);
    expect(maskWithFound('13812345678 13912345678', found)).toBe('138****5678 139****5678');
  });
});
