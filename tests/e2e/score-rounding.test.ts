// The score an HR analyst recomputes from findings.csv in Excel, =ROUND(weighted mean, 1), must be
// the scorecard's. Reviewers' decisions set every verdict, so the points are exact: opening 5/10
// and closing 13/15 weigh (25 × 0.5 + 15 × 13/15) / 40 = 63.75 %, which rounds half up to 63.8.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, readCsv, tempDir } from './helpers.js';

const call = `---\ncall_id: R1\nagent_id: A1\ndirection: inbound\ndate: 2026-10-05\n---\n坐席：您好，康泰鑫客服为您服务。\n客户：我想查一下账单。\n坐席：好的。\n`;

const decided: Record<string, 'pass' | 'fail'> = {
  'opening.greeting': 'pass', // 5
  'opening.self-id': 'fail', // 5
  'closing.anything-else': 'pass', // 4
  'closing.farewell': 'pass', // 4
  'closing.no-rude-close': 'pass', // 3
  'closing.holiday-wish': 'fail', // 2
  'closing.customer-hangs-up': 'pass', // 2
};

describe('a call score on a half tenth', () => {
  it('is rounded half up, as the analyst recomputing it from findings.csv gets it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'r1.txt'), call);
    expect(callqa(['audit', join(dir, 'in'), '--out', join(dir, 'first'), '--quiet']).status).toBe(0);
    const rules = readCsv(join(dir, 'first', 'findings.csv')).rows.map((f) => f.rule_id);
    const sheet = ['call_id,rule_id,verdict,reviewer,reason', ...rules.map((id) => `R1,${id},${decided[id ?? ''] ?? 'na'},林静,复核`)];
    writeFileSync(join(dir, 'appeals.csv'), `${sheet.join('\n')}\n`);
    expect(callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet', '--overrides', join(dir, 'appeals.csv')]).status).toBe(0);

    const findings = readCsv(join(dir, 'out', 'findings.csv')).rows.filter((f) => f.verdict === 'pass' || f.verdict === 'fail');
    const weights: Record<string, number> = { opening: 25, hold: 15, complaint: 25, closing: 15, conduct: 20 };
    const byCategory = new Map<string, { earned: number; applicable: number }>();
    for (const f of findings) {
      const c = byCategory.get(f.category ?? '') ?? { earned: 0, applicable: 0 };
      c.earned += Number(f.points);
      c.applicable += Number(f.max_points);
      byCategory.set(f.category ?? '', c);
    }
    expect(Object.fromEntries(byCategory)).toEqual({ opening: { earned: 5, applicable: 10 }, closing: { earned: 13, applicable: 15 } });
    // Exact in integers: 25·5/10 + 15·13/15 = 25.5 of 40 weight → 63.75
    const [num, den] = [...byCategory].reduce(([n, d], [cat, c]) => [n * c.applicable + (weights[cat] ?? 0) * c.earned * d, d * c.applicable], [0, 1]);
    const weightSum = [...byCategory.keys()].reduce((s, cat) => s + (weights[cat] ?? 0), 0);
    expect((num * 1000) / (den * weightSum)).toBe(637.5);

    const [card] = readCsv(join(dir, 'out', 'scorecards', 'A1.csv')).rows;
    expect([card?.score, card?.earned, card?.applicable, card?.result]).toEqual(['63.8', '18', '25', 'fail']);
    const [summary] = readCsv(join(dir, 'out', 'summary.csv')).rows;
    expect([summary?.mean_score, summary?.min_score, summary?.opening_score, summary?.closing_score]).toEqual(['63.8', '63.8', '50', '86.7']);
  });
});
