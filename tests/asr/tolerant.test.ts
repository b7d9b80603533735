/** The tolerant matcher on its own: budgets, what is never tolerated, and the prefilter losing nothing. */
import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/synthetic-month.js';
import { soundKeys } from '../../src/match/sound-keys.js';
import { allowedEdits, describeNear, TolerantMatcher, windowsOf, type NearHit } from '../../src/match/tolerant.js';
import { rulesetText } from './helpers.js';

/** Near hits of one phrase in a text, through the prefilter (as the engine does). */
function near(phrase: string, text: string, budget = allowedEdits(phrase.length, 2)): NearHit[] {
  const m = new TolerantMatcher([phrase], [budget]);
  const keyed = soundKeys(text);
  const windows = windowsOf(m.candidates(keyed), 0);
  return windows ? m.verify(text, keyed, 0, windows) : [];
}

const found = (phrase: string, text: string): string[] => near(phrase, text).map((h) => `${text.slice(h.start, h.end)} (${describeNear(h)})`);

describe('tolerance grows with the phrase', () => {
  it('≤3 characters exact, 4–6 one edit, 7–9 two, capped by the policy', () => {
    expect([1, 2, 3, 4, 6, 7, 9, 10, 13].map((n) => allowedEdits(n, 2))).toEqual([0, 0, 0, 1, 1, 2, 2, 2, 2]);
    expect([4, 7, 10].map((n) => allowedEdits(n, 3))).toEqual([1, 2, 3]);
    expect(allowedEdits(9, 0)).toBe(0);
  });

  it('drops, additions and substitutions inside the budget; not beyond it', () => {
    expect(found('很高兴为您服务', '您好很高兴您服务')).toEqual(['很高兴您服务 (1 edit: 为 dropped)']);
    expect(found('很高兴为您服务', '很高兴的为您服务')).toEqual(['很高兴的为您服务 (1 edit: 的 added)']);
    expect(found('感谢您的来电', '感谢你的来电')).toEqual(['感谢你的来电 (1 edit: 你 for 您)']);
    expect(found('感谢您的来电', '感谢你来电')).toEqual([]); // two edits in a 6-character phrase
    // Another character that does not sound the same is another word: two edits, for 7+ characters only.
    expect(found('请您放心', '请您耐心等待')).toEqual([]);
    expect(found('很高兴为您服务', '很高兴给您服务')).toEqual(['很高兴给您服务 (2 edits: 给 for 为)']);
    expect(found('满意', '很意')).toEqual([]);
    // A four-character phrase may gain a character, not lose one: 请您心 is 请您耐心 as much as 请您放心.
    expect(found('请您放心', '请您心等待')).toEqual([]);
    expect(found('为您服务', '为您的服务')).toEqual(['为您的服务 (1 edit: 的 added)']);
  });
});

describe('never tolerated', () => {
  it('a negation dropped, added or substituted', () => {
    expect(found('对服务很满意', '对服务不满意')).toEqual([]);
    expect(found('对服务很满意', '对服务不很满意')).toEqual([]);
    expect(found('我不是说过了吗', '我是说过了吗')).toEqual([]);
    expect(found('很高兴为您服务', '很高兴未您服务')).toEqual([]); // 未 sounds like 为, but is a negation
  });

  it('another character at an edge (another word begins there), even with edits to spare', () => {
    expect(found('还有什么可以帮您', '请问有什么可以帮您')).toEqual([]);
    expect(found('还有其他问题吗', '那没有其他问题吗')).toEqual([]);
    expect(found('感谢您的来电', '感谢您的来')).toEqual([]);
  });

  it('the polite 您 for a phrase’s 你 (the other way round is a recogniser slip)', () => {
    expect(found('你再说一遍', '您再说一遍')).toEqual([]);
    expect(found('有什么可以帮您', '有什么可以帮你')).toEqual(['有什么可以帮你 (1 edit: 你 for 您)']);
  });
});

