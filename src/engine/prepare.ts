/**
 * Prepare a call for evaluation: fold every utterance once and run the ruleset's matcher once
 * over each. Rule types then only look hits up; they never scan text again.
 */
import { agentNumberOf, type Call, type Speaker } from '../model/call.js';
import { onlySoundNotes } from '../model/sound-notes.js';
import { foldMany, foldPhrase, type FoldedText } from '../normalize/fold.js';
import type { PatternHit } from '../match/aho-corasick.js';
import type { CompiledRuleset, ScopeSpec, SpeakerName } from '../ruleset/index.js';
import type { Selection } from './scope.js';
import type { TimingFacts } from './timing/facts.js';
import type { PhraseHit } from './phrases.js';
import type { Applicability } from './conditions.js';
import { findHandover, setAside, type Handover } from './handover.js';

export interface PreparedCall {
  call: Call;
  ruleset: CompiledRuleset;
  folds: FoldedText[];
  /** Matcher hits per utterance (plain patterns only). */
  hits: PatternHit[][];
  /**
   * Which of the ruleset's regex gates each utterance opens: bit g of the words
   * [u × gateWords, (u + 1) × gateWords) is set when utterance u holds a literal of gate g.
   */
  gatesOpen: Uint32Array;
  /** Utterance indices per speaker, in order. */
  turnsOf: Record<Speaker, number[]>;
  /** Whether every utterance has a start time (timing scopes and rules need it). */
  timed: boolean;
  /** Folded meta values for `{agent_no}`-style templates, computed on first use. */
  metaFolds: Map<string, string | null>;
  /** Exact hits by phrase set id, grouped by utterance; built on first use by src/engine/phrases.ts. */
  setHits?: SetHitIndex;
  /** By set id (sets with regex phrases), by utterance: exact and regex hits, filled on first use. */
  regexHits?: Array<Array<readonly PhraseHit[] | undefined> | undefined>;
  /** Each speaker's turns (runs of utterances), computed on first use by src/engine/turns.ts. */
  turnRuns?: Partial<Record<SpeakerName, number[][]>>;
  /** How many of the agent's first turns are prompts to an outbound line nobody answered yet (src/engine/turns.ts). */
  lineChecks?: number;
  /** Selections of scopes that do not depend on a trigger, by scope and speaker (src/engine/scope.ts). Shared: do not modify. */
  selections?: Map<ScopeSpec, Partial<Record<SpeakerName, Selection>>>;
  /** By said id: the answer to that `when.said` question, computed on first use (src/engine/conditions.ts). */
  saidAnswers?: Array<Applicability | undefined>;
  /** Silences and holds, computed on first use by timingFacts() (src/engine/timing/facts.ts). */
  timing?: TimingFacts;
  /** A transfer put through with the recording going on: the other agent's words are set aside (src/engine/handover.ts). */
  handover?: Handover;
}

/** By phrase set id: the set's hits, one non-empty list per utterance, in utterance order. */
export type SetHitIndex = Array<PhraseHit[][] | undefined>;

export function prepareCall(call: Call, ruleset: CompiledRuleset): PreparedCall {
  const folds = foldMany(call.utterances.map((u) => (onlySoundNotes(u.text) ? '' : u.text)));
  const words = gateWords(ruleset);
  const gatesOpen = new Uint32Array(folds.length * words);
  const hits = folds.map((f, u) => scanUtterance(ruleset, f.folded, gatesOpen, u * words));
  const turnsOf: Record<Speaker, number[]> = { agent: [], customer: [], unknown: [] };
  for (const u of call.utterances) turnsOf[u.speaker].push(u.index);
  const timed = call.utterances.length > 0 && call.utterances.every((u) => u.startMs !== undefined);
  const p: PreparedCall = { call, ruleset, folds, hits, gatesOpen, turnsOf, timed, metaFolds: new Map() };
  const handover = findHandover(p);
  if (!handover) return p;
  // Speakers changed: a fresh PreparedCall, so no turn, scope or timing cache of the old one is
  // read (the text's hits stay: the words are the same).
  const aside = setAside(call, handover);
  return { call: aside.call, ruleset, folds, hits, gatesOpen, turnsOf: aside.turnsOf, timed, metaFolds: p.metaFolds, setHits: p.setHits, regexHits: p.regexHits, handover };
}

