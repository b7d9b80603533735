/** Hand-built call results and a minimal ruleset for the report tests, plus a CSV reader. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CallResult, Evidence, RuleResult, Verdict } from '../../src/engine/index.js';
import type { CompiledRuleset } from '../../src/ruleset/index.js';

export const RULES = [
  { id: 'opening.greeting', category: 'opening' },
  { id: 'opening.self-id', category: 'opening' },
  { id: 'complaint.apologize', category: 'complaint' },
  { id: 'closing.farewell', category: 'closing' },
  { id: 'conduct.privacy', category: 'conduct' },
];

/** The report reads only these fields of a compiled ruleset. */
export function testRuleset(): CompiledRuleset {
  const partial = {
    name: '康泰鑫标准',
    version: '2026.10',
    sha256: 'ab'.repeat(32),
    passMark: 80,
    weights: { opening: 2, complaint: 3, closing: 1, conduct: 2 },
    rules: RULES.map((r) => ({ ...r, title: r.id, points: 5, critical: r.id === 'conduct.privacy', checks: [], examples: [] })),
  };
  return partial as unknown as CompiledRuleset;
}

export interface RuleSpec {
  verdict: Verdict;
  reason: string;
  evidence?: Evidence[];
  window?: string;
}

/** A call result with the five test rules; missing rules are na. */
export function callResult(base: Partial<CallResult> & { callId: string }, rules: Record<string, RuleSpec>): CallResult {
  const ruleResults: RuleResult[] = RULES.map((r) => {
    const spec = rules[r.id] ?? { verdict: 'na', reason: 'no trigger in this call' };
    return {
      ruleId: r.id,
      category: r.category,
      title: r.id,
      critical: r.id === 'conduct.privacy',
      points: spec.verdict === 'pass' ? 5 : 0,
      maxPoints: 5,
      verdict: spec.verdict,
      reason: spec.reason,
      evidence: spec.evidence ?? [],
      window: spec.window,
    };
  });
  const categories: CallResult['categories'] = {};
  for (const r of ruleResults) {
    const c = (categories[r.category] ??= { earned: 0, applicable: 0 });
    if (r.verdict !== 'pass' && r.verdict !== 'fail') continue;
    c.earned += r.points;
    c.applicable += r.maxPoints;
    c.score = Math.round((c.earned / c.applicable) * 1000) / 10;
  }
  return {
    file: `calls/${base.callId}.txt`,
    agentId: 'A128',
    agentName: '王芳',
    date: '2026-10-01',
    format: 'plain',
    encoding: 'utf-8',
    earned: 0,
    applicable: 0,
    criticalFail: false,
    result: 'pass',
    categories,
    rules: ruleResults,
    ...base,
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'callqa-report-'));
}

/** Read a report CSV back: asserts the UTF-8 BOM, returns header and rows keyed by it. */
export function readCsv(file: string): { header: string[]; records: string[][]; rows: Record<string, string>[] } {
  const buf = readFileSync(file);
  if (!(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)) throw new Error(`${file} has no UTF-8 BOM`);
  const records = parse(buf.subarray(3).toString('utf8')) as string[][];
  const [header = [], ...data] = records;
  return { header, records: data, rows: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}
