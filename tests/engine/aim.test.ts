/** `forbid.aim`: whom a forbidden phrase is aimed at, from the nearest pointer word (src/engine/aim.ts). */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const aimRule = (aim: string, phrases = '[白痴, 你有病, 他妈的]'): string => `  - id: conduct.abuse
    category: conduct
    title: abuse
    points: 5
    forbid: { speaker: agent, phrases: ${phrases}, aim: ${aim} }
`;
const atCustomer = rulesetOf(aimRule('{ listener: [你, 您], others: [快递员, 师傅, "/(?<!其)他/"] }'));
const atOthers = rulesetOf(aimRule('{ listener: [你, 您], others: [快递员, 师傅, "/(?<!其)他/"], count: others }'));
const curseAtOthers = rulesetOf(aimRule('{ listener: [你, 您], others: [快递员], unaimed: others, count: others }', '[他妈的]'));
const plain = rulesetOf(`  - id: conduct.abuse
    category: conduct
    title: abuse
    points: 5
    forbid: { speaker: agent, phrases: [白痴] }
`);

const withThings = rulesetOf(aimRule('{ listener: [你, 您], others: [快递员], things: [系统] }'));

const agentSays = (words: string): ReturnType<typeof callOf> => callOf(`客户：我的快递还没到。\n坐席：${words}`);
/** The agent's words, each judged: the verdicts, keyed by what was said (so a failure names the words). */
const expectVerdicts = (ruleset: ReturnType<typeof rulesetOf>, cases: Record<string, string>): void => {
  const got = Object.fromEntries(Object.keys(cases).map((words) => [words, judge(ruleset, agentSays(words)).verdict]));
  expect(got).toEqual(cases);
};

