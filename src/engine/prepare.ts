/**
 * Prepare a call for evaluation: fold every utterance once and run the ruleset's matcher once
 * over each. Rule types then only look hits up; they never scan text again.
 */
import type { Call, Speaker } from '../model/call.js';
import { foldMany, foldPhrase, type FoldedText } from '../normalize/fold.js';
import type { PatternHit } from '../match/aho-corasick.js';
import type { CompiledRuleset, SpeakerName } from '../ruleset/index.js';
import type { TimingFacts } from './timing/facts.js';
import type { PhraseHit } from './phrases.js';

export interface PreparedCall {
  call: Call;
  ruleset: CompiledRuleset;
  folds: FoldedText[];
  /** Matcher hits per utterance. */
  hits: PatternHit[][];
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
  /** Silences and holds, computed on first use by timingFacts() (src/engine/timing/facts.ts). */
  timing?: TimingFacts;
}

/** By phrase set id: the set's hits, one non-empty list per utterance, in utterance order. */
export type SetHitIndex = Array<PhraseHit[][] | undefined>;

/**
 * A whole utterance that is only bracketed sound notes — 「[噪音]」「(杂音)」「（笑声）」「<noise>」, as
 * recognisers and subtitlers write down what is not speech — has no words: it folds to nothing,
 * like 「……」. A number in brackets (「(0571)」) is speech.
 */
const SOUND_NOTES = /^(?:\s*[[(（【<〈]\s*[^[\]()（）【】<>〈〉\d]{1,16}?\s*[\])）】>〉])+\s*$/u;

export function prepareCall(call: Call, ruleset: CompiledRuleset): PreparedCall {
  const folds = foldMany(call.utterances.map((u) => (SOUND_NOTES.test(u.text) ? '' : u.text)));
  const hits = folds.map((f) => ruleset.matcher.findAll(f.folded));
  const turnsOf: Record<Speaker, number[]> = { agent: [], customer: [], unknown: [] };
  for (const u of call.utterances) turnsOf[u.speaker].push(u.index);
  const timed = call.utterances.length > 0 && call.utterances.every((u) => u.startMs !== undefined);
  return { call, ruleset, folds, hits, turnsOf, timed, metaFolds: new Map() };
}

/**
 * Why an untimed call has no times, for na reasons: none in the file, or times the reader found
 * unusable (negative, backwards, past 24 hours …) and dropped.
 */
export function untimedReason(p: PreparedCall): string {
  const problem = p.call.source.timingProblem;
  return problem === undefined ? 'no timestamps' : `timestamps unusable: ${problem}`;
}

/** The folded value of a metadata variable, or null when the call lacks it. */
export function metaVariable(p: PreparedCall, name: string): string | null {
  const cached = p.metaFolds.get(name);
  if (cached !== undefined) return cached;
  let value = p.call.meta[name];
  if (value === undefined && name === 'agent_no') {
    // agent_no defaults to the digits of agent_id (A128 → 128), as scripts say 「客服128号」.
    const digits = /\d+/.exec(String(p.call.meta.agent_id ?? ''));
    value = digits ? digits[0] : undefined;
  }
  const folded = value === undefined || value === '' ? null : foldPhrase(String(value)) || null;
  p.metaFolds.set(name, folded);
  return folded;
}