function gateWords(ruleset: CompiledRuleset): number {
  return (ruleset.gates.length + 31) >>> 5;
}

/** One matcher pass over a folded utterance: the plain patterns' hits, and the gates its literals open marked in `open`. */
function scanUtterance(ruleset: CompiledRuleset, folded: string, open: Uint32Array, at: number): PatternHit[] {
  const { matcher, patterns, gatesOfLiteral } = ruleset;
  const count = matcher.scan(folded);
  const found = matcher.found;
  const plainCount = patterns.length;
  // Counted first, so the hits array is allocated once at its size (most of a call's hits are literals').
  let plain = 0;
  for (let h = 0; h < count; h++) if ((found[2 * h] as number) < plainCount) plain++;
  const hits = new Array<PatternHit>(plain);
  let next = 0;
  for (let h = 0; h < count; h++) {
    const pattern = found[2 * h] as number;
    const end = found[2 * h + 1] as number;
    if (pattern < plainCount) {
      hits[next++] = { pattern, start: end - (patterns[pattern] as string).length, end };
    } else {
      for (const gate of gatesOfLiteral[pattern - plainCount] as number[]) {
        open[at + (gate >>> 5)] = (open[at + (gate >>> 5)] as number) | (1 << (gate & 31));
      }
    }
  }
  return hits;
}

/**
 * Whether utterance u opens every gate in `requires` (gate ids: lists of literals, one of which
 * it must hold): when not, the regex that requires them cannot match it.
 */
export function holdsLiterals(p: PreparedCall, u: number, requires: readonly number[]): boolean {
  const open = p.gatesOpen;
  const at = u * gateWords(p.ruleset);
  for (const gate of requires) if (((open[at + (gate >>> 5)] as number) & (1 << (gate & 31))) === 0) return false;
  return true;
}

/**
 * Why a speaker never speaks, when the recording says: " (the customer's channel 1 has no speech)"
 * on a stereo call where that side's channel is empty; '' otherwise.
 */
export function emptyChannelNote(p: PreparedCall, speaker: string): string {
  const empty = p.call.source.emptyChannel;
  if (empty === undefined || empty.role !== speaker) return '';
  return ` (the ${speaker}'s ${empty.channel === undefined ? 'channel' : `channel ${empty.channel}`} has no speech)`;
}

/**
 * Why an untimed call has no times, for na reasons: none in the file, or times the reader found
 * unusable (negative, backwards, past 24 hours …) and dropped.
 */
export function untimedReason(p: PreparedCall): string {
  const problem = p.call.source.timingProblem;
  if (problem !== undefined) return `timestamps unusable: ${problem}`;
  // Some lines timed, one not: "no timestamps" would send the reviewer looking for the wrong thing.
  const utterances = p.call.utterances;
  const bare = utterances.find((u) => u.startMs === undefined);
  if (bare && utterances.some((u) => u.startMs !== undefined)) {
    const where = bare.line !== undefined ? ` (line ${bare.line})` : '';
    return `turn ${bare.index + 1}${where} has no timestamp, though other turns do`;
  }
  return 'no timestamps';
}

/** The folded value of a metadata variable, or null when the call lacks it. */
export function metaVariable(p: PreparedCall, name: string): string | null {
  const cached = p.metaFolds.get(name);
  if (cached !== undefined) return cached;
  const value = name === 'agent_no' ? agentNumberOf(p.call.meta) : p.call.meta[name];
  const folded = value === undefined || value === '' ? null : foldPhrase(String(value)) || null;
  p.metaFolds.set(name, folded);
  return folded;
}
