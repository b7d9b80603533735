/**
 * A call that broke off rather than closed. Without hangup_by, the last utterance decides: the
 * customer's sentence left on 「那个」 (no final mark), a trailing 「……」, a 「喂？听得到吗」, or the
 * agent's own sentence cut mid-way — the closing was never reached, so a `cut_off: na` closing is
 * na, quoting the last turn. The agent hanging up (hangup_by: agent) is never excused.
 * And `if_hung_up_by: agent`: 「hanging up without a farewell」 is judged only when the log says so.
 */
import { describe, expect, it } from 'vitest';
import { callOf, judge, rulesetOf } from './rule-helpers.js';

const lexicons = `lexicons:
  call_trails_off: [那个, 就是, 我想问, 您的]
  call_line_lost: [听得到吗]
  call_customer_leaves: [拜拜, 再见, 好的谢谢]
`;
const farewell = rulesetOf(
  `  - id: closing.farewell
    category: closing
    title: farewell
    points: 4
    require: { speaker: agent, scope: { last_turns: 2 }, any: [再见], cut_off: na }
`,
  lexicons,
);

const start = '坐席：您好，请问有什么可以帮您？\n客户：我的话费好像多扣了。\n坐席：您本月话费八十元。';

describe('a call that breaks off, with no hangup_by', () => {
  it('is na on the customer\'s sentence left on a connective, quoting the last turn', () => {
    const r = judge(farewell, callOf(`${start}\n客户：哦，那我想问一下那个`));
    expect(r.verdict).toBe('na');
    expect(r.reason).toContain('the call breaks off on the customer\'s 「哦，那我想问一下那个」 (turn 4): it stops on 「那个」 with no final punctuation');
    expect(r.evidence.at(-1)).toMatchObject({ turn: 4, speaker: 'customer', role: 'call end' });
  });

  it('is na on a trailing 「……」 and on a customer who can no longer hear the line', () => {
    expect(judge(farewell, callOf(`${start}\n客户：那我上次那个……`)).verdict).toBe('na');
    const lost = judge(farewell, callOf(`${start}\n客户：喂？喂？听得到吗？`));
    expect(lost.verdict).toBe('na');
    expect(lost.reason).toContain('could not hear the line (「听得到吗」)');
  });

  it('is na when the agent\'s own last sentence stops on such a word', () => {
    const r = judge(farewell, callOf(`${start}\n客户：好的，没有了。\n坐席：好的，感谢您的`));
    expect(r.verdict).toBe('na');
    expect(r.reason).toContain('the call breaks off on the agent\'s 「好的，感谢您的」 (turn 5): it stops on 「您的」');
  });

  it('still fails a finished last sentence, a connective inside it, or a final mark after it', () => {
    expect(judge(farewell, callOf(`${start}\n客户：好的，没有了。`)).verdict).toBe('fail');
    expect(judge(farewell, callOf(`${start}\n客户：那个订单我收到了。`)).verdict).toBe('fail');
    expect(judge(farewell, callOf(`${start}\n客户：对，就是。`)).verdict).toBe('fail');
    expect(judge(farewell, callOf(`${start}\n客户：好的，没有了。\n坐席：好的。`)).verdict).toBe('fail');
    // a line without a final mark that ends on no such word is a recogniser's style, not a cut
    expect(judge(farewell, callOf('坐席：您好，请问有什么可以帮您？\n客户：没有了。\n坐席：好的请您稍等我帮您查询')).verdict).toBe('fail');
    // the agent's line is not read for the customer's 「听得到吗」
    expect(judge(farewell, callOf(`${start}\n客户：好的。\n坐席：喂，听得到吗？`)).verdict).toBe('fail');
  });

  it('still fails when the agent hung up on the unfinished sentence', () => {
    const r = judge(farewell, callOf(`${start}\n客户：哦，那我想问一下那个`, { hangup_by: 'agent' }));
    expect(r.verdict).toBe('fail');
  });

  it('is na when the customer hung up mid-way through the agent\'s goodbye', () => {
    const r = judge(farewell, callOf(`${start}\n客户：没有了，拜拜。\n坐席：好的，再……`, { hangup_by: 'customer' }));
    expect(r.verdict).toBe('na');
    expect(r.reason).toContain('the customer hung up (hangup_by: customer)');
  });
});

describe('a call that ends on the customer\'s goodbye, with no hangup_by', () => {
  it('is na: the customer took leave, nothing shows the agent hung up on them', () => {
    const r = judge(farewell, callOf(`${start}\n客户：好的没有了谢谢拜拜`));
    expect(r.verdict).toBe('na');
    expect(r.reason).toContain('the customer took leave in the call\'s last words (「拜拜」, turn 4) and no hangup_by says the agent hung up');
    expect(r.evidence.at(-1)).toMatchObject({ turn: 4, speaker: 'customer', role: 'call end' });
  });

  it('reads past a transcriber\'s 「[挂机声]」 line after it, under either label', () => {
    expect(judge(farewell, callOf(`${start}\n客户：没有了，拜拜。\n坐席：[挂机声]`)).verdict).toBe('na');
    expect(judge(farewell, callOf(`${start}\n客户：没有了，拜拜。\n客户：（挂机）`)).verdict).toBe('na');
  });

  it('quotes the goodbye as the customer said it, punctuation and all', () => {
    expect(judge(farewell, callOf(`${start}\n客户：好的，谢谢。`)).reason).toContain('(「好的，谢谢」, turn 4)');
  });

  it('still fails when the agent had the last word, or hung up (hangup_by: agent)', () => {
    expect(judge(farewell, callOf(`${start}\n客户：没有了，谢谢，再见。\n坐席：好的。`)).verdict).toBe('fail');
    expect(judge(farewell, callOf(`${start}\n客户：没有了，拜拜。`, { hangup_by: 'agent' })).verdict).toBe('fail');
    // the customer's last words without a goodbye end nothing
    expect(judge(farewell, callOf(`${start}\n客户：好的，没有了。`)).verdict).toBe('fail');
  });
});

describe('if_hung_up_by', () => {
  const leave = rulesetOf(`  - id: closing.no-rude-close
    category: closing
    title: no rude close
    points: 3
    require: { speaker: agent, scope: { last_turns: 2 }, any: [再见, 转接], if_hung_up_by: agent }
`);
  const abrupt = `${start}\n客户：明天什么时候？`;

  it('fails an agent who hung up without a farewell, saying so', () => {
    const r = judge(leave, callOf(abrupt, { hangup_by: 'agent' }));
    expect(r.verdict).toBe('fail');
    expect(r.reason).toMatch(/^the agent hung up \(hangup_by: agent\); not said: /);
  });

  it('passes a farewell or a transfer before the agent hung up', () => {
    expect(judge(leave, callOf(`${start}\n客户：好的。\n坐席：感谢您的来电，再见。`, { hangup_by: 'agent' })).verdict).toBe('pass');
    expect(judge(leave, callOf(`${start}\n客户：我要找售后。\n坐席：帮您转接售后，请稍等。`, { hangup_by: 'agent' })).verdict).toBe('pass');
  });

  it('is na when the customer hung up or nobody knows who did', () => {
    const unjudged = '「再见」「转接」 is asked only when the agent hangs up';
    expect(judge(leave, callOf(abrupt, { hangup_by: 'customer' }))).toMatchObject({ verdict: 'na', reason: `the customer hung up (hangup_by: customer): ${unjudged}` });
    expect(judge(leave, callOf(abrupt))).toMatchObject({ verdict: 'na', reason: `no hangup_by metadata: ${unjudged}` });
  });
});
