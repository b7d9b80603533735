/**
 * `callqa sample`: the monthly 抽查 (seed 004 三.1). N calls per agent (all of them if fewer),
 * drawn with a seeded generator so the same seed and inputs give the same list on any machine.
 *
 * Stratified so a plain draw cannot leave out what QA must see: for each stratum an agent has
 * (in this order: complaint, long hold, short, long — src/workflow/signals.ts) one call of it is
 * taken first unless an earlier pick already covers it; the rest of the quota is a uniform draw.
 * Each agent's draw is seeded by the seed and the agent id, so adding an agent's files never
 * changes another agent's sample.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { expandInputs } from '../audit/inputs.js';
import { setupMetadata, type MetadataConfig } from '../audit/metadata.js';
import { effectiveJobs, requestedJobs, scoreInWorkers } from '../audit/pool.js';
import type { FileOutcome, ProblemRow, ScoreConfig } from '../audit/score-file.js';
import type { ReadOptions } from '../readers/index.js';
import { loadRuleset, type RulesetProblem } from '../ruleset/index.js';
import { hashSeed, prng, shuffle } from './prng.js';
import { complaintTrigger, DEFAULT_SIGNALS, STRATA, strataBits, type SignalThresholds, type Stratum } from './signals.js';
import { sampleFileWith } from './sample-file.js';
import { byteOrder } from '../model/order.js';
import type { StringList } from '../model/packed-strings.js';

export interface SampleOptions {
  inputs: string[];
  perAgent: number;
  seed: string;
  rulesetFile: string;
  read: ReadOptions;
  metadata?: MetadataConfig;
  signals?: Partial<SignalThresholds>;
  /** Threads that read the files (default: one per core; a few files are read in this thread). */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SampledCall {
  file: string;
  strata: Stratum[];
}

export interface AgentSample {
  agentId: string;
  agentName: string;
  calls: number;
  /** Calls of each stratum the agent had. */
  present: Record<Stratum, number>;
  picked: SampledCall[];
}

export type SampleOutcome =
  | { kind: 'ruleset-invalid'; problems: RulesetProblem[] }
  | { kind: 'bad-option'; message: string }
  | { kind: 'done'; agents: AgentSample[]; problems: ProblemRow[]; read: number; complaintSignal: boolean; files: StringList };

/**
 * Every call's agent and strata, by agent: read once, then drawn from for any seed. Two numbers
 * a call, not an object with strings: a month of a million calls is sampled too, and the call's
 * id or path kept as a string would keep the whole transcript it was cut from alive (V8 keeps
 * a substring as a view of its parent: ~4 KB a call).
 */
export interface AgentCalls {
  agentId: string;
  agentName: string;
  /** Each call's input index (into `files`), in byte order of their paths. */
  inputs: number[];
  /** Each call's strata, as bits: 1 << its position in STRATA. */
  strata: number[];
}

export type CollectOutcome =
  | { kind: 'ruleset-invalid'; problems: RulesetProblem[] }
  | { kind: 'bad-option'; message: string }
  | { kind: 'done'; agents: AgentCalls[]; problems: ProblemRow[]; read: number; complaintSignal: boolean; /** Every transcript file the inputs named. */ files: StringList };

export async function runSample(opts: SampleOptions): Promise<SampleOutcome> {
  const collected = await collectCalls(opts);
  if (collected.kind !== 'done') return collected;
  return { ...collected, agents: drawSample(collected.agents, collected.files, opts.perAgent, opts.seed) };
}

