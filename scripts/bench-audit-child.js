// Runs one audit in its own process and prints {seconds, maxRssMb} as JSON, so the bench measures
// the audit's memory alone (workers included), not the generator's or the bare pass's.
const [inputDir, outDir, jobs] = process.argv.slice(2);
const { runAudit } = await import(new URL('../dist/audit/index.js', import.meta.url).href);
const { DEFAULT_RULESET } = await import(new URL('../dist/ruleset/index.js', import.meta.url).href);
const t = performance.now();
const outcome = await runAudit({ inputs: [inputDir], rulesetFile: DEFAULT_RULESET, outDir, mask: true, read: {}, jobs: Number(jobs) });
const seconds = (performance.now() - t) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, scored: outcome.scored, errors: outcome.errors })}\n`);
