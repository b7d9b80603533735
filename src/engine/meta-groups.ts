/**
 * Regex phrases whose named groups are call metadata: `/工号(?<agent_no>[0-9一二…]+)/` accepts any
 * number the agent gives when the call's metadata has none, but only the agent's own number when
 * it does — 「工号一二七」 from agent A128 is a wrong self-identification, not a self-identification.
 * Numbers are compared by value (128 = 幺二八 = 一百二十八); other values by their folded text.
 */
import { CHINESE_DIGITS, numberValue } from '../model/numerals.js';
import type { CompiledPhrase, PhraseSet } from '../ruleset/index.js';
import { findPhrases, regexHits, type PhraseHit } from './phrases.js';
import { metaVariable, type PreparedCall } from './prepare.js';

export interface MetaConflict {
  hit: PhraseHit;
  variable: string;
  said: string;
  expected: string;
}

/** The first metadata group of the hit that says something other than the call's metadata. */
export function metaConflict(p: PreparedCall, phrase: CompiledPhrase, hit: PhraseHit): MetaConflict | undefined {
  for (const variable of phrase.metaGroups ?? []) {
    const said = hit.groups?.[variable];
    const expected = metaVariable(p, variable);
    if (said === undefined || expected === null || sameValue(said, expected)) continue;
    return { hit, variable, said, expected };
  }
  return undefined;
}

function sameValue(said: string, expected: string): boolean {
  const a = numberValue(said);
  const b = numberValue(expected);
  return a !== undefined && b !== undefined ? a === b : said === expected;
}

/**
 * Matches of the set's metadata-group regexes in these utterances that contradict the metadata
 * (findPhrases leaves them out, so they are looked for again: only for sets that have such
 * regexes, only in the scope of one check). A match inside one of the check's exceptions is no
 * conflict: 「我是值班主管，工号三零五」 is a supervisor's number, not the agent's wrong one.
 */
export function metaConflicts(p: PreparedCall, turns: readonly number[], set: PhraseSet, except?: PhraseSet): MetaConflict[] {
  if (!hasMetaGroups(set)) return NONE;
  const out: MetaConflict[] = [];
  for (const i of set.regexes) {
    const phrase = set.phrases[i] as CompiledPhrase;
    const regex = phrase.regex;
    if (!phrase.metaGroups || !regex) continue;
    for (const u of turns) {
      for (const hit of regexHits(p.folds[u]?.folded ?? '', regex, i, u) ?? []) {
        const conflict = metaConflict(p, phrase, hit);
        if (conflict && !customerSaidBefore(p, u, conflict.said) && !excepted(p, u, hit, except)) out.push(conflict);
      }
    }
  }
  return out;
}

const NONE: MetaConflict[] = [];

function excepted(p: PreparedCall, u: number, hit: PhraseHit, except: PhraseSet | undefined): boolean {
  return !!except && findPhrases(p, u, except).some((s) => s.start <= hit.start && hit.end <= s.end);
}

/** Whether any regex of the set has a metadata group (self-id's; asked by every require check). */
const HAS_META_GROUPS = new WeakMap<PhraseSet, boolean>();
function hasMetaGroups(set: PhraseSet): boolean {
  let has = HAS_META_GROUPS.get(set);
  if (has === undefined) HAS_META_GROUPS.set(set, (has = set.regexes.some((i) => (set.phrases[i]?.metaGroups?.length ?? 0) > 0)));
  return has;
}

const SPOKEN_NUMBER = new RegExp(`[0-9${CHINESE_DIGITS}十百千万]+`, 'gu');

/**
 * Whether the customer said this number before utterance u: 「我要投诉你们127号客服」 … 「请问客服127号
 * 是什么时候接待您的？」 is the agent asking about a colleague, not naming itself.
 */
function customerSaidBefore(p: PreparedCall, u: number, said: string): boolean {
  const value = numberValue(said);
  if (value === undefined) return false;
  for (const c of p.turnsOf.customer) {
    if (c >= u) break;
    for (const m of (p.folds[c]?.folded ?? '').matchAll(SPOKEN_NUMBER)) if (numberValue(m[0]) === value) return true;
  }
  return false;
}

/**
 * Whether the speaker says the call's own value in these utterances, through a metadata group
 * (its mismatches are filtered out) or a `{agent_no}` template: after 「工号一二八」, a later
 * 「我帮您转接工号一二七的同事」 names a colleague.
 */
export function saysOwnValue(p: PreparedCall, turns: readonly number[], set: PhraseSet): boolean {
  const own = (phrase: CompiledPhrase | undefined): boolean =>
    !!phrase && ((phrase.metaGroups?.length ?? 0) > 0 || (phrase.template ?? []).some((part) => 'variable' in part && metaVariable(p, part.variable) !== null));
  return turns.some((u) => findPhrases(p, u, set).some((hit) => own(set.phrases[hit.phrase])));
}
