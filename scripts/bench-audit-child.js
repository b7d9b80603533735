// Runs one audit in its own process and prints what it measured as one line of JSON, so the bench
// measures the audit's memory alone (workers included), not the generator's or the bare pass's.
//   seconds, maxRssMb, scored, errors: the whole run;
//   steadyCallsPerS: calls/s over the second half of the calls, once every worker's code is
//     compiled (V8 tiers up each worker's code separately: on 2 cores the first seconds of a run
//     go half to the compiler; a month of a million calls is nearly all steady state);
//   cpu: seconds of CPU per thread group, on Linux (/proc/self/task), else null.
import { readdirSync, readFileSync } from 'node:fs';

const [inputDir, outDir, jobs] = process.argv.slice(2);
const { runAudit } = await import(new URL('../dist/audit/index.js', import.meta.url).href);
const { DEFAULT_RULESET } = await import(new URL('../dist/ruleset/index.js', import.meta.url).href);

const threads = threadClock();
const sampler = setInterval(() => threads.sample(), 100);
const t = performance.now();
let half;
const outcome = await runAudit({
  inputs: [inputDir], rulesetFile: DEFAULT_RULESET, outDir, mask: true, read: {}, jobs: Number(jobs),
  onProgress: (done, total) => {
    if (half === undefined && done >= total / 2) half = { done, at: performance.now() };
    threads.sample(); // workers are terminated at the end: their last figures are taken here
  },
});
const end = performance.now();
clearInterval(sampler);
threads.sample();
const seconds = (end - t) / 1000;
const total = outcome.scored + outcome.errors;
const steadyCallsPerS = half && end > half.at ? ((total - half.done) / (end - half.at)) * 1000 : null;
process.stdout.write(`${JSON.stringify({ seconds, steadyCallsPerS, maxRssMb: process.resourceUsage().maxRSS / 1024, scored: outcome.scored, errors: outcome.errors, cpu: threads.split(Number(jobs)) })}\n`);

/**
 * CPU seconds of each thread of this process, read from /proc (Linux). Node names no thread, so
 * the groups are told apart by what they do: the main thread is the one whose id is the process
 * id; the `jobs` busiest others are the scoring workers; the rest is V8's background threads
 * (concurrent compiler and garbage collector, shared by every isolate) and libuv.
 */
function threadClock() {
  const ticks = new Map();
  const perSecond = 100; // USER_HZ: /proc reports CPU time in 1/100 s on every Linux we run on
  let available = true;
  return {
    sample() {
      if (!available) return;
      try {
        for (const tid of readdirSync('/proc/self/task')) {
          let stat;
          try {
            stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
          } catch {
            continue; // the thread ended between the listing and the read
          }
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          ticks.set(tid, Number(fields[11]) + Number(fields[12])); // utime + stime
        }
      } catch {
        available = false;
      }
    },
    split(jobCount) {
      if (!available || ticks.size === 0) return null;
      const main = String(process.pid);
      const others = [...ticks].filter(([tid]) => tid !== main).map(([, n]) => n).sort((a, b) => b - a);
      const sum = (xs) => xs.reduce((a, b) => a + b, 0) / perSecond;
      return { main: (ticks.get(main) ?? 0) / perSecond, workers: sum(others.slice(0, jobCount)), background: sum(others.slice(jobCount)) };
    },
  };
}
