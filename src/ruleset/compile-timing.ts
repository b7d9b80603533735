/**
 * Compile steps for the timing checks (hold, dead_air, interrupt, speech_rate, silent_caller)
 * and for threshold references. A numeric parameter may name a `thresholds:` entry instead of a
 * number, so the numbers live once in the ruleset header and a company ruleset can change them.
 */
import type { CompiledCheck, CompiledWhen, HoldDetection, PhraseSet } from './compiled.js';
import type { NumberOrThreshold, PhraseSpec, RuleSpec, WhenSpec } from './spec.js';
import { closest } from '../model/suggest.js';

type Path = (string | number)[];

export interface TimingCompiler {
  thresholds: Record<string, number>;
  lexicons: Record<string, PhraseSpec[]>;
  phraseSet(items: PhraseSpec[], path: Path): PhraseSet;
  /** A phrase set that must be said: near matches as for require (rule → ruleset `tolerance` → auto). */
  requiredPhraseSet(items: PhraseSpec[], path: Path, rule: RuleSpec): PhraseSet;
  report(path: Path, code: string, message: string): void;
  /** A `when` condition, compiled as a rule's is (said conditions shared with other rules). */
  when(w: WhenSpec, path: Path): CompiledWhen;
}

/** A number as written, or the value of the named threshold (NaN after reporting an unknown name). */
export function resolveNumber(c: TimingCompiler, value: NumberOrThreshold, path: Path): number {
  if (typeof value === 'number') return value;
  const found = c.thresholds[value];
  if (found !== undefined) return found;
  const known = Object.keys(c.thresholds);
  const hint = closest(value, known);
  c.report(path, 'unknown-threshold', `unknown threshold "${value}"${hint ? ` (did you mean "${hint}"?)` : ''}; thresholds: ${known.join(', ') || 'none'}`);
  return Number.NaN;
}

function whenUsesHold(w: WhenSpec | undefined): boolean {
  return !!w && (w.hold !== undefined || (w.any ?? []).some(whenUsesHold) || whenUsesHold(w.not));
}

/** Whether this rule needs hold detection (to find holds, or to tell holds from dead air). */
export function usesHolds(rule: RuleSpec): boolean {
  return whenUsesHold(rule.when) || rule.hold !== undefined || rule.dead_air !== undefined;
}

/**
 * Hold detection from the ruleset's `hold_announce` lexicon and `hold_min_s` threshold; a rule
 * that needs them where they are missing is an error at that rule (`at`).
 */
export function holdDetection(c: TimingCompiler, at: Path): HoldDetection | undefined {
  const missing: string[] = [];
  if (!c.lexicons.hold_announce) missing.push('lexicons.hold_announce');
  if (c.thresholds.hold_min_s === undefined) missing.push('thresholds.hold_min_s');
  if (missing.length > 0) {
    c.report(at, 'hold-detection', `hold rules need ${missing.join(' and ')} (how a hold is announced, and how long its silence is at least)`);
    return undefined;
  }
  const checkBack = c.lexicons.hold_check_back ? c.phraseSet(['$hold_check_back'], at) : undefined;
  const customerWait = c.lexicons.customer_wait ? c.phraseSet(['$customer_wait'], at) : undefined;
  const errand = c.lexicons.hold_errand ? c.phraseSet(['$hold_errand'], at) : undefined;
  const aside = c.lexicons.hold_aside ? c.phraseSet(['$hold_aside'], at) : undefined;
  return {
    announce: c.phraseSet(['$hold_announce'], at),
    ...(checkBack ? { checkBack } : {}),
    ...(customerWait ? { customerWait } : {}),
    ...(errand ? { errand } : {}),
    ...(aside ? { aside } : {}),
    minMs: (c.thresholds.hold_min_s as number) * 1000,
  };
}

