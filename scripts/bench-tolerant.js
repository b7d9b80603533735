// node scripts/bench-tolerant.js [--calls N] [--rounds N]   (after npm run build)
// What near matches cost: the engine (prepare + every rule + score) on the synthetic month with
// the default ruleset (require/respond tolerant) against the same ruleset with `tolerance: off`,
// on the clean month and on a copy degraded like a recogniser (scripts/degrade-calls.js, mixed).
// Calls are read once; rounds alternate on/off so machine noise hits both. Target: on ≤ 1.5× off.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import fg from 'fast-glob';
import { writeMonth } from './synthetic-month.js';
import { degradeCall, seedOf } from './degrade-calls.js';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const calls = Number(args.calls ?? 5000);
const rounds = Number(args.rounds ?? 5);

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { DEFAULT_RULESET, loadRuleset } = await import(dist('ruleset/index.js'));
const { parseCallBytes } = await import(dist('readers/index.js'));
const { evaluateCall } = await import(dist('engine/index.js'));

const load = (file) => {
  const r = loadRuleset(file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.ruleset;
};
const on = load(DEFAULT_RULESET);
const off = load(resolve('fixtures/asr/rulesets/exact.yaml'));

const dir = writeMonth(resolve('.bench', `month-${calls}`), calls);
const files = (await fg('**/*.txt', { cwd: dir })).sort().slice(0, calls).map((f) => join(dir, f));
const read = (text, file) => {
  const r = parseCallBytes(Buffer.from(text, 'utf8'), file);
  return r.ok ? r.call : null;
};
const clean = files.map((f) => read(readFileSync(f, 'utf8'), f)).filter(Boolean);
const degraded = files.map((f, i) => read(degradeCall(readFileSync(f, 'utf8'), 'mixed', seedOf(String(i), 'mixed')).text, f)).filter(Boolean);

/** Milliseconds to evaluate every call once; also counts rules resting on a near match. */
function time(set, ruleset) {
  let nearRules = 0;
  const t = performance.now();
  for (const call of set) {
    for (const r of evaluateCall(call, ruleset).rules) if (r.evidence.some((e) => e.near)) nearRules++;
  }
  return { ms: performance.now() - t, nearRules };
}

function compare(name, set) {
  time(set, on); // warm both paths (pinyin cache, JIT)
  time(set, off);
  const best = { on: Infinity, off: Infinity };
  let nearRules = 0;
  for (let i = 0; i < rounds; i++) {
    const a = time(set, on);
    const b = time(set, off);
    best.on = Math.min(best.on, a.ms);
    best.off = Math.min(best.off, b.ms);
    nearRules = a.nearRules;
  }
  const us = (ms) => ((ms / set.length) * 1000).toFixed(1);
  console.log(
    `${name.padEnd(16)} ${String(set.length).padStart(6)} calls   exact ${us(best.off).padStart(6)} µs/call   tolerant ${us(best.on).padStart(6)} µs/call   ` +
      `ratio ${(best.on / best.off).toFixed(2)}×   rules resting on a near match: ${nearRules}`,
  );
  return best.on / best.off;
}

console.log(`engine time per call, one thread, best of ${rounds} rounds (target: tolerant ≤ 1.5× exact)`);
const r1 = compare('clean month', clean);
const r2 = compare('degraded month', degraded);
console.log(`worst ratio ${Math.max(r1, r2).toFixed(2)}× ${Math.max(r1, r2) <= 1.5 ? '(within target)' : '(OVER TARGET)'}`);
