import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/match/aho-corasick.js';
import { prng } from '../../scripts/synthetic-month.js';

/** Reference: every occurrence of every pattern by indexOf, sorted like the automaton's output. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${id}@${at}-${at + p.length}`);
  });
  return out.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns with their offsets', () => {
    const ac = new AhoCorasick(['抱歉', '很抱歉', '歉意', '你', '你们']);
    const hits = ac.findAll('很抱歉你们').map((h) => `${h.pattern}@${h.start}-${h.end}`);
    expect(hits.sort()).toEqual(['0@1-3', '1@0-3', '3@3-4', '4@3-5'].sort());
  });

  it('follows failure links across partial matches', () => {
    const ac = new AhoCorasick(['abcd', 'bce', 'c']);
    expect(ac.findAll('abce').map((h) => `${h.pattern}@${h.start}`)).toEqual(['2@2', '1@1']);
  });

  it('ignores empty patterns and finds nothing in empty text', () => {
    const ac = new AhoCorasick(['', 'a']);
    expect(ac.findAll('')).toEqual([]);
    expect(ac.findAll('aa').map((h) => h.pattern)).toEqual([1, 1]);
  });

  it('agrees with a naive search on random Chinese text and phrases', () => {
    const rand = prng(7);
    const alphabet = '您好请问有什么可以帮抱歉你们再见谢谢';
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const patterns = Array.from({ length: 20 }, () => word(1 + Math.floor(rand() * 4)));
      const text = word(200);
      const got = new AhoCorasick(patterns).findAll(text).map((h) => `${h.pattern}@${h.start}-${h.end}`).sort();
      // Duplicated patterns: the automaton reports each id, as does the reference.
      expect(got).toEqual(naive(patterns, text));
    }
  });

  it('gives hits in a fixed order: by end, then longest first, then by pattern id', () => {
    // Rule evidence quotes the first hit: the order is part of the report's byte-identity.
    const rand = prng(11);
    const alphabet = '您好请问你们';
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => word(1 + Math.floor(rand() * 4)));
      const text = word(80);
      const expected: Array<[number, number, number]> = [];
      patterns.forEach((p, id) => {
        if (p.length === 0) return;
        for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) expected.push([at + p.length, p.length, id]);
      });
      expected.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
      expect(new AhoCorasick(patterns).findAll(text).map((h) => [h.end, h.end - h.start, h.pattern])).toEqual(expected);
    }
  });
});
