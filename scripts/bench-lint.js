// node scripts/bench-lint.js [--phrases 50000] [--rounds 3]   (after npm run build)
// `callqa lint` on a ruleset with one huge lexicon — a company's list of forbidden words, say —
// used by a forbid rule (so it is checked for duplicates and for phrases shadowed by a shorter
// one) and by a rule's list next to other phrases. Prints the time of the phrase-list checks
// and of the whole lint (examples off), and how many problems each kind found.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const phrases = Number(args.phrases ?? 50_000);
const rounds = Number(args.rounds ?? 3);

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { lintRulesetFile } = await import(dist('lint/index.js'));
const { loadRuleset } = await import(dist('ruleset/index.js'));
const { LintContext } = await import(dist('lint/context.js'));
const { checkPhraseLists } = await import(dist('lint/phrase-lists.js'));

/** Deterministic phrases of 2–8 common characters; about 1 in 500 repeated, some containing others. */
function lexicon(n) {
  const chars = '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从';
  let seed = 20261001;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && rand() < 0.002) out.push(out[Math.floor(rand() * out.length)]); // listed twice
    else if (i > 0 && rand() < 0.002) out.push(`${out[Math.floor(rand() * out.length)]}${chars[Math.floor(rand() * chars.length)]}`); // shadowed
    else {
      const len = 4 + Math.floor(rand() * 5);
      let p = '';
      for (let k = 0; k < len; k++) p += chars[Math.floor(rand() * chars.length)];
      out.push(p);
    }
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'callqa-bench-lint-'));
const file = join(dir, 'big.yaml');
const words = lexicon(phrases);
writeFileSync(
  file,
  [
    'name: big',
    'version: 1.0.0',
    'pass_mark: 80',
    'weights: { conduct: 100 }',
    'lexicons:',
    `  banned: [${words.map((w) => JSON.stringify(w)).join(', ')}]`,
    'rules:',
    '  - { id: conduct.no-banned, category: conduct, title: 不说禁用语, points: 5, forbid: { speaker: agent, phrases: [$banned] } }',
    '  - { id: conduct.no-banned-2, category: conduct, title: 不说禁用语, points: 5, forbid: { speaker: agent, phrases: [$banned, 不知道, 你自己看] } }',
    '',
  ].join('\n'),
);

const loaded = loadRuleset(file);
if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
if (process.env.CALLQA_BENCH_KEEP) console.log(`ruleset: ${file}`);

const time = (fn) => {
  const times = [];
  let result;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: Math.min(...times), result };
};

// The phrase-list checks alone, on the ruleset as lint loads it.
const { loadRulesetFile } = await import(dist('ruleset/load.js'));
const spec = loadRulesetFile(file);
const lists = time(() => {
  const ctx = new LintContext(spec.ruleset, file);
  checkPhraseLists(ctx);
  return ctx.problems;
});
const whole = time(() => lintRulesetFile(file, { examples: false }).problems);

const count = (problems, code) => problems.filter((p) => p.code === code).length;
console.log(`${phrases.toLocaleString('en')} phrases, best of ${rounds}:`);
console.log(`  phrase-list checks: ${lists.ms.toFixed(0)} ms (${count(lists.result, 'duplicate-phrase')} duplicate, ${count(lists.result, 'shadowed-phrase')} shadowed)`);
console.log(`  whole lint (--no-examples): ${whole.ms.toFixed(0)} ms (${whole.result.length} problems)`);
if (!process.env.CALLQA_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