export async function collectCalls(opts: Omit<SampleOptions, 'perAgent' | 'seed'>): Promise<CollectOutcome> {
  const loaded = loadRuleset(opts.rulesetFile);
  if (!loaded.ok) return { kind: 'ruleset-invalid', problems: loaded.problems };
  const ruleset = loaded.ruleset;
  const meta = setupMetadata(opts.metadata);
  if (!meta.ok) return { kind: 'bad-option', message: meta.message };
  const thresholds = { ...DEFAULT_SIGNALS, ...opts.signals };
  const { files, problems: inputProblems } = await expandInputs(opts.inputs);
  const problems: ProblemRow[] = [...meta.problems, ...inputProblems.map((p) => ({ file: p.file, severity: 'error' as const, stage: 'input', message: p.message }))];

  const byAgent = new Map<string, AgentCalls>();
  let read = 0;
  let index = 0;
  // Outcomes arrive in input order, whatever --jobs is: `index` is the file's place in `files`.
  const take = (outcome: FileOutcome): void => {
    const at = index++;
    for (const row of outcome.rows) problems.push(row);
    const facts = outcome.sampled;
    if (!facts) return;
    read++;
    let agent = byAgent.get(facts.agentId);
    if (!agent) byAgent.set(facts.agentId, (agent = { agentId: copyOf(facts.agentId), agentName: '', inputs: [], strata: [] }));
    if (!agent.agentName && facts.agentName) agent.agentName = copyOf(facts.agentName);
    agent.inputs.push(at);
    agent.strata.push(facts.strata);
  };
  const config: ScoreConfig = { read: opts.read, mask: true, meta: opts.metadata };
  const jobs = effectiveJobs(requestedJobs(opts.jobs), files.length);
  let from = 0;
  if (jobs > 1) {
    const task = { kind: 'sample', thresholds } as const;
    // No signal: `callqa sample` writes its list only at the end, and Ctrl-C stops it outright.
    const end = await scoreInWorkers(files, { jobs, ruleset: loaded.portable, config, task, onProgress: opts.onProgress }, take);
    // Threads could not start: the rest is read here, with the same outcome.
    from = end.kind === 'workers-failed' ? end.taken : files.length;
  }
  // In this thread, the metadata already set up serves (a manifest is not read twice).
  const sampleFile = sampleFileWith(ruleset, { read: opts.read, ...(meta.enrich ? { enrich: meta.enrich } : {}) }, thresholds);
  for (let at = from; at < files.length; at++) {
    take(sampleFile(files.at(at) as string));
    opts.onProgress?.(at + 1, files.length);
  }

  const agents = [...byAgent.values()].sort((a, b) => byteOrder(a.agentId, b.agentId));
  return { kind: 'done', agents, problems, read, complaintSignal: complaintTrigger(ruleset) !== undefined, files };
}

/** Each agent's quota, drawn with a generator seeded by the seed and the agent id. */
export function drawSample(agents: readonly AgentCalls[], files: StringList, perAgent: number, seed: string): AgentSample[] {
  return agents.map(({ agentId, agentName, inputs, strata }) => {
    const present = Object.fromEntries(STRATA.map((s, bit) => [s, strata.filter((bits) => bits & (1 << bit)).length])) as Record<Stratum, number>;
    const rand = prng(hashSeed(`${seed}\u0000${agentId}`));
    const picked = pickPositions(strata, perAgent, rand).map((i) => ({ file: files.at(inputs[i] as number) as string, strata: strataOf(strata[i] as number) }));
    return { agentId, agentName, calls: inputs.length, present, picked };
  });
}

/** One agent's quota from calls in byte order of their paths. */
export function pickCalls(calls: readonly SampledCall[], n: number, rand: () => number): SampledCall[] {
  return pickPositions(calls.map((c) => strataBits(c.strata)), n, rand).map((i) => calls[i] as SampledCall);
}

/**
 * Positions (ascending) of the calls drawn, from each call's strata bits: one call of each
 * stratum first unless an earlier pick covers it, the rest of the quota a uniform draw.
 */
function pickPositions(strata: readonly number[], n: number, rand: () => number): number[] {
  const all = strata.map((_, i) => i);
  if (strata.length <= n) return all;
  const order = shuffle(all, rand);
  const chosen = new Set<number>();
  let covered = 0;
  for (let bit = 0; bit < STRATA.length; bit++) {
    if (chosen.size >= n) break;
    if (covered & (1 << bit)) continue;
    const first = order.find((i) => (strata[i] as number) & (1 << bit) && !chosen.has(i));
    if (first === undefined) continue;
    chosen.add(first);
    covered |= strata[first] as number;
  }
  for (const i of order) {
    if (chosen.size >= n) break;
    chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The strata of a call's bits, in STRATA order. */
export function strataOf(bits: number): Stratum[] {
  return STRATA.filter((_, bit) => bits & (1 << bit));
}

/** A string of its own: not a view keeping the transcript it was cut from alive. */
function copyOf(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The list `callqa audit @list.txt` reads: paths relative to the list, '#' lines say why. */
export function sampleListText(listFile: string, agents: readonly AgentSample[], header: string[]): string {
  const base = dirname(resolve(listFile));
  const lines = header.map(comment);
  for (const a of agents) {
    const strata = STRATA.map((s) => `${s} ${a.picked.filter((c) => c.strata.includes(s)).length}/${a.present[s]}`).join(', ');
    lines.push(comment(`${a.agentId}${a.agentName ? ` ${a.agentName}` : ''}: ${a.picked.length} of ${a.calls} calls (${strata})`));
    for (const c of a.picked) lines.push(listLine(relative(base, resolve(c.file)).split(sep).join('/')));
  }
  return `${lines.join('\n')}\n`;
}

/** A `#` line whatever it says: a line break in an agent's name (a manifest cell) would start a line read as a path. */
function comment(text: string): string {
  return `# ${text.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}`;
}

/** A path as the list reader reads it back: one that starts with # (or is all blanks) would be skipped. */
function listLine(path: string): string {
  return path.startsWith('#') || !path.trim() ? `./${path}` : path;
}


