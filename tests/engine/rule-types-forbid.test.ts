/** `forbid`: the speaker says none of the phrases; exceptions, repetition limits and scopes. */
import { describe, expect, it } from 'vitest';
import { loadRulesetFromText } from '../../src/ruleset/index.js';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const taboo = rulesetOf(`  - id: conduct.forbidden-phrases
    category: conduct
    title: taboo
    points: 5
    forbid: { speaker: agent, phrases: [不知道, 你再说一遍], except: [不知道您, 说了句不知道] }
`);

describe('forbid', () => {
  it('fails on the taboo with turn, speaker and the words as said (traditional kept)', () => {
    const r = judge(taboo, callOf('坐席：您好。\n客户：我的快遞呢？\n坐席：這個我不知道。'));
    expect(r.verdict).toBe('fail');
    expect(r.evidence).toEqual([expect.objectContaining({ turn: 3, speaker: 'agent', matched: '不知道' })]);
  });

  it('passes when only the customer says it', () => {
    const r = judge(taboo, callOf('坐席：您好。\n客户：我不知道订单号，你再说一遍？\n坐席：好的，您可以在订单页面找到。'));
    expect(r.verdict).toBe('pass');
    expect(r.window).toContain('agent');
  });

  it('does not count the taboo inside an exception (a polite question, a quote)', () => {
    const call = callOf('坐席：不知道您现在方便吗？\n客户：上次的客服说了句"不知道"就挂了。\n坐席：您是说他只说了句"不知道"，是吗？');
    expect(judge(taboo, call).verdict).toBe('pass');
  });

  it('an exception reaching the hit across a clause break clears nothing; after 说 a comma opens a quote', () => {
    expect(judge(taboo, callOf('客户：积分怎么换？\n坐席：这个我也不知道，您去问别人吧。')).verdict).toBe('fail');
    expect(judge(taboo, callOf('客户：积分怎么换？\n坐席：不知道您现在方便吗？')).verdict).toBe('pass');
    const quoting = rulesetOf(`  - id: conduct.forbidden-phrases
    category: conduct
    title: taboo
    points: 5
    forbid: { speaker: agent, phrases: [不知道], except: [说不知道] }
`);
    expect(judge(quoting, callOf('客户：上次的客服只会说不知道。\n坐席：您是说他只会说，不知道？')).verdict).toBe('pass');
  });

  it('does not count words inside quotation marks (someone else\'s), but does count them outside', () => {
    expect(judge(taboo, callOf('客户：师傅说这个我不知道。\n坐席：您是说师傅说「这个我不知道」吗？')).verdict).toBe('pass');
    expect(judge(taboo, callOf('客户：师傅说这个我不知道。\n坐席：您是说师傅说"这个我不知道"吗？')).verdict).toBe('pass');
    expect(judge(taboo, callOf('客户：那个套餐呢？\n坐席：您说的"那个套餐"？我不知道。')).verdict).toBe('fail');
  });

  it('fails only from min_count hits: one stray 你 passes, two fail; 你们 and 你好 never count', () => {
    const rs = rulesetOf(`  - id: conduct.polite-address
    category: conduct
    title: 您
    points: 3
    forbid: { speaker: agent, phrases: [你], except: [你们, 你好], min_count: 2 }
`);
    const once = judge(rs, callOf('坐席：你好，你们那边的网络好了吗？你稍等。\n客户：好。'));
    expect(once.verdict).toBe('pass');
    expect(once.reason).toContain('1 time');
    const twice = judge(rs, callOf('坐席：你稍等。\n客户：好。\n坐席：你看一下。'));
    expect(twice.verdict).toBe('fail');
    expect(twice.evidence.map((e) => e.turn)).toEqual([1, 3]);
  });

  it('reports words two phrases both hit once, and counts them once', () => {
    const rs = rulesetOf(`  - id: closing.no-rude-close
    category: closing
    title: 挂机
    points: 3
    forbid: { speaker: agent, phrases: [没事我挂了, "/没事我?挂了/"], min_count: 2 }
`);
    const r = judge(rs, callOf('坐席：活动已经结束了。\n客户：哦。\n坐席：没事我挂了。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('1 time');
  });

  it('looks only inside its scope', () => {
    const rs = rulesetOf(`  - id: opening.no-rude-greeting
    category: opening
    title: 喂
    points: 3
    forbid: { speaker: agent, scope: { first_turns: 1 }, phrases: [/^喂/] }
`);
    expect(judge(rs, callOf('坐席：喂，什么事？\n客户：你好。')).verdict).toBe('fail');
    expect(judge(rs, callOf('坐席：您好，康泰鑫客服。\n客户：……\n坐席：喂，您好？')).verdict).toBe('pass');
  });

  it('never invents a taboo from a near match', () => {
    expect(judge(taboo, callOf('坐席：我知道了。\n客户：好。\n坐席：不知到了吗。')).verdict).toBe('pass');
  });

  it('is na when the call has no speaker roles', () => {
    // An undiarized recogniser output: one voice, no speaker labels.
    const r = judge(taboo, callOf(JSON.stringify({ segments: [{ start: 0, end: 1.5, text: '不知道。' }, { start: 2, end: 3, text: '好的。' }] })));
    expect(r.verdict).toBe('na');
    expect(r.points).toBe(0);
  });
});

describe('forbid: a word is said within one clause', () => {
  const abuse = rulesetOf(`  - id: conduct.abuse
    category: conduct
    title: abuse
    points: 5
    forbid: { speaker: agent, phrases: [活该, 白痴, 没事请挂机] }
`);

  it('a short taboo across a comma is two clauses meeting, not the word (folding drops the comma)', () => {
    expect(judge(abuse, callOf('客户：会影响我吗？\n坐席：这不会影响您的正常生活，该还的按账单还就行。')).verdict).toBe('pass');
    expect(judge(abuse, callOf('客户：会影响我吗？\n坐席：你这是活该。')).verdict).toBe('fail');
  });

  it('a longer taboo keeps a pause inside it: 「如果没有其他的事，请挂机」 is still the rude close', () => {
    const r = judge(abuse, callOf('客户：好的。\n坐席：没事，请挂机。'));
    expect(r.verdict).toBe('fail');
    expect(r.evidence[0]?.matched).toBe('没事，请挂机');
  });
});

describe('forbid counts a saying once', () => {
  it('drops a listed phrase found inside a longer listed phrase of the same list', () => {
    const rule = rulesetOf(`  - id: complaint.no-blame
    category: complaint
    title: blame
    points: 5
    forbid: { speaker: agent, phrases: [这不是我的错, 不是我的错], min_count: 2 }
`);
    const once = judge(rule, callOf('坐席：这不是我的错。\n客户：好吧。'));
    expect(once.verdict).toBe('pass');
    expect(once.reason).toBe('said 1 time(s), below the limit of 2');
    const twice = judge(rule, callOf('坐席：这不是我的错。\n客户：好吧。\n坐席：不是我的错！'));
    expect(twice.verdict).toBe('fail');
    expect(twice.evidence.map((e) => e.matched)).toEqual(['这不是我的错', '不是我的错']);
  });
});

describe('forbid personal_data: numbers read out, found in the speaker\'s own text', () => {
  const privacy = rulesetOf(`  - id: conduct.privacy
    category: conduct
    title: 不泄露客户个人信息
    points: 5
    critical: true
    forbid: { speaker: agent, personal_data: [mobile, id_card, bank_card] }
`);

  it('fails on a full mobile followed by another number a comma away (folding glued them: 12 digits)', () => {
    const r = judge(privacy, callOf('客户：帮我看下快递。\n坐席：您的手机号是13812345678，2个包裹都寄过去了。'));
    expect(r).toMatchObject({ verdict: 'fail', critical: true, window: 'agent, whole call' });
    expect(r.evidence).toEqual([expect.objectContaining({ turn: 2, speaker: 'agent', matched: '13812345678', phrase: 'personal_data: mobile' })]);
    expect(r.reason).toBe('agent read out a full mobile number at turn 2「13812345678」');
  });

  it('fails on an ID-card number followed by a count, and says which kind', () => {
    const r = judge(privacy, callOf('坐席：您的身份证11010519491231002X，对吧，3天内办好。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('agent read out an ID-card number at turn 1「11010519491231002X」');
  });

  it('still fails a read-back of the customer\'s own number, and says the customer gave it first', () => {
    const r = judge(privacy, callOf('客户：我手机是13812345678。\n坐席：跟您核对一下，您的手机号码是138 1234 5678，对吗？'));
    expect(r).toMatchObject({ verdict: 'fail', critical: true });
    expect(r.reason).toBe('agent read out a full mobile number at turn 2「138 1234 5678」 (read back: the customer said it at turn 1)');
  });

  it('names a Taiwan ID as one, not as a mainland ID card', () => {
    const r = judge(privacy, callOf('客戶：幫我核對資料。\n坐席：您的身分證字號是A123456789，對嗎？'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('agent read out a Taiwan ID-card number at turn 2「A123456789」');
  });

  it('fails on numbers written with separators, digit by digit, in Chinese numerals, in traditional script', () => {
    for (const said of [
      '號碼是138-1234-5678對嗎',
      '您的手機號碼是幺三八幺二三四五六七八，對嗎？',
      '号码是一三八 一二三四 五六七八',
      '号码是 1 3 8 1 2 3 4 5 6 7 8',
      '号码138，1234，5678',
      '卡号6222 0212 3456 7894',
      '身份证 110105 19491231 002X',
    ]) {
      expect(judge(privacy, callOf(`客户：好的。\n坐席：${said}`)).verdict, said).toBe('fail');
    }
  });

  it('passes order numbers, amounts, tail numbers and numbers that fold together from separate ones', () => {
    for (const said of [
      '您的订单号202311230001234567已经发货了',
      '运单号是6228480012345678903',
      '您这四笔分别是6000，1500，2000，3000',
      '您登记的手机尾号是5678，对吗？',
      '工号1380，电话1234，分机5678',
      '卡号后四位是7894',
    ]) {
      const r = judge(privacy, callOf(`客户：好的。\n坐席：${said}`));
      expect(r.verdict, said).toBe('pass');
      expect(r.reason).toBe('no full mobile, ID-card or bank-card number read out');
    }
  });

  it('fails on a number the recogniser cut at a pause, across two utterances of the agent, and quotes it whole', () => {
    const r = judge(privacy, callOf('客户：我的号码是多少来着？\n坐席：好的，号码是一三八\n坐席：一二三四五六七八，对吧？'));
    expect(r).toMatchObject({ verdict: 'fail', critical: true });
    expect(r.reason).toBe('agent read out a full mobile number at turns 2–3「一三八，一二三四五六七八」');
    expect(r.evidence.map((e) => [e.turn, e.matched, e.cut])).toEqual([[2, '一三八', undefined], [3, '一二三四五六七八', true]]);
    const arabic = judge(privacy, callOf('坐席：您的手机号是138，\n坐席：1234，5678，对吗？'));
    expect(arabic.reason).toBe('agent read out a full mobile number at turns 1–2「138，1234，5678」');
  });

  it('joins a mobile read in named parts across the pause, and no tail read after the first part', () => {
    const parts = judge(privacy, callOf('坐席：您的手机前三位是138，\n坐席：中间1234，后四位5678，对吗？'));
    expect(parts.verdict).toBe('fail');
    expect(parts.reason).toBe('agent read out a full mobile number at turns 1–2「138，中间1234，后四位5678」');
    expect(judge(privacy, callOf('坐席：您的手机前三位是138，\n坐席：尾号5678，对吗？')).verdict).toBe('pass');
  });

  it('joins no utterances across another speaker, nor pieces too far apart, nor halves that are numbers of their own', () => {
    for (const said of [
      '坐席：号码是一三八\n客户：嗯\n坐席：一二三四五六七八',
      '坐席：工号1380\n坐席：分机是1234，5678',
      '坐席：您的订单是20231123\n坐席：12345678号，对吗？',
    ]) {
      expect(judge(privacy, callOf(said)).verdict, said).toBe('pass');
    }
  });

  it('passes an order number the agent reads back after asking for it, whatever its shape; not a phone given instead', () => {
    const order = judge(privacy, callOf('坐席：好的，请您报一下订单号。\n客户：13812345678。\n坐席：13812345678，对吧？我帮您查一下。'));
    expect(order.verdict).toBe('pass');
    const spoken = judge(privacy, callOf('坐席：請您報一下訂單號。\n客戶：訂單號是幺三八幺二三四五六七八。\n坐席：13812345678，對嗎？'));
    expect(spoken.verdict).toBe('pass');
    const phone = judge(privacy, callOf('坐席：好的，请您报一下订单号。\n客户：我没有订单号，我手机是13812345678。\n坐席：13812345678，对吧？'));
    expect(phone.verdict).toBe('fail');
    const unasked = judge(privacy, callOf('坐席：请问有什么可以帮您？\n客户：13812345678。\n坐席：13812345678，对吧？'));
    expect(unasked.verdict).toBe('fail');
  });

  it('passes when only the customer reads out their own number', () => {
    const r = judge(privacy, callOf('客户：我的号码是13700456612，身份证11010519491231002X。\n坐席：好的，系统里登记的尾号是6612，和您说的一致。'));
    expect(r.verdict).toBe('pass');
  });

  it('is review when an ID-card number has a real birth date but a wrong check digit (a misheard digit)', () => {
    const r = judge(privacy, callOf('坐席：身份证110105194912310020，对吧，3天内'));
    expect(r.verdict).toBe('review');
    expect(r.points).toBe(0);
    expect(r.reason).toContain('an ID-card number at turn 1「110105194912310020」 (its check digit is wrong)');
    expect(r.reason).toContain('a person should listen');
  });

  it('one certain number among unsure ones still fails', () => {
    const r = judge(privacy, callOf('坐席：身份证110105194912310020，对吧？\n客户：嗯。\n坐席：手机13812345678。'));
    expect(r.verdict).toBe('fail');
    expect(r.evidence.map((e) => e.turn)).toEqual([1, 3]);
  });

  it('looks only for the kinds listed', () => {
    const ids = rulesetOf(`  - id: conduct.privacy
    category: conduct
    title: ID
    points: 5
    forbid: { speaker: agent, personal_data: [id_card] }
`);
    expect(judge(ids, callOf('坐席：手机13812345678')).verdict).toBe('pass');
    expect(judge(ids, callOf('坐席：手机13812345678')).reason).toBe('no ID-card number read out');
    expect(judge(ids, callOf('坐席：身份证11010519491231002X')).verdict).toBe('fail');
  });

  it('does not count a number inside an exception (the company\'s own account)', () => {
    const rs = rulesetOf(`  - id: conduct.privacy
    category: conduct
    title: 隐私
    points: 5
    forbid: { speaker: agent, personal_data: [bank_card], except: [对公账户6222021234567894] }
`);
    expect(judge(rs, callOf('坐席：请汇款到我们的对公账户6222 0212 3456 7894。')).verdict).toBe('pass');
    expect(judge(rs, callOf('坐席：您的卡号6222 0212 3456 7894。')).verdict).toBe('fail');
  });

  it('combines with phrases and min_count', () => {
    const rs = rulesetOf(`  - id: conduct.privacy
    category: conduct
    title: 隐私
    points: 5
    forbid: { speaker: agent, phrases: [密码是], personal_data: [mobile], min_count: 2 }
`);
    expect(judge(rs, callOf('坐席：手机13812345678。')).reason).toBe('said or read out 1 time(s), below the limit of 2');
    const r = judge(rs, callOf('坐席：手机13812345678。\n客户：嗯。\n坐席：您的密码是123456。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('said turn 3「密码是」; agent read out a full mobile number at turn 1「13812345678」 (2 times, limit 1)');
    expect(r.evidence.map((e) => e.turn)).toEqual([1, 3]);
  });

  it('quotes a window around a number deep in a long turn, the number whole', () => {
    const text = `${'嗯'.repeat(60)}您的手机号是１３８ １２３４ ５６７８，${'嗯'.repeat(40)}`;
    const [e] = judge(privacy, callOf(`坐席：${text}`)).evidence;
    expect(e?.matched).toBe('１３８ １２３４ ５６７８');
    expect(e?.quote).toMatch(/^…嗯+您的手机号是１３８ １２３４ ５６７８，嗯+…$/);
  });
});

describe('forbid personal_data in the ruleset language', () => {
  const load = (forbid: string) => loadRulesetFromText(`name: t\nversion: 1\npass_mark: 80\nweights: { conduct: 100 }\nrules:\n  - id: conduct.privacy\n    category: conduct\n    title: t\n    points: 5\n    forbid: ${forbid}\n`, 't.yaml');

  it('names a misspelt kind', () => {
    const r = load('{ speaker: agent, personal_data: [mobil] }');
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toContain('rule conduct.privacy: forbid.personal_data.0 must be one of mobile, id_card, bank_card (did you mean "mobile"?)');
  });

  it('needs phrases or personal_data', () => {
    const r = load('{ speaker: agent }');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ line: 10, code: 'missing-key', message: 'forbid needs "phrases", "personal_data" (mobile, id_card, bank_card) or both' })]);
  });
});

describe('forbid after a trigger', () => {
  it('keeps an after_trigger window after every trigger, not only the first (a customer who complains again)', () => {
    const rs = rulesetOf(`  - id: complaint.no-blame
    category: complaint
    title: no argument
    points: 5
    when: { said: { speaker: customer, phrases: [太慢, 什么态度] } }
    forbid: { speaker: agent, scope: { after_trigger_turns: 1 }, phrases: [但是] }
`);
    const later = callOf('客户：太慢了！\n坐席：抱歉。\n客户：发票怎么开？\n坐席：订单页面申请，但是纸质的要三天。\n客户：快递员什么态度！\n坐席：但是他敲过门了。');
    const r = judge(rs, later);
    expect(r.verdict).toBe('fail');
    expect(r.evidence.filter((e) => e.speaker === 'agent')).toEqual([expect.objectContaining({ turn: 6, matched: '但是' })]);
    expect(r.window).toContain('1 later trigger');
    // Between complaints, outside both windows, 但是 is no argument.
    expect(judge(rs, callOf('客户：太慢了！\n坐席：抱歉。\n客户：发票怎么开？\n坐席：订单页面申请，但是纸质的要三天。')).verdict).toBe('pass');
  });

  it('several forbid lists over the same turns name that window once when they pass', () => {
    const rs = rulesetOf(`  - id: conduct.abuse
    category: conduct
    title: abuse
    points: 5
    forbid: [{ speaker: agent, phrases: [白痴] }, { speaker: agent, phrases: [他妈的] }]
`);
    const r = judge(rs, callOf('客户：你好。\n坐席：您好，请问有什么可以帮您？'));
    expect(r.verdict).toBe('pass');
    expect(r.window).toBe('agent, whole call');
  });
});

describe('forbid repaired_by: words taken back in the same turn', () => {
  const rs = rulesetOf(`  - id: complaint.no-blame
    category: complaint
    title: no blame
    points: 5
    forbid: { speaker: agent, phrases: [不归我们管], repaired_by: { phrases: [帮您转接, 转给专员], except: [没法帮您转接] } }
`);

  it('passes a hit the same turn hands on, with both in the reason and the evidence', () => {
    const r = judge(rs, callOf('客户：空调一直坏着！\n坐席：这个不归我们管，我帮您转接售后。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('「不归我们管」 taken back by 「帮您转接」 (turn 2)');
    expect(r.evidence).toEqual([
      expect.objectContaining({ turn: 2, matched: '不归我们管', role: 'taken back' }),
      expect.objectContaining({ turn: 2, matched: '帮您转接', role: 'taken back by' }),
    ]);
  });

  it('fails when the help comes only after the customer asks again, or is refused', () => {
    expect(judge(rs, callOf('客户：空调一直坏着！\n坐席：这个不归我们管。\n客户：那怎么办？\n坐席：我帮您转接售后。')).verdict).toBe('fail');
    expect(judge(rs, callOf('客户：空调一直坏着！\n坐席：这个不归我们管，也没法帮您转接。')).verdict).toBe('fail');
  });

  it('a repaired hit still shows beside one that stands', () => {
    const r = judge(rs, callOf('客户：空调一直坏着！\n坐席：这个不归我们管。\n客户：那怎么办？\n坐席：这个也不归我们管，我转给专员吧。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/said turn 2「不归我们管」; turn 4「不归我们管」 taken back by 「转给专员」 \(turn 4\)/);
  });
});
