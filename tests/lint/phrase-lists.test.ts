/**
 * Duplicate and shadowed phrases: the near-linear check (phrases grouped by folded text, shorter
 * ones found with Aho–Corasick) reports exactly what comparing every pair reported, so a
 * 50,000-phrase lexicon lints in about a second instead of minutes (scripts/bench-lint.js).
 */
import { describe, expect, it } from 'vitest';
import { checkList, type Entry } from '../../src/lint/phrase-lists.js';
import type { Path } from '../../src/lint/context.js';
import { lintRulesetFile } from '../../src/lint/index.js';

/** The pairwise comparison the check used to be: the reference for what it must find. */
function pairwise(entries: Entry[], shadow: boolean, report: (rel: Path, code: string, message: string) => void, where: string): void {
  const said = new Set<string>();
  const name = (e: Entry): string => `「${e.raw}」${e.lexicon ? ` (from $${e.lexicon})` : ''}`;
  const sameLexicon = (a: Entry, b: Entry): boolean => a.lexicon !== undefined && a.lexicon === b.lexicon;
  entries.forEach((e, i) => {
    const first = entries.slice(0, i).find((x) => x.folded === e.folded && !sameLexicon(x, e));
    if (first) {
      report([e.item], 'duplicate-phrase', `${name(e)} is listed twice in ${where} (same as ${name(first)} after folding)`);
      said.add(e.folded);
    }
  });
  if (!shadow) return;
  const reported = new Set<string>();
  for (const long of entries) {
    if (said.has(long.folded)) continue;
    const short = entries.find((s) => s.folded.length < long.folded.length && long.folded.includes(s.folded) && !sameLexicon(s, long));
    if (!short) continue;
    const key = `${long.item}:${long.folded}`;
    if (reported.has(key)) continue;
    reported.add(key);
    report([long.item], 'shadowed-phrase', `${name(long)} is shadowed by ${name(short)} in ${where}: the shorter phrase already matches every text that contains the longer one (after folding)`);
  }
}

function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Short phrases over a four-letter alphabet (so that many contain others), some from lexicons. */
function randomEntries(rand: () => number): Entry[] {
  const n = 1 + Math.floor(rand() * 60);
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(rand() * 4);
    let folded = '';
    for (let k = 0; k < len; k++) folded += '你好不知'[Math.floor(rand() * 4)];
    const lexicon = rand() < 0.5 ? undefined : ['a', 'b', 'c'][Math.floor(rand() * 3)];
    // Entries of one lexicon share the list item that names it ($a), as expansion makes them.
    const item = lexicon === undefined ? i : 100 + lexicon.charCodeAt(0);
    entries.push({ raw: rand() < 0.2 ? `${folded}！` : folded, folded, item, ...(lexicon ? { lexicon } : {}) });
  }
  return entries;
}

describe('duplicate and shadowed phrases', () => {
  it('finds what comparing every pair finds, naming the same phrase, on 2,000 random lists', () => {
    const rand = prng(7);
    let findings = 0;
    for (let round = 0; round < 2000; round++) {
      const entries = randomEntries(rand);
      const shadow = rand() < 0.7;
      const fast: string[] = [];
      const slow: string[] = [];
      checkList(entries, shadow, (rel, code, msg) => fast.push(`${rel.join('.')} ${code} ${msg}`), 'this list');
      pairwise(entries, shadow, (rel, code, msg) => slow.push(`${rel.join('.')} ${code} ${msg}`), 'this list');
      expect(fast, JSON.stringify(entries)).toEqual(slow);
      findings += slow.length;
    }
    expect(findings).toBeGreaterThan(10_000);
  });

  it('a ruleset with every combination lint tells apart: the findings, pinned', () => {
    const problems = lintRulesetFile('fixtures/rulesets/phrase-lists.yaml', { examples: false }).problems.filter((p) => p.code !== 'not-in-catalogue');
    const shadowed = (long: string, short: string, where: string): string =>
      `${long} is shadowed by ${short} in ${where}: the shorter phrase already matches every text that contains the longer one (after folding)`;
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`)).toEqual([
      `10:15 shadowed-phrase ${shadowed('「你自己看」', '「自己看」', 'lexicon $rude')}`,
      `10:21 shadowed-phrase ${shadowed('「不知道啊」', '「不知道」', 'lexicon $rude')}`,
      '10:37 duplicate-phrase 「听不懂」 is listed twice in lexicon $rude (same as 「聽不懂」 after folding)',
      `10:42 shadowed-phrase ${shadowed('「你自己看着办」', '「你自己看」', 'lexicon $rude')}`,
      `11:20 shadowed-phrase ${shadowed('「没办法了」', '「没办法」', 'lexicon $lazy')}`,
      `11:26 shadowed-phrase ${shadowed('「我不知道」', '「不知道」', 'lexicon $lazy')}`,
      `20:17 shadowed-phrase ${shadowed('「不知道啊」 (from $rude)', '「不知道」 (from $lazy)', 'this list')}`,
      `20:17 shadowed-phrase ${shadowed('「你自己看着办」 (from $rude)', '「看着办」', 'this list')}`,
      '20:24 duplicate-phrase 「不知道」 (from $lazy) is listed twice in this list (same as 「不知道」 (from $rude) after folding)',
      `20:24 shadowed-phrase ${shadowed('「没办法」 (from $lazy)', '「办」', 'this list')}`,
      `20:24 shadowed-phrase ${shadowed('「没办法了」 (from $lazy)', '「办」', 'this list')}`,
      `20:24 shadowed-phrase ${shadowed('「我不知道」 (from $lazy)', '「不知道」 (from $rude)', 'this list')}`,
      '20:31 duplicate-phrase 「不知道」 is listed twice in this list (same as 「不知道」 (from $rude) after folding)',
      `20:36 shadowed-phrase ${shadowed('「看着办」', '「办」', 'this list')}`,
      `20:71 shadowed-phrase ${shadowed('「康泰鑫不管了」', '「{company}不管」', 'this list')}`,
      '21:22 duplicate-phrase 「不知道吗」 is listed twice in this list (same as 「不知道吗」 after folding)',
      `27:44 shadowed-phrase ${shadowed('「没办法呀」', '「没办法」 (from $lazy)', 'this list')}`,
      `28:37 shadowed-phrase ${shadowed('「嗯嗯」', '「嗯」', 'this list')}`,
      `30:57 shadowed-phrase ${shadowed('「我要投诉」', '「投诉」', 'this list')}`,
      `41:43 shadowed-phrase ${shadowed('「您好请问」', '「您好」', 'this list')}`,
    ]);
  });
});
