/**
 * scripts/split-ruleset.mjs and join-ruleset.mjs: a one-file ruleset becomes its settings, its
 * lexicons and one file per rule, every line kept, and joins back into the same bytes; each
 * script proves the ruleset it wrote is the one it read (else it leaves the files as they were).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callqa, ROOT, tempDir } from '../e2e/helpers.js';
import { spawnSync } from 'node:child_process';

const run = (script: string, file: string): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', script), file], { encoding: 'utf8' });
const split = (file: string): ReturnType<typeof run> => run('split-ruleset.mjs', file);
const join_ = (file: string): ReturnType<typeof run> => run('join-ruleset.mjs', file);

const rule = (id: string): string => `  # why ${id}\n  - id: ${id}\n    category: ${id.split('.')[0]}\n    title: t\n    points: 1\n    require: { speaker: agent, any: [$hi] }  # a comment\n`;
const ONE_FILE = `# header\nname: co\nversion: 1\npass_mark: 80\nweights: { opening: 50, closing: 50 }\n\n# the words\nlexicons:\n  hi: [您好]\n\nrules:\n  # ------------------ opening — 开场\n${rule('opening.greeting')}${rule('opening.self-id')}\n${rule('closing.farewell')}  # ------------------ closing — 结束语\n`;

describe('split-ruleset script', () => {
  it('writes the settings with include:, the lexicons and one file per rule, keeping every comment', () => {
    const dir = tempDir();
    const file = join(dir, 'co.yaml');
    writeFileSync(file, ONE_FILE);
    const r = split(file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'co')).sort()).toEqual(['closing', 'lexicons.yaml', 'opening']);
    expect(readdirSync(join(dir, 'co/opening')).sort()).toEqual(['greeting.yaml', 'self-id.yaml']);
    const settings = readFileSync(file, 'utf8');
    // The rules listed in their order (the reports' columns); each section header above its category.
    expect(settings).toMatch(/include:\n {2}- co\/lexicons.yaml\n {2}# -+ opening — 开场\n {2}- co\/opening\/greeting.yaml\n {2}- co\/opening\/self-id.yaml\n {2}# -+ closing — 结束语\n {2}- co\/closing\/farewell.yaml\n/);
    expect(settings).not.toContain('rules:');
    expect(readFileSync(join(dir, 'co/lexicons.yaml'), 'utf8')).toContain('# the words\nlexicons:\n  hi: [您好]\n');
    expect(readFileSync(join(dir, 'co/opening/self-id.yaml'), 'utf8')).toBe(`#: opening.self-id, a rule of the co ruleset.\nrules:\n${rule('opening.self-id')}`);
    expect(callqa(['lint', '--no-examples', dir]).stdout).not.toContain('error');
    // Already split: refused, nothing touched.
    expect(split(file).stderr).toContain('already split');
    expect(readFileSync(file, 'utf8')).toBe(settings);
  });

  it('joins a split ruleset back into the one file it was split from, and removes the parts', () => {
    const dir = tempDir();
    const file = join(dir, 'co.yaml');
    // The shape the bundled ruleset keeps: a blank line between rules, a header above its category.
    const oneFile = `# header\nname: co\nversion: 1\npass_mark: 80\nweights: { opening: 50, closing: 50 }\n\n# the words\nlexicons:\n  hi: [您好]\n\nrules:\n  # ------------------ opening — 开场\n${rule('opening.greeting')}\n${rule('opening.self-id')}\n  # ------------------ closing — 结束语\n${rule('closing.farewell')}`;
    writeFileSync(file, oneFile);
    expect(split(file).status).toBe(0);
    const r = join_(file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('the same ruleset as its 4 parts');
    expect(readFileSync(file, 'utf8')).toBe(oneFile);
    expect(existsSync(join(dir, 'co'))).toBe(false);
    // Not split: refused.
    expect(join_(file).stderr).toContain('not split');
  });

  it('leaves the parts alone when the joined file would not be the same ruleset', () => {
    const dir = tempDir();
    const file = join(dir, 'co.yaml');
    writeFileSync(file, ONE_FILE);
    expect(split(file).status).toBe(0);
    const settings = readFileSync(file, 'utf8');
    // A part that is no rule file of the split: its extra key cannot be joined.
    writeFileSync(join(dir, 'co/closing/farewell.yaml'), `rules:\n${rule('closing.farewell')}include: []\n`);
    const r = join_(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/join-ruleset: /);
    expect(readFileSync(file, 'utf8')).toBe(settings);
    expect(existsSync(join(dir, 'co/opening/greeting.yaml'))).toBe(true);
  });

  it('refuses rules of a category that are not together (splitting would reorder them)', () => {
    const dir = tempDir();
    const file = join(dir, 'co.yaml');
    const text = ONE_FILE.replace(`${rule('closing.farewell')}`, `${rule('closing.farewell')}${rule('opening.late')}`);
    writeFileSync(file, text);
    const r = split(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the opening rules are not together (- id: opening.late)');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