export function timingChecks(c: TimingCompiler, rule: RuleSpec): CompiledCheck[] {
  const checks: CompiledCheck[] = [];
  const num = (v: NumberOrThreshold | undefined, path: Path, fallback: number): number => (v === undefined ? fallback : resolveNumber(c, v, path));
  const h = rule.hold;
  if (h?.before) checks.push({ type: 'hold', mode: 'before', phrases: c.requiredPhraseSet(h.before, ['hold', 'before'], rule) });
  if (h?.check_back_s !== undefined) checks.push({ type: 'hold', mode: 'check_back', maxPieceMs: num(h.check_back_s, ['hold', 'check_back_s'], 0) * 1000 });
  if (h?.after) checks.push({ type: 'hold', mode: 'after', phrases: c.requiredPhraseSet(h.after, ['hold', 'after'], rule) });
  const d = rule.dead_air;
  if (d) {
    checks.push({
      type: 'dead_air',
      maxMs: num(d.max_s, ['dead_air', 'max_s'], 0) * 1000,
      skipFirstMs: num(d.skip_first_s, ['dead_air', 'skip_first_s'], 0) * 1000,
      bridgeMs: num(d.bridge_ms, ['dead_air', 'bridge_ms'], 0),
      skipCustomerPauses: d.skip_customer_pauses ?? true,
      ...(d.customer_wait ? { customerWait: c.phraseSet(d.customer_wait, ['dead_air', 'customer_wait']) } : {}),
      ...(d.customer_task ? { customerTask: c.phraseSet(d.customer_task, ['dead_air', 'customer_task']) } : {}),
      ...(d.goodbye ? { goodbye: c.phraseSet(d.goodbye, ['dead_air', 'goodbye']) } : {}),
      ...(d.customer_takes_up ? { customerTakesUp: c.phraseSet(d.customer_takes_up, ['dead_air', 'customer_takes_up']) } : {}),
    });
  }
  const i = rule.interrupt;
  if (i) {
    checks.push({
      type: 'interrupt',
      overlapMs: num(i.overlap_ms, ['interrupt', 'overlap_ms'], 0),
      backchannel: i.backchannel ? c.phraseSet(i.backchannel, ['interrupt', 'backchannel']) : undefined,
      backchannelChars: num(i.backchannel_chars, ['interrupt', 'backchannel_chars'], 0),
      max: num(i.max, ['interrupt', 'max'], 0),
    });
  }
  const r = rule.speech_rate;
  if (r) {
    const min = num(r.min, ['speech_rate', 'min'], 0);
    const max = num(r.max, ['speech_rate', 'max'], 0);
    if (min > max) c.report(['speech_rate'], 'out-of-range', `speech_rate min ${min} is above max ${max}`);
    const bands = (r.bands ?? []).map((b, i) => {
      const path = ['speech_rate', 'bands', i];
      const band = { name: b.name, when: c.when(b.when, [...path, 'when']), min: num(b.min, [...path, 'min'], 0), max: num(b.max, [...path, 'max'], 0) };
      if (band.min > band.max) c.report(path, 'out-of-range', `speech_rate band "${b.name}" min ${band.min} is above max ${band.max}`);
      return band;
    });
    const uncutS = r.uncut_s === undefined ? Infinity : num(r.uncut_s, ['speech_rate', 'uncut_s'], 0);
    checks.push({ type: 'speech_rate', min, max, minSpeakingMs: num(r.min_speaking_s, ['speech_rate', 'min_speaking_s'], 0) * 1000, uncutMs: uncutS * 1000, bands });
  }
  const s = rule.silent_caller;
  if (s) {
    checks.push({
      type: 'silent_caller',
      waitMs: num(s.wait_s, ['silent_caller', 'wait_s'], 0) * 1000,
      repeat: c.requiredPhraseSet(s.repeat, ['silent_caller', 'repeat'], rule),
      close: c.requiredPhraseSet(s.close, ['silent_caller', 'close'], rule),
      never: s.never ? c.phraseSet(s.never, ['silent_caller', 'never']) : undefined,
    });
  }
  return checks;
}
