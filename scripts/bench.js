// npm run bench [-- --calls N --jobs N --rounds N]
// Generates a deterministic synthetic month (default 20,000 calls of ~3 KB, mixed scripts), then,
// `rounds` times (default 3), back to back so that both see the same machine:
//   1. bare: read + opencc-js conversion of every file on the same number of worker threads,
//   2. audit: the real `callqa audit` pipeline (workers, matcher, rules, reports),
// then 3. split: where one thread spends its time per stage, warm, on a sample (and what the
//    audit's workers spend beyond those stages: warm-up, GC, messaging),
// and prints calls/s, MB/s, peak RSS and audit ÷ bare (the median of the rounds' ratios: the
// figure that matters on a shared VM whose speed changes 2× within the hour), the steady rate
// (second half of each run, after V8 has compiled each worker's code) that a big month runs at,
// and where the CPU went (workers, main thread, V8's background compiler and GC).
import { availableParallelism } from 'node:os';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { writeMonth } from './synthetic-month.js';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const calls = Number(args.calls ?? 20000);
const jobs = Number(args.jobs ?? availableParallelism());
const rounds = Math.max(1, Number(args.rounds ?? 3));
const root = resolve('.bench');
const monthDir = join(root, `month-${calls}`);
const outDir = join(root, 'report');

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { DEFAULT_RULESET, loadRuleset } = await import(dist('ruleset/index.js'));
const { readCallFile } = await import(dist('readers/index.js'));
const { prepareCall } = await import(dist('engine/prepare.js'));
const { evaluateRule } = await import(dist('engine/evaluate.js'));
const { scoreCall } = await import(dist('engine/score.js'));
const { packCall } = await import(dist('report/render.js'));
const { foldMany } = await import(dist('normalize/fold.js'));

let t = performance.now();
writeMonth(monthDir, calls);
const files = (await fg('**/*.txt', { cwd: monthDir })).sort().map((f) => join(monthDir, f));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const mb = bytes / 1e6;
console.log(`month: ${files.length} calls, ${mb.toFixed(1)} MB (${(bytes / files.length / 1000).toFixed(1)} KB/call) in ${monthDir} [${((performance.now() - t) / 1000).toFixed(1)} s to prepare]`);
console.log(`machine: ${availableParallelism()} cores, node ${process.version}; jobs ${jobs}\n`);