describe('forbid aim', () => {
  it('does not count an insult aimed at a third party, and names who it was aimed at', () => {
    const r = judge(atCustomer, agentSays('非常抱歉，那个快递员就是个白痴，我帮您催。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('aimed at 「快递员」, not the customer');
    expect(r.evidence).toEqual([expect.objectContaining({ turn: 2, matched: '白痴' })]);
    // without aim the same words are counted, as before
    expect(judge(plain, agentSays('非常抱歉，那个快递员就是个白痴，我帮您催。')).verdict).toBe('fail');
  });

  it('counts only those aimed at others when asked, with the target in the reason', () => {
    const r = judge(atOthers, agentSays('那个师傅就是个白痴。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('said turn 2「白痴」 aimed at 「师傅」, not the customer');
    expect(judge(atOthers, agentSays('你就是个白痴。')).verdict).toBe('pass');
  });

  it('the nearest pointer decides: 「快递员是白痴，你也是白痴」 insults the customer the second time', () => {
    const both = judge(atCustomer, agentSays('快递员是白痴，你也是白痴。'));
    expect(both.verdict).toBe('fail');
    expect(both.reason).toBe('said turn 2「白痴」');
    expect(both.evidence).toHaveLength(1);
    expect(judge(atCustomer, agentSays('你放心，那个快递员就是个白痴。')).verdict).toBe('pass');
  });

  it('looks back to the sentence end only, and forward within the clause only', () => {
    // 「快递员送错了。白痴。」: nothing points at anyone in the insult's sentence: the listener's
    expect(judge(atCustomer, agentSays('快递员送错了。白痴。')).verdict).toBe('fail');
    expect(judge(atCustomer, agentSays('快递员送错了，真是白痴。')).verdict).toBe('pass');
    expect(judge(atCustomer, agentSays('白痴一样的快递员。')).verdict).toBe('pass');
    expect(judge(atCustomer, agentSays('白痴，快递员明天到。')).verdict).toBe('fail');
  });

  it('a pointer at the customer inside the hit wins (「他说你有病」); one at others inside it (他妈的) is no pointer', () => {
    expect(judge(atCustomer, agentSays('他说你有病。')).verdict).toBe('fail');
    const r = judge(curseAtOthers, agentSays('他妈的，系统又卡了。'));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toBe('said turn 2「他妈的」 aimed at no one named');
    expect(judge(curseAtOthers, agentSays('你他妈的能不能认真听？')).verdict).toBe('pass');
  });

  it('a thing points elsewhere only in the insult\'s own clause: 「系统真是白痴」, not 「你系统都不会用，白痴」', () => {
    expect(judge(withThings, agentSays('这个系统真是白痴。')).verdict).toBe('pass');
    expect(judge(withThings, agentSays('你系统都不会用，白痴。')).verdict).toBe('fail');
    // a person points across clauses, as before
    expect(judge(withThings, agentSays('快递员送错了，真是白痴。')).verdict).toBe('pass');
  });

  it('a thing in an earlier clause of the sentence takes the insult when no person is pointed at: 「这个破系统，白痴」', () => {
    const r = judge(withThings, agentSays('这个破系统，白痴。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('aimed at 「系统」, not the customer');
    expectVerdicts(withThings, {
      // a person pointed at in between, or before a thing whose clause goes on about them, still decides
      '系统没问题，你自己不会用，白痴。': 'fail',
      '你系统都不会用，白痴。': 'fail',
      // … but a thing that ends its clause is what the insult after it is about, whoever owns it
      '你这个系统，白痴。': 'pass',
      // and a thing in an earlier sentence is not looked for
      '系统坏了。白痴。': 'fail',
    });
  });

  it('words passed on after a reporting verb are aimed by no one here: 「他说你有病」', () => {
    const reporting = (count: string): ReturnType<typeof rulesetOf> =>
      rulesetOf(aimRule(`{ listener: [你, 您], others: [快递员, 师傅, "/(?<!其)他/"], reporting: { phrases: [说, 骂], except: [跟他说] }, count: ${count} }`));
    const abuse = reporting('listener');
    const r = judge(abuse, agentSays('他说你有病，我也没办法。'));
    expect(r.verdict).toBe('pass');
    expect(r.reason).toContain('in words reported from 「他说」, not said to the customer');
    // neither abuse of the customer nor rude words about the courier: someone else's words
    expectVerdicts(reporting('others'), { '师傅骂快递员白痴？': 'pass', '快递员真是白痴。': 'fail' });
    expectVerdicts(abuse, {
      // the listener's own words said back, unless they point at the listener again
      '您是说白痴一样的快递员？': 'pass',
      '你说你是不是白痴。': 'fail',
      // the speaker's own words after the report, or said to someone
      '他说要退款，你真是白痴。': 'fail',
      '我跟他说你是白痴。': 'fail',
    });
  });

  it('a clause on not managing something, no one named, is the listener\'s: 「手机都不会用，白痴」', () => {
    const unable = rulesetOf(aimRule('{ listener: [你, 您], others: [快递员, "/(?<!其)他/"], things: [手机, 系统], unable: { phrases: [不会用, 不知道], except: [我都不知道] } }', '[白痴, 蠢]'));
    const r = judge(unable, agentSays('手机都不会用，白痴。'));
    expect(r.verdict).toBe('fail');
    // without `unable`, the phone in the earlier clause takes the insult
    expect(judge(rulesetOf(aimRule('{ listener: [你], others: [快递员], things: [手机] }')), agentSays('手机都不会用，白痴。')).verdict).toBe('pass');
    const elsewhere = judge(rulesetOf(aimRule('{ listener: [你], others: [快递员], things: [手机], unable: { phrases: [不会用] }, count: others }')), agentSays('手机都不会用，白痴。'));
    expect(elsewhere.reason).toContain('aimed at the customer, who 「不会用」');
    expectVerdicts(unable, {
      // someone named anywhere before in the sentence, or a thing in the insult's own clause, decides
      '快递员连这个都不知道，白痴。': 'pass',
      '快递员送错了，连这个都不知道，白痴。': 'pass',
      '连这个都不知道，系统真蠢。': 'pass',
      // a thing with no inability beside it is still what the insult is about
      '手机坏了，白痴一样。': 'pass',
      // the speaker's own (the exception), or in an earlier sentence: as without `unable`
      '我都不知道，白痴。': 'fail',
      '手机都不会用。白痴。': 'fail',
    });
  });

  it('a regex pointer can leave out words that only look like one (其他)', () => {
    expect(judge(atCustomer, agentSays('没有其他问题是吧，白痴。')).verdict).toBe('fail');
    expect(judge(atCustomer, agentSays('他真是个白痴。')).verdict).toBe('pass');
  });
});

/** `aim` on a said trigger: the customer's insult counts only when aimed at the agent, the listener. */
const callerRule = (aim: string, phrases = '[白痴, 骗子, 妈的, 你老母]'): ReturnType<typeof rulesetOf> =>
  rulesetOf(`  - id: complaint.abusive-caller
    category: complaint
    title: abusive caller
    points: 5
    when: { said: &abuse { speaker: customer, phrases: ${phrases}, aim: ${aim} } }
    respond:
      trigger: *abuse
      reply: { speaker: agent, phrases: [请您使用文明语言, 很抱歉] }
`);
const abusiveCaller = callerRule('{ listener: [你, 您], others: [快递员, 司机, "/(?<!其)他/"], curses: [他妈的, 妈的] }');
const callerSays = (words: string, reply = '请问您的单号是？'): ReturnType<typeof callOf> => callOf(`客户：${words}\n坐席：${reply}`);

describe('said aim', () => {
  it('does not trigger on an insult aimed at a third party, and says whom it was aimed at', () => {
    const r = judge(abusiveCaller, callerSays('那个快递员就是个白痴，电话也不接。'));
    expect(r.verdict).toBe('na');
    expect(r.reason).toBe('the customer never says 「白痴」「骗子」「妈的」… aimed at the agent (customer, whole call); said turn 1「白痴」 aimed at 「快递员」, not the agent: not counted');
  });

  it('triggers on one aimed at the agent, or at no one named, also after one aimed elsewhere in the same turn', () => {
    expect(judge(abusiveCaller, callerSays('你们就是一帮骗子！')).verdict).toBe('fail');
    expect(judge(abusiveCaller, callerSays('白痴！')).verdict).toBe('fail');
    const both = judge(abusiveCaller, callerSays('司机是骗子，你也是骗子！', '请您使用文明语言。'));
    expect(both.verdict).toBe('pass');
    expect(both.evidence[0]).toEqual(expect.objectContaining({ turn: 1, matched: '骗子', role: 'trigger' }));
  });

  it('a curse aimed at no one is no abuse of the agent; aimed at the agent, or inside the hit (你老母), it is', () => {
    expect(judge(abusiveCaller, callerSays('他妈的，网又断了！')).verdict).toBe('na');
    expect(judge(abusiveCaller, callerSays('你他妈的能不能快点！')).verdict).toBe('fail');
    expect(judge(abusiveCaller, callerSays('你老母，又断线！')).verdict).toBe('fail');
    // without `curses`, a curse said to no one named is aimed as `unaimed` says: at the listener
    const plainCurse = callerRule('{ listener: [你], others: [快递员] }', '[妈的]');
    expect(judge(plainCurse, callerSays('他妈的，网又断了！')).verdict).toBe('fail');
  });

  it('an unanswered trigger\'s reason says whom it was aimed at: 「垃圾」 in 「垃圾公司」 at the company', () => {
    const company = callerRule('{ listener: [你, 公司], others: [快递员], things: [网] }', '[垃圾, 白痴]');
    expect(judge(company, callerSays('网又断了，垃圾公司！')).reason).toBe('no 「请您使用文明语言」「很抱歉」 after 「垃圾」 (turn 1) aimed at the agent (「公司」)');
    expect(judge(company, callerSays('白痴！')).reason).toContain('after 「白痴」 (turn 1) aimed at no one named, so at the agent');
    // without the company as a pointer, the line in the earlier clause takes the insult
    expect(judge(callerRule('{ listener: [你], others: [快递员], things: [网] }', '[垃圾]'), callerSays('网又断了，垃圾公司！')).verdict).toBe('na');
  });

  it('someone else\'s words passed on do not trigger; in quotation marks they run to the closing mark', () => {
    const reported = callerRule('{ listener: [你, 您], others: [快递员, "/(?<!其)他/"], reporting: { phrases: [说, 骂] } }');
    const r = judge(reported, callerSays('快递员送错了，他说“不归我管，你是骗子”。'));
    expect(r.verdict).toBe('na');
    expect(r.reason).toContain('in words reported from 「他说」, not said to the agent');
    expect(judge(reported, callerSays('他骂我你们都是骗子。')).verdict).toBe('na');
    // the caller's own words after the closing mark, or after the reported clause
    expect(judge(reported, callerSays('他说“要等”，你们就是一帮骗子！')).verdict).toBe('fail');
    expect(judge(reported, callerSays('他说要等，你们就是一帮骗子！')).verdict).toBe('fail');
  });
});
