/** Verdicts and the evidence behind them: what the engine hands to the reports. */
import type { Speaker } from '../model/call.js';

/**
 * pass / fail are scored; na (not applicable) moves nothing; review (a hit that rests on
 * low-confidence recognition) is listed for QA staff and not scored.
 */
export type Verdict = 'pass' | 'fail' | 'na' | 'review';

export interface Evidence {
  /** 1-based turn number. */
  turn: number;
  speaker: Speaker;
  startMs?: number;
  endMs?: number;
  /** The utterance (or a window of it) in the speaker's own characters. */
  quote: string;
  /** The words that matched, as said. */
  matched?: string;
  /** The rule phrase that matched, as written in the ruleset. */
  phrase?: string;
  /** A short label for what this evidence is: 'trigger', 'reply', 'hold' … */
  role?: string;
  /** A near match: how the words differ from the phrase (「1 edit: 为 dropped」). */
  near?: string;
  /** Lowest recogniser confidence of the matched words (or of the sentence), when known. */
  confidence?: number;
  /**
   * `matched` is a personal number the rule found (a privacy hit): reports mask it wherever the
   * rule's result shows it, shape or no shape (a passport number, a local landline).
   */
  personal?: true;
  /**
   * With `personal`: `matched` is the rest of the number in the evidence right before this one,
   * which the recogniser cut at a pause (「138，」「1234 5678」). Reports mask the two as one number.
   */
  cut?: true;
}

export interface CheckOutcome {
  verdict: Verdict;
  /** Why, in words a QA reviewer reads: what was found, what was missing, why na. */
  reason: string;
  evidence: Evidence[];
  /** For a "not said" failure (and for passes of forbid rules): where the engine looked. */
  window?: string;
}

export interface RuleResult extends CheckOutcome {
  ruleId: string;
  category: string;
  title: string;
  critical: boolean;
  /** Points earned (0 for fail, na, review). */
  points: number;
  maxPoints: number;
  /** A reviewer's decision (an upheld appeal) that replaced the engine's verdict. */
  override?: RuleOverride;
}

export interface RuleOverride {
  reviewer: string;
  reason: string;
  /** What the engine said before the reviewer decided (its reason and evidence stay on the rule). */
  engineVerdict: Verdict;
}

export interface CategoryScore {
  earned: number;
  applicable: number;
  /** 0..100, undefined when nothing in the category applied. */
  score?: number;
}

export interface CallResult {
  callId: string;
  file: string;
  agentId: string;
  agentName: string;
  date: string;
  format: string;
  encoding: string;
  /** Category-weighted score 0..100 (one decimal), undefined when no rule applied. */
  score?: number;
  earned: number;
  applicable: number;
  criticalFail: boolean;
  result: 'pass' | 'fail' | 'na';
  categories: Record<string, CategoryScore>;
  rules: RuleResult[];
}