// ---------------------------------------------------------------- bare read + convert
const bareWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const OpenCC = require(${JSON.stringify(resolve('node_modules/opencc-js/dist/umd/full.js'))});
const convert = OpenCC.ConverterFactory(OpenCC.Locale.from.hk, OpenCC.Locale.from.tw, OpenCC.Locale.to.cn);
let n = 0;
for (const f of workerData) n += convert(readFileSync(f, 'utf8')).length;
parentPort.postMessage(n);
`;
async function bare() {
  const slices = Array.from({ length: jobs }, (_, i) => files.filter((_, k) => k % jobs === i));
  await Promise.all(slices.map((slice) => new Promise((ok, fail) => {
    const w = new Worker(bareWorker, { eval: true, workerData: slice });
    w.once('message', ok);
    w.once('error', fail);
  })));
}
function audit() {
  rmSync(outDir, { recursive: true, force: true });
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-audit-child.js', import.meta.url)), monthDir, outDir, String(jobs)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`audit failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const measured = [];
for (let round = 1; round <= rounds; round++) {
  t = performance.now();
  await bare();
  const bareS = (performance.now() - t) / 1000;
  const outcome = audit();
  measured.push({ bareS, auditS: outcome.seconds, rssMb: outcome.maxRssMb, outcome });
  const steady = outcome.steadyCallsPerS ? `, steady ${outcome.steadyCallsPerS.toFixed(0)} calls/s` : '';
  console.log(`round ${round}: bare ${bareS.toFixed(2)} s, audit ${outcome.seconds.toFixed(2)} s${steady}, audit ÷ bare ${(bareS / outcome.seconds).toFixed(2)}×, peak RSS ${outcome.maxRssMb.toFixed(0)} MiB`);
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const bareS = median(measured.map((m) => m.bareS));
const auditS = median(measured.map((m) => m.auditS));
const ratio = median(measured.map((m) => m.bareS / m.auditS));
const rssMb = Math.max(...measured.map((m) => m.rssMb));
const outcome = measured[measured.length - 1].outcome;
console.log('');

// ---------------------------------------------------------------- per-stage split, one thread
// Two passes over the sample, the second measured: warm code, as in the steady state of a run.
const ruleset = loadRuleset(DEFAULT_RULESET).ruleset;
const ruleIds = ruleset.rules.map((r) => r.id);
const sample = files.slice(0, Math.min(2000, files.length));
const split = { read: 0, decodeParse: 0, normalize: 0, match: 0, rules: 0, report: 0 };
for (let pass = 0; pass < 2; pass++) {
  const measure = pass === 1;
  for (const f of sample) {
    let s = performance.now();
    readFileSync(f);
    if (measure) split.read += performance.now() - s;
    s = performance.now();
    const r = readCallFile(f);
    if (measure) split.decodeParse += performance.now() - s; // includes a second read; subtracted below
    if (!r.ok) continue;
    s = performance.now();
    const folds = foldMany(r.call.utterances.map((u) => u.text));
    if (measure) split.normalize += performance.now() - s;
    s = performance.now();
    for (const fold of folds) ruleset.matcher.findAll(fold.folded);
    if (measure) split.match += performance.now() - s;
    s = performance.now();
    const p = prepareCall(r.call, ruleset);
    const result = scoreCall(r.call, ruleset, ruleset.rules.map((rule) => evaluateRule(p, rule)));
    if (measure) split.rules += performance.now() - s;
    s = performance.now();
    packCall(result, { ruleIds, mask: true });
    if (measure) split.report += performance.now() - s;
  }
}
split.decodeParse -= split.read;
split.rules -= split.normalize + split.match; // prepareCall folds and matches again
const perCall = Object.fromEntries(Object.entries(split).map(([k, v]) => [k, (v / sample.length) * 1000]));

// Work counts on the same sample: they do not change with the machine's load, so a change to
// the engine can be judged by them in a noisy hour. Every regex run goes through
// RegExp.prototype.exec (test, replace and split call it once it is replaced), counted after the
// timed passes so the timing is not disturbed.
const counts = { regexRuns: 0, matcherHits: 0 };
const builtinExec = RegExp.prototype.exec;
RegExp.prototype.exec = function countedExec(text) {
  counts.regexRuns++;
  return builtinExec.call(this, text);
};
try {
  for (const f of sample) {
    const r = readCallFile(f);
    if (!r.ok) continue;
    const p = prepareCall(r.call, ruleset);
    for (const fold of p.folds) counts.matcherHits += ruleset.matcher.scan(fold.folded);
    packCall(scoreCall(r.call, ruleset, ruleset.rules.map((rule) => evaluateRule(p, rule))), { ruleIds, mask: true });
  }
} finally {
  RegExp.prototype.exec = builtinExec;
}
const regexRunsPerCall = counts.regexRuns / sample.length;
const stagesUs = Object.values(perCall).reduce((a, b) => a + b, 0);

const rate = files.length / auditS;
console.log('figure                      value');
const each = (f) => measured.map((m) => f(m)).join(' / ');
console.log(`bare read+convert           ${(files.length / bareS).toFixed(0)} calls/s, ${(mb / bareS).toFixed(1)} MB/s (median of ${each((m) => m.bareS.toFixed(2))} s)`);
console.log(`audit (jobs ${jobs})              ${rate.toFixed(0)} calls/s, ${(mb / auditS).toFixed(1)} MB/s (median of ${each((m) => m.auditS.toFixed(2))} s)`);
console.log(`audit ÷ bare throughput     ${ratio.toFixed(2)}×   (target ≥ 0.5×; median of the rounds' ${each((m) => (m.bareS / m.auditS).toFixed(2))})`);
const steadyRates = measured.map((m) => m.outcome.steadyCallsPerS).filter(Boolean);
if (steadyRates.length > 0) {
  // The second half of each run, once V8 has compiled every worker's code: what a big month runs at.
  const steady = median(steadyRates);
  console.log(`audit, steady state        ${steady.toFixed(0)} calls/s (second half of each run; median of ${steadyRates.map((r) => r.toFixed(0)).join(' / ')}); ÷ bare ${((steady * bareS) / files.length).toFixed(2)}×`);
  console.log(`1,000,000 calls, projected  ${(1e6 / steady).toFixed(0)} s at the steady rate   (target < 120 s)`);
} else {
  console.log(`1,000,000 calls, projected  ${(1e6 / rate).toFixed(0)} s   (target < 120 s)`);
}
console.log(`peak RSS of the audit        ${rssMb.toFixed(0)} MiB  (target < 400 MB; main thread + workers; highest round)`);
console.log(`scored / errors             ${outcome.scored} / ${outcome.errors}`);
if (outcome.cpu) {
  const { main, workers, background } = outcome.cpu;
  const all = main + workers + background;
  const share = (s) => `${s.toFixed(1)} s (${((100 * s) / all).toFixed(0)}%)`;
  console.log(`CPU of the last round        workers ${share(workers)}, main thread ${share(main)}, V8 background (compiler, GC) ${share(background)}; ${((all * 1e6) / files.length).toFixed(0)} µs a call in all`);
}
console.log(`\nper-call time on one thread, warm (µs), sample of ${sample.length}:`);
for (const [k, v] of Object.entries(perCall)) console.log(`  ${k.padEnd(12)} ${v.toFixed(1)}${k === 'report' ? '   (render, mask, pack)' : ''}`);
console.log(`  ${'sum'.padEnd(12)} ${stagesUs.toFixed(1)}`);
console.log(`work a call, whatever the load: ${regexRunsPerCall.toFixed(1)} regex runs (read to report), ${(counts.matcherHits / sample.length).toFixed(1)} matcher hits (phrases and gate literals)`);
if (outcome.cpu) {
  const us = (seconds) => ((seconds * 1e6) / files.length).toFixed(0);
  const { main, workers, background } = outcome.cpu;
  console.log(`audit, CPU per call: workers ${us(workers)} µs (the stages above, then warm-up, GC and messaging: ${us(workers - (stagesUs * files.length) / 1e6)}), main thread ${us(main)}, V8 background ${us(background)}`);
}
