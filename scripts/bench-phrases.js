// node scripts/bench-phrases.js [--calls 2000] [--rounds 3] [--sizes 0,1000,10000,50000]   (after npm run build)
// Issue 7: the cost of a call must stay nearly flat in the number of phrases. Adds a lexicon of
// N phrases to the standard ruleset — a company's list of forbidden words in a `forbid` rule
// (exact, as forbid is by default), and the same list in a `require` rule matched with
// `tolerance: auto` (near matches) — and times the engine on the same calls for each N, on one
// thread, best of the rounds. Prints µs per call and the ratio to the standard ruleset alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fg from 'fast-glob';
import { parse, stringify } from 'yaml';
import { writeMonth } from './synthetic-month.js';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const calls = Number(args.calls ?? 2000);
const rounds = Number(args.rounds ?? 3);
const sizes = String(args.sizes ?? '0,1000,10000,50000').split(',').map(Number);

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { DEFAULT_RULESET, loadRuleset } = await import(dist('ruleset/index.js'));
const { readCallFile } = await import(dist('readers/index.js'));
const { evaluateCall } = await import(dist('engine/index.js'));

const monthDir = writeMonth(join('.bench', 'month-5000'), 5000);
const files = (await fg('**/*.txt', { cwd: monthDir })).sort().slice(0, calls).map((f) => join(monthDir, f));
const read = files.map((f) => readCallFile(f)).filter((r) => r.ok).map((r) => r.call);

/** Deterministic phrases of 4–8 common characters (the generator of scripts/bench-lint.js). */
function lexicon(n) {
  const chars = '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从';
  let seed = 20261001;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out = new Set();
  while (out.size < n) {
    const len = 4 + Math.floor(rand() * 5);
    let p = '';
    for (let k = 0; k < len; k++) p += chars[Math.floor(rand() * chars.length)];
    out.add(p);
  }
  return [...out];
}

const dir = mkdtempSync(join(tmpdir(), 'callqa-bench-phrases-'));
const standard = parse(readFileSync(DEFAULT_RULESET, 'utf8'));

/** The standard ruleset (its settings file includes the lexicons and rules) plus an N-phrase lexicon used the way `use` says. */
function rulesetWith(n, use) {
  if (n === 0) return DEFAULT_RULESET;
  const check = use === 'forbid' ? { forbid: { speaker: 'agent', phrases: ['$bench_list'] } } : { tolerance: 'auto', require: { speaker: 'agent', any: ['$bench_list'] } };
  const doc = {
    name: 'bench',
    version: 1,
    extends: DEFAULT_RULESET,
    pass_mark: standard.pass_mark,
    weights: standard.weights,
    lexicons: { bench_list: lexicon(n) },
    rules: [{ id: `conduct.bench-${use}`, category: 'conduct', title: '基准测试词表', points: 1, ...check }],
  };
  const file = join(dir, `${use}-${n}.yaml`);
  writeFileSync(file, stringify(doc, { lineWidth: 0 }));
  return file;
}

function measure(file) {
  const t0 = performance.now();
  const loaded = loadRuleset(file);
  const loadMs = performance.now() - t0;
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (const call of read) evaluateCall(call, loaded.ruleset);
    best = Math.min(best, performance.now() - t);
  }
  return { loadMs, usPerCall: (best * 1000) / read.length };
}

// Passes that are not counted: the standard ruleset's figure would otherwise carry the JIT's
// warm-up (with one such pass and 2 rounds it still came out 20–25% slower than the standard
// ruleset plus 1,000 phrases, 2026-12-07).
for (let pass = 0; pass < 2; pass++) measure(DEFAULT_RULESET);
console.log(`engine time per call on one thread, ${read.length} calls of ${monthDir}, best of ${rounds} rounds`);
console.log(`${'phrases'.padStart(8)}  ${'used by'.padEnd(22)} ${'load+compile'.padStart(13)} ${'µs/call'.padStart(9)}  vs standard`);
const base = measure(DEFAULT_RULESET);
console.log(`${'0'.padStart(8)}  ${'(standard ruleset)'.padEnd(22)} ${`${base.loadMs.toFixed(0)} ms`.padStart(13)} ${base.usPerCall.toFixed(1).padStart(9)}  1.00×`);
for (const use of ['forbid', 'require']) {
  for (const n of sizes.filter((s) => s > 0)) {
    const m = measure(rulesetWith(n, use));
    const label = use === 'forbid' ? 'forbid (exact)' : 'require (tolerance auto)';
    console.log(`${String(n).padStart(8)}  ${label.padEnd(22)} ${`${m.loadMs.toFixed(0)} ms`.padStart(13)} ${m.usPerCall.toFixed(1).padStart(9)}  ${(m.usPerCall / base.usPerCall).toFixed(2)}×`);
  }
}
rmSync(dir, { recursive: true, force: true });