describe('homophones', () => {
  it('cost no edit, so short phrases may have one', () => {
    expect(found('再见', '好的在见')).toEqual(['在见 (homophone 在 for 再)']);
    expect(found('已经记录', '以经记录')).toEqual(['以经记录 (homophone 以 for 已)']);
    expect(found('帐户余额', '账户余额')).toEqual(['账户余额 (homophone 账 for 帐)']);
  });

  it('but at least half the phrase must be heard as written', () => {
    expect(found('再见', '在件')).toEqual([]);
  });
});

/**
 * Asserts that the prefilter's windows find, for every phrase, exactly the hits a scan of the
 * whole text finds; returns how many hits were compared (a test must compare some).
 */
function sameAsFullScan(m: TolerantMatcher, phrases: readonly string[], text: string): number {
  const keyed = soundKeys(text);
  const windows = m.candidates(keyed);
  let compared = 0;
  phrases.forEach((_, id) => {
    const full = m.verify(text, keyed, id, [[0, text.length]]);
    const filtered = m.verify(text, keyed, id, windowsOf(windows, id) ?? []);
    expect(filtered.map((h) => [h.start, h.end]), text).toEqual(full.map((h) => [h.start, h.end]));
    compared += full.length;
  });
  return compared;
}

describe('the prefilter', () => {
  it('finds exactly what a full scan finds (random texts over a small alphabet)', () => {
    const alphabet = [...'很高兴为位您你服务在再不见已以做作了的'];
    const phrases = ['很高兴为您服务', '为您服务', '再见了', '已做服务的', '在不见'];
    const rand = prng(9);
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const budgets = phrases.map((p) => allowedEdits(p.length, 2));
    const m = new TolerantMatcher(phrases, budgets);
    let compared = 0;
    for (let t = 0; t < 400; t++) {
      const text = rand() < 0.5 ? pick(30) : `${pick(5)}${phrases[t % phrases.length]}${pick(5)}`.replace(/为/, '位');
      compared += sameAsFullScan(m, phrases, text);
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('loses nothing when a later piece of a phrase points to an earlier start (repeated characters)', () => {
    // 好的好的好的 is cut into 好的好 + 的好的: a 的好的 that ends after a 好的好 can belong to an
    // occurrence that starts before it, so windows arrive out of order and must be merged as such.
    const phrases = ['好的好的好的', '谢谢谢谢您'];
    const alphabet = [...'好的谢您了吗'];
    const rand = prng(21);
    const m = new TolerantMatcher(phrases, phrases.map((p) => allowedEdits(p.length, 2)));
    let compared = 0;
    for (let t = 0; t < 2000; t++) {
      const text = Array.from({ length: 16 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      compared += sameAsFullScan(m, phrases, text);
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('loses nothing when a phrase begins or ends with 您, which may be heard as 你 (or a homophone of it)', () => {
    const phrases = ['您好很高兴为您', '您稍等一下', '麻烦您再等等您', '请问您贵姓'];
    const alphabet = [...'您你泥尼好很高兴为位稍等一下麻烦再在请问贵姓'];
    const rand = prng(33);
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const m = new TolerantMatcher(phrases, phrases.map((p) => allowedEdits(p.length, 2)));
    let compared = 0;
    for (let t = 0; t < 1500; t++) {
      const phrase = phrases[t % phrases.length] as string;
      const said = t % 3 === 0 ? pick(20) : `${pick(4)}${phrase.replace(/^您|您$/g, () => (['你', '泥', '您'] as const)[t % 3] ?? '你')}${pick(4)}`;
      compared += sameAsFullScan(m, phrases, said);
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('turns away piece hits whose phrase edges are not heard where the piece puts them', () => {
    // Many phrases of common characters: their short pieces hit all over a text, but a match
    // must hear its first and last sounds, and most hits have neither in place.
    const alphabet = [...'的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你'];
    const rand = prng(8);
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const phrases = [...new Set(Array.from({ length: 3000 }, (_, i) => pick(4 + (i % 5))))];
    const m = new TolerantMatcher(phrases, phrases.map((p) => allowedEdits(p.length, 2)));
    const text = pick(400);
    const keyed = soundKeys(text);
    const pieceHits = m.pieceOccurrences(keyed);
    const kept = m.candidates(keyed).windows.reduce((n, list) => n + list.length, 0);
    expect(pieceHits).toBeGreaterThan(1000);
    expect(kept).toBeLessThan(pieceHits / 5); // without the edges: about one window a hit
    // …and what is turned away held no match: a full scan of every phrase finds nothing more.
    sameAsFullScan(m, phrases, text);
  });

  it("builds a set's windows from the kept piece hits exactly as for the whole ruleset", () => {
    // The engine keeps an utterance's piece hits and asks for one phrase set's patterns at a time.
    const phrases = ['很高兴为您服务', '为您服务', '再见了', '还有其他问题吗', '请问还有什么'];
    const m = new TolerantMatcher(phrases, phrases.map((p) => allowedEdits(p.length, 2)));
    const rand = prng(5);
    const alphabet = [...'很高兴为位您服务再在见了还有其他问题吗请问什么'];
    let windowsSeen = 0;
    for (let t = 0; t < 500; t++) {
      const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      // Half the texts hold a phrase, a character dropped: windows the edges do not turn away.
      const phrase = phrases[t % phrases.length] as string;
      const keyed = soundKeys(t % 2 === 0 ? pick(24) : `${pick(8)}${phrase.slice(0, 2)}${phrase.slice(3)}${pick(8)}`);
      const all = m.candidates(keyed);
      const hits = m.pieceHits(keyed);
      for (const set of [[0, 1], [2], [3, 4], [4]]) {
        const own = m.windowsFrom(hits, keyed.length, new Map(set.map((id) => [id, true])));
        expect(own.patterns.every((id) => set.includes(id))).toBe(true);
        for (const id of set) {
          expect(windowsOf(own, id), `${keyed} ${id}`).toEqual(windowsOf(all, id));
          windowsSeen += windowsOf(own, id)?.length ?? 0;
        }
      }
    }
    expect(windowsSeen).toBeGreaterThan(100);
  });
});

describe('the ruleset sets tolerance', () => {
  const rules = (top: string, rule: string): string => `name: t
version: 1
pass_mark: 80
weights: { closing: 100 }
${top}
rules:
  - id: closing.thanks
    category: closing
    title: 致谢
    points: 5
${rule}    require: { speaker: agent, any: [感谢您的来电] }
  - id: closing.taboo
    category: closing
    title: 禁语
    points: 5
${rule}    forbid: { speaker: agent, phrases: [感谢您的来电] }
`;
  const tolerant = (top: string, rule = ''): [boolean, boolean] => {
    const rs = rulesetText(rules(top, rule));
    const [require, forbid] = rs.rules.map((r) => r.checks[0]);
    return [require?.type === 'require' && !!require.groups[0]?.tolerance, forbid?.type === 'forbid' && !!forbid.phrases?.tolerance];
  };

  it('require is tolerant by default, forbid is not; the ruleset default reaches require only; a rule opts both in', () => {
    expect(tolerant('')).toEqual([true, false]);
    expect(tolerant('tolerance: off')).toEqual([false, false]);
    expect(tolerant('tolerance: auto')).toEqual([true, false]);
    expect(tolerant('', '    tolerance: auto\n')).toEqual([true, true]);
    expect(tolerant('tolerance: auto', '    tolerance: off\n')).toEqual([false, false]);
  });

  it('an object sets the edits cap and homophones', () => {
    const rs = rulesetText(rules('tolerance: { edits: 1, homophones: false }', ''));
    const check = rs.rules[0]?.checks[0];
    expect(check?.type === 'require' && check.groups[0]?.tolerance).toEqual({ edits: 1, homophones: false });
  });

  it('a bad value is a located problem', () => {
    expect(() => rulesetText(rules('tolerance: sometimes', ''))).toThrow(/^5:\d+ /);
    expect(() => rulesetText(rules('tolerance: { edits: 5 }', ''))).toThrow(/^5:\d+ /);
  });
});
