import { describe, expect, it } from 'vitest';
import { packCall, renderCall, unpackCall, type RenderedCall } from '../../src/report/render.js';
import { sampleCalls } from './calls.js';
import { callResult, RULES } from './helpers.js';

const ruleIds = RULES.map((r) => r.id);

/** Every field of a rendered call as plain data (failures is a getter on unpacked calls). */
const fields = (c: RenderedCall): RenderedCall => ({ agentId: c.agentId, scorecard: c.scorecard, findings: c.findings, summary: c.summary, failures: c.failures });

describe('packCall / unpackCall (what crosses from a worker)', () => {
  it.each([true, false])('gives back exactly what renderCall gives (mask %s)', (mask) => {
    for (const call of sampleCalls()) {
      expect(fields(unpackCall(packCall(call, { ruleIds, mask })))).toStrictEqual(renderCall(call, { ruleIds, mask }));
    }
  });

  it('keeps line breaks, quotes, a cut-off emoji (lone surrogate) and missing scores intact', () => {
    const call = callResult(
      { callId: 'C-"1"', file: 'calls/a\nb,"c".txt', agentName: '王"芳"\n', score: undefined, result: 'na' },
      { 'opening.greeting': { verdict: 'fail', reason: 'said\n"x", 2', evidence: [{ turn: 1, speaker: 'agent', quote: '第一行\n第二行，"引号"\uD83D' }] } },
    );
    call.categories.hold = { earned: 0, applicable: 0, score: undefined };
    const rendered = renderCall(call, { ruleIds, mask: true });
    const back = unpackCall(packCall(call, { ruleIds, mask: true }));
    expect(fields(back)).toStrictEqual(rendered);
    expect(back.findings).toBe(rendered.findings);
    expect(back.summary.categories).toHaveProperty('hold', undefined);
    expect(back.findings).toContain('"引号""\uD83D');
  });

  it('packs into bytes that own their whole ArrayBuffer, so moving them to the main thread moves nothing else', () => {
    for (const call of sampleCalls()) {
      const packed = packCall(call, { ruleIds, mask: true });
      expect(packed.byteOffset).toBe(0);
      expect(packed.buffer.byteLength).toBe(packed.byteLength);
      // What a worker does with it: transfer the buffer, then unpack on the other side.
      const moved = structuredClone(packed, { transfer: [packed.buffer as ArrayBuffer] });
      expect(packed.byteLength).toBe(0); // detached here: nothing of it stays in the worker's heap
      expect(fields(unpackCall(moved))).toStrictEqual(renderCall(call, { ruleIds, mask: true }));
    }
  });
});

describe('renderCall: numbers a rule found are masked wherever its row shows them', () => {
  // A passport number has no shape of its own: the patterns mask it only after 护照, which a
  // reason's quote has lost. The rule's evidence says it is personal data.
  const passport = (personal: boolean) =>
    callResult(
      { callId: 'C1' },
      {
        'conduct.privacy': {
          verdict: 'fail',
          reason: 'agent read out a passport number at turn 3「E12345678」',
          evidence: [{ turn: 3, speaker: 'agent', quote: '您的护照号是E12345678，对吗？', matched: 'E12345678', ...(personal ? { personal: true as const } : {}) }],
        },
      },
    );

  it('masks the number in the reason and the quote', () => {
    const { findings, failures } = renderCall(passport(true), { ruleIds, mask: true });
    expect(findings).toContain('agent read out a passport number at turn 3「E12****78」');
    expect(findings).not.toContain('E12345678');
    expect(failures[0]?.reason).toBe('agent read out a passport number at turn 3「E12****78」');
  });

  it('leaves the same reason alone when nothing marks the number as personal, and everything with --no-mask', () => {
    expect(renderCall(passport(false), { ruleIds, mask: true }).findings).toContain('turn 3「E12345678」');
    expect(renderCall(passport(true), { ruleIds, mask: false }).findings).toContain('turn 3「E12345678」');
  });
});
