// report.html's failed calls show what findings.csv says of each failure, so HR can act on the
// HTML alone: on an untimed call the turn is the only place a quote has, and a "not said"
// failure has no quote, only the window the engine looked in.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callqa, readCsv, tempDir } from './helpers.js';

const untimed = `---\ncall_id: U1\nagent_id: A1\nagent_name: 王芳\ndirection: inbound\ndate: 2026-10-05\n---\n坐席：喂，干嘛？\n客户：我想查一下账单。\n坐席：自己上网查。\n`;

/** The failed-findings rows of report.html as cell texts (tags stripped, entities decoded). */
function failedRows(html: string): string[][] {
  const table = /<table class="sortable findings">(.*?)<\/table>/s.exec(html)?.[1] ?? '';
  const decode = (t: string): string => t.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((tr) => [...(tr[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => decode(c[1] ?? '')));
}

describe('report.html failed calls against findings.csv', () => {
  it('shows each failure with its turn, and the window where nothing was said', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'u1.txt'), untimed);
    expect(callqa(['audit', join(dir, 'in'), '--out', join(dir, 'out'), '--html', '--quiet']).status).toBe(0);
    const fails = readCsv(join(dir, 'out', 'findings.csv')).rows.filter((f) => f.verdict === 'fail');
    expect(fails.some((f) => f.turn !== '' && f.time === '')).toBe(true);
    expect(fails.some((f) => f.quote === '' && f.window !== '')).toBe(true);

    const [header, ...rows] = failedRows(readFileSync(join(dir, 'out', 'report.html'), 'utf8'));
    expect(header).toEqual(['call', 'date', 'rule', 'turn', 'time', 'speaker', 'evidence', 'reason', 'override']);
    expect(rows).toEqual(fails.map((f) => [f.call_id, '2026-10-05', f.rule_id, f.turn, f.time, f.speaker, f.quote || `looked in: ${f.window}`, f.reason, f.override_by]));
  });
});
