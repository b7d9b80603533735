/**
 * `callqa explain`: the text a reviewer reads, snapshot-tested without colour on a fixture call
 * that has one verdict of each kind; the JSON read back. See: issue 6.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCall } from '../../src/engine/index.js';
import { EXPLAIN_SCHEMA, explainText, maskExplained, type ExplainJson } from '../../src/explain/index.js';
import { readCallFile } from '../../src/readers/index.js';
import { loadRuleset } from '../../src/ruleset/index.js';
import { runCli } from '../cli-run.js';

const CALL = 'fixtures/explain/call.txt';
const RULESET = 'fixtures/explain/ruleset.yaml';

const run = runCli;

function scored() {
  const loaded = loadRuleset(RULESET);
  const read = readCallFile(CALL);
  if (!loaded.ok || !read.ok) throw new Error('fixture does not load');
  return { call: read.call, result: evaluateCall(read.call, loaded.ruleset), ruleset: loaded.ruleset };
}

describe('callqa explain', () => {
  it('prints the call as a reviewer reads it (snapshot, no colour)', async () => {
    const r = await run('explain', CALL, '--ruleset', RULESET);
    expect(r.code).toBe(0);
    await expect(r.out).toMatchFileSnapshot('./__snapshots__/call.explain.txt');
  });

  it('puts the critical failure on top and marks the deciding words', async () => {
    const { out } = await run('explain', CALL, '--ruleset', RULESET);
    const lines = out.split('\n');
    expect(lines[2]).toBe('CRITICAL FAILURE conduct.privacy 不泄露客户个人信息: agent read out a full mobile number at turn 3「138****5678」');
    expect(out).toContain('坐席：»我也没办法«，您的手机号是»138****5678«吧？');
    expect(out).toContain('·· 9.0 s silence ··');
    expect(out).toContain("searched: agent's last 1 turn (call turn 5)");
  });

  it('says where it looked for a verdict shown at its trigger, not for one that quotes the deciding words', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-explain-')), 'late-apology.txt');
    writeFileSync(file, ['坐席：您好，请问有什么可以帮您？', '客户：我的工单提交了一个礼拜了，怎么还没人处理？', '坐席：已经交给技术部门了，但是还在排期。',
      '客户：那要多久？', '坐席：要看他们那边。', '客户：好吧。', '坐席：确实不好意思，我这边帮您催一下。'].join('\n'));
    const { out } = await run('explain', file);
    // the apology at turn 7 came too late: the reviewer sees which turns counted
    expect(out).toContain("no $apology after 「怎么还没」 (turn 2); searched: agent's 2 turns after turn 2");
    // 「但是」 at turn 3 is quoted: no window after it
    expect(out).toMatch(/complaint\.no-blame 不争辩、不推诿: said turn 3「但是」\n/);
  });

  it('colours only when asked: no ANSI codes and »« markers without colour, the reverse with it', () => {
    const { call, result } = scored();
    const plain = explainText(call, result, { color: false });
    const coloured = explainText(call, result, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[');
    expect(coloured).not.toContain('»');
  });

  it('shows control characters of the transcript instead of sending them to the terminal (colours or not)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-explain-')), 'call.txt');
    writeFileSync(file, readFileSync(CALL, 'utf8').replace('客户：对，赶紧处理。', '客户：对\u001b]0;pwned\u0007\u001b[2J赶紧处理。'));
    const loaded = loadRuleset(RULESET);
    const read = readCallFile(file);
    if (!loaded.ok || !read.ok) throw new Error('fixture does not load');
    const result = evaluateCall(read.call, loaded.ruleset);
    for (const color of [false, true]) {
      const text = explainText(read.call, result, { color });
      expect(text).toContain('客户：对␛]0;pwned␇␛[2J赶紧处理。');
      expect(text).not.toMatch(/\u0007|\u001b[\]]|\u001b\[2J/);
    }
  });

  it('masks customer numbers in the dialogue, quotes, reasons and metadata as the reports do; --no-mask shows them', async () => {
    const masked = await run('explain', CALL, '--ruleset', RULESET);
    const json = await run('explain', CALL, '--ruleset', RULESET, '--json');
    for (const out of [masked.out, json.out]) {
      expect(out).not.toContain('13812345678');
      expect(out).toContain('138****5678');
    }
    const plain = await run('explain', CALL, '--ruleset', RULESET, '--no-mask');
    expect(plain.out).toContain('坐席：»我也没办法«，您的手机号是»13812345678«吧？');
    expect(plain.out).toContain('a full mobile number at turn 3「13812345678」');
    // The verdicts are the same: rules read the call as said, masked or not.
    const verdicts = (out: string): string[] => out.split('\n').filter((l) => /^\s+[✗✓?–] /.test(l)).map((l) => l.replace(/「.*」/, ''));
    expect(verdicts(masked.out)).toEqual(verdicts(plain.out));
    expect(verdicts(masked.out).length).toBeGreaterThan(3);
  });

  it('masks a passport number the privacy rule found in its reason, evidence and the dialogue (the JSON too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callqa-explain-'));
    const file = join(dir, 'passport.txt');
    writeFileSync(file, ['坐席：您好，工号101为您服务。', '客户：我想改一下订票信息。', '坐席：好的，您的护照号是E12345678，对吗？', '客户：对。'].join('\n'));
    const r = await run('explain', file, '--json');
    expect(r.code).toBe(0);
    const privacy = (JSON.parse(r.out) as ExplainJson).result.rules.find((rule) => rule.ruleId === 'conduct.privacy');
    expect(privacy?.verdict).toBe('fail');
    expect(privacy?.reason).toContain('「E12****78」');
    expect(privacy?.evidence[0]?.matched).toBe('E12****78');
    expect(r.out).not.toContain('E12345678');
  });

  it('masks a number in the metadata too, also one YAML read as a number', () => {
    const { call, result } = scored();
    const meta = { ...call.meta, customer_phone: 13912345678, note: '回拨 13912345678', turns: 7, started_at: '1733577600000', callback_at: '1733577600000' };
    const shown = maskExplained({ ...call, meta }, result);
    // The start time is a time (Unix ms), not a number to hide; an unknown field of the same digits is masked.
    expect(shown.call.meta).toMatchObject({ customer_phone: '139****5678', note: '回拨 139****5678', turns: 7, started_at: '1733577600000', callback_at: '173******0000' });
    expect(call.utterances[2]?.text).toContain('13812345678'); // the call itself is not changed
  });

  it('masks a call id named after the caller and a number in the agent name, in the header and the JSON', () => {
    const { call, result } = scored();
    const shown = maskExplained({ ...call, id: '13955201176' }, { ...result, callId: '13955201176', agentName: '张三 13812345678' });
    expect([shown.call.id, shown.result.callId, shown.result.agentName]).toEqual(['139****1176', '139****1176', '张三 138****5678']);
    const header = explainText(shown.call, shown.result, { color: false }).split('\n')[0];
    expect(header).toContain('call 139****1176');
    expect(header).not.toMatch(/13955201176|13812345678/);
  });

  it('--json prints the CallResult and the utterances, and it reads back', async () => {
    const r = await run('explain', CALL, '--ruleset', RULESET, '--json', '--no-mask');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as ExplainJson;
    const { result } = scored();
    expect(data.schema).toBe(EXPLAIN_SCHEMA);
    expect(data.result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(data.call.utterances[2]).toEqual({ turn: 3, speaker: 'agent', startMs: 9500, endMs: 15000, text: '我也没办法，您的手机号是13812345678吧？' });
    const privacy = data.result.rules.find((x) => x.ruleId === 'conduct.privacy');
    expect(privacy).toMatchObject({ verdict: 'fail', critical: true, evidence: [{ turn: 3, matched: '13812345678' }] });
  });

  it('a transfer within the recording: the new agent’s lines are shown under the label the engine judged them by', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callqa-explain-')), 'transfer.txt');
    writeFileSync(file, ['---', 'agent_id: A128', 'direction: inbound', '---',
      '坐席：您好，康泰鑫客服128号，请问有什么可以帮您？', '客户：我的电脑开不了机，想找技术部。', '坐席：好的，我帮您转接到技术部，请稍等。', '客户：好的。',
      '坐席：您好，技术部工号203，请问有什么可以帮您？', '客户：电脑开不了机。', '坐席：不知道，你自己看吧。'].join('\n'));
    const text = await run('explain', file);
    // 「请稍等」 asks nothing; the caller's own 「想找技术部」 made asking needless (hold.announce-transfer)
    expect(text.out).toContain('  2  客户：我的电脑开不了机，»想找技术部«。');
    expect(text.out).toContain('  3  坐席：好的，我»帮您转接到技术部«，请稍等。');
    expect(text.out).toContain('  5  坐席（转接后）：您好，技术部工号203，请问有什么可以帮您？');
    expect(text.out).toContain('  7  坐席（转接后）：不知道，你自己看吧。');
    const json = JSON.parse((await run('explain', file, '--json')).out) as ExplainJson;
    expect(json.call.utterances.map((u) => [u.turn, u.speaker, u.label])).toEqual([
      [1, 'agent', undefined], [2, 'customer', undefined], [3, 'agent', undefined], [4, 'customer', undefined],
      [5, 'unknown', '坐席（转接后）'], [6, 'customer', undefined], [7, 'unknown', '坐席（转接后）'],
    ]);
    // The dialogue shows what the verdicts say: the new agent's 「不知道」 is not the first agent's.
    expect(json.result.rules.find((x) => x.ruleId === 'conduct.forbidden-phrases')?.verdict).toBe('pass');
  });

  it('exit 2 when the transcript cannot be read or the ruleset is invalid', async () => {
    const missing = await run('explain', 'no/such/call.txt', '--ruleset', RULESET);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/call.txt: file not found');
    const broken = await run('explain', CALL, '--ruleset', 'fixtures/rulesets/broken/unknown-lexicon.yaml');
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('unknown lexicon "$greting"');
  });
});
