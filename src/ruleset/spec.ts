/**
 * The ruleset language as written in YAML (after schema validation). Rules are data; the
 * mechanisms that evaluate them (rule types, conditions) are code in src/engine.
 */

import type { PersonalNumberKind } from '../match/personal-numbers.js';

export type SpeakerName = 'agent' | 'customer' | 'any';

/**
 * A phrase as written: plain text (folded before matching), `$lexicon` (all phrases of a named
 * list), `/regex/` (matched against the folded text), with `{variable}` placeholders expanded.
 */
export type PhraseSpec = string;

/**
 * How far a phrase may be from what the recogniser wrote: `off` (exact), `auto` (edits grow with
 * phrase length, homophones free), or `{ edits: N, homophones: bool }` (N caps the edits).
 */
export type ToleranceSpec = 'off' | 'auto' | { edits?: number; homophones?: boolean };

/** Where in the call to look. One key at most; none means the whole call. */
export interface ScopeSpec {
  first_turns?: number;
  last_turns?: number;
  first_seconds?: number;
  last_seconds?: number;
  /** Turns of the checked speaker after the first trigger of `when.said` (whole rest if 0). */
  after_trigger_turns?: number;
  /** Seconds after the first trigger of `when.said`. */
  after_trigger_seconds?: number;
  /** The speaker's utterances from the first trigger of `when.said` on, its own turn included. */
  from_trigger?: true;
}

export interface SaidSpec {
  speaker: SpeakerName;
  phrases: PhraseSpec[];
  except?: PhraseSpec[];
  scope?: ScopeSpec;
  /**
   * Only the hits aimed at `aim.count` (src/engine/aim.ts): the customer's 「那个快递员就是个白痴」 abuses
   * the courier, not the agent, so it does not trigger the rule about an abusive caller.
   */
  aim?: AimSpec;
  /**
   * Only a hit the other side never answers counts: nothing is said by them after it, to the end of
   * the call (「请问还有什么可以帮您？」 met with silence, 004 (五)3). Needs speaker agent or customer.
   */
  unanswered?: true;
  /**
   * Only a hit the other side's next reply confirms: the agent's 「请问是刘女士吗？」 answered 「是的」
   * makes the surname known; 「不是，我是她老公」, silence or a hang-up leave it unconfirmed.
   * Needs speaker agent or customer.
   */
  confirmed?: { phrases: PhraseSpec[]; except?: PhraseSpec[] };
}

/** Applicability. Every key given must hold; a missing fact makes the rule na with a reason. */
export interface WhenSpec {
  direction?: 'inbound' | 'outbound' | Array<'inbound' | 'outbound'>;
  said?: SaidSpec;
  has_turns?: SpeakerName;
  timed?: boolean;
  meta?: Record<string, MetaTest>;
  rest_day?: boolean;
  hold?: boolean;
  transfer?: boolean;
  customer_silent?: boolean;
  /** Another voice of the service side (主管, 坐席2) speaks after the scored agent's last turn. */
  handed_over?: boolean;
  any?: WhenSpec[];
  /** Applies only where this does not: yes ↔ no, unknown stays unknown (「unless the agent speaks Cantonese」). */
  not?: WhenSpec;
}

/** A number, or the name of a ruleset threshold (`ring_max_s`) resolved when compiling. */
export type NumberOrThreshold = number | string;

export type MetaTest =
  | string
  | number
  | boolean
  | {
      eq?: string | number | boolean;
      gt?: NumberOrThreshold;
      gte?: NumberOrThreshold;
      lt?: NumberOrThreshold;
      lte?: NumberOrThreshold;
      present?: boolean;
    };

export interface RequireSpec {
  speaker: SpeakerName;
  scope?: ScopeSpec;
  /** Any one of these (a phrase or `$lexicon`). */
  any?: PhraseSpec[];
  /** Every item: each is one phrase or a list of alternatives. */
  all?: Array<PhraseSpec | PhraseSpec[]>;
  /** `all`'s items said in their order: each ending where the one before ends or later (「转接技术部，好吗」, not an earlier 「好吗」). */
  in_order?: boolean;
  /** At least `at_least` distinct items of `of`. */
  at_least?: number;
  of?: Array<PhraseSpec | PhraseSpec[]>;
  /** Hits on these are ignored (e.g. 您好 said as part of a longer phrase that does not count). */
  except?: PhraseSpec[];
  /** Near matches (default: the ruleset's `tolerance`, else auto). */
  tolerance?: ToleranceSpec;
  /**
   * `na`: when nothing is said because the customer hung up on their own last words
   * (hangup_by: customer, the last utterance is theirs), the agent had no turn left to say it —
   * na, not fail; so when there is no hangup_by and the call's last words are the customer's
   * goodbye (lexicon `call_customer_leaves`), or the call broke off (src/engine/hangup.ts).
   * For closings. Default `fail`.
   */
  cut_off?: 'na' | 'fail';
  /**
   * With `cut_off: na`: when this was said, the agent had already taken leave (「感谢您的接听，
   * 再见」—「再见」), so the customer's last words cut nothing off and what is missing fails.
   */
  closed_if_said?: SaidSpec;
  /**
   * For after_trigger scopes: when the customer hung up (hangup_by: customer) before the speaker
   * had more than this many replies after the trigger, not saying it is na — 「非常抱歉，我…」 and
   * the line goes dead. A reply is all the speaker says until the other side speaks.
   */
  hangup_within_replies?: number;
  /**
   * Only when the call log says this speaker hung up (hangup_by); na otherwise. 「Hanging up without
   * a farewell」 is a fault only of the side that hung up, and only the call log knows who did.
   */
  if_hung_up_by?: 'agent' | 'customer';
  /**
   * A hit does not count when the other side's next reply says one of these: 「还有其他问题吗」
   * answered 「有，我想改套餐」 was not the closing question, since new business followed it. `as` names
   * the reply in the reason (default 「new business」; a transfer offer answered 「不用转了」: 「a refusal」).
   */
  undone_by_reply?: { phrases: PhraseSpec[]; except?: PhraseSpec[]; as?: string };
  /**
   * Nothing that counts was said, but this was: na, not fail. The customer's own 「没别的了，谢谢」
   * in their last turn already answers 「还有什么可以帮您」 — unless the speaker had taken leave
   * (`closed_if_said` phrases, earlier in the window) before it: then it answered that goodbye.
   */
  na_if_said?: SaidSpec;
  /**
   * With `all`: the first item alone is enough when `speaker` (the other side) asked for it in their
   * last `within_turns` turns before it — 「帮我转人工」, then 「好的，我给您转到人工客服，请稍等」:
   * asking their leave again would be redundant. Not when the checked speaker says one of `unless`
   * from that request to the first item (「经理那边转接不了，我帮您转到值班主管」: not what was asked for).
   * `targets`: the things either side may name, one list each (the desks: 主管, 售后, 技术 …): when the
   * request's clause names some and the first item's clause names only others (「我要找你们主管」,
   * 「我给您转到售后部门」), it is not what was asked for. A thing in no list (人工) is any of them.
   */
  first_enough_if_asked?: { speaker: 'agent' | 'customer'; phrases: PhraseSpec[]; except?: PhraseSpec[]; within_turns: number; unless?: PhraseSpec[]; targets?: PhraseSpec[][] };
}

export interface ForbidSpec {
  speaker: SpeakerName;
  scope?: ScopeSpec;
  /** Forbidden phrases (this, `personal_data`, or both). */
  phrases?: PhraseSpec[];
  /**
   * Personal-data numbers the speaker must not read out, found in the speaker's own text (not the
   * folded text) by src/match/personal-numbers.ts: full mobile, ID-card, bank-card numbers.
   */
  personal_data?: PersonalNumberKind[];
  /** A hit that lies inside an occurrence of one of these does not count: 你 inside 你们. */
  except?: PhraseSpec[];
  /** Fail only when the phrases are said at least this many times (default 1). */
  min_count?: number;
  /** Near matches: off unless given here or on the rule (a near match must not invent a taboo). */
  tolerance?: ToleranceSpec;
  /**
   * From the first turn where the speaker says one of these (「我是值班主管」: someone else speaking
   * under the agent's label), a hit may not be the speaker's own: `review`, not `fail`.
   */
  review_from?: PhraseSpec[];
  /**
   * A hit taken back in the speaker's same turn by one of these phrases does not count, and the
   * reason shows both: 「这个不归我们管，但我可以帮您转到售后」 hands the matter on (src/engine/repair.ts).
   */
  repaired_by?: { phrases: PhraseSpec[]; except?: PhraseSpec[] };
  /**
   * A hit whose words the customer said in an earlier turn is the customer's own word, not the
   * speaker's: 「我的免赔额是多少？」「您的免赔额是一万元」 answers in the customer's terms.
   */
  unless_customer_said_first?: boolean;
  /**
   * Whom a hit is aimed at, read from the nearest pointer word around it (src/engine/aim.ts):
   * 「那个快递员就是个白痴」 insults the courier in front of the customer, 「你就是个白痴」 the customer (the listener).
   * `count` says which hits this check counts; the others are named in its reason.
   */
  aim?: AimSpec;
  /**
   * A never-list that guards the rule's duty (「听懂了吧」 beside closing.confirm-understood's check):
   * broken, it fails the rule; unbroken, it passes nothing alone — when the rule's other checks
   * are all na, the rule is na, and its reason says the never-list was not broken.
   */
  guard?: boolean;
}

export interface AimSpec {
  /** Words that point at the one spoken to (the customer when the agent speaks): 你, 您. */
  listener: PhraseSpec[];
  /** Words that point at someone else: 快递员, 师傅, 他. */
  others: PhraseSpec[];
  /** Where a hit with no pointer near it is aimed (default listener: an insult said to no one named is said to the listener). */
  unaimed?: 'listener' | 'others';
  /** Words for things (系统, 手机): they point elsewhere too, but only within the hit's own clause. */
  things?: PhraseSpec[];
  /** Curses: with no pointer near, a hit on (or inside) one of these is aimed at no one (others), whatever `unaimed` says. */
  curses?: PhraseSpec[];
  /**
   * Verbs of saying (说, 骂, 佢话): right after a pointer at someone else, the clause that follows is
   * their words, reported — 「他骂我你们客服都是白痴」 — and its hits are aimed by no one here.
   */
  reporting?: { phrases: PhraseSpec[]; except?: PhraseSpec[] };
  /**
   * Words of not managing something (都不会用, 听不懂, 都唔知): with no one named before them in their
   * clause, the one who could not is the listener — 「手机都不会用，白痴」 mocks the customer.
   */
  unable?: { phrases: PhraseSpec[]; except?: PhraseSpec[] };
  /** Which hits count (default listener). */
  count?: 'listener' | 'others';
}

export interface RespondSpec {
  trigger: SaidSpec;
  reply: {
    speaker: SpeakerName;
    phrases: PhraseSpec[];
    except?: PhraseSpec[];
    /**
     * The reply must come within this many turns of the replying speaker after the trigger
     * (0: any later turn). Phrases may use `{name}` for a named group of a trigger regex.
     */
    within_turns?: number;
    /** … and/or within this many seconds after the trigger ends (timed calls). */
    within_seconds?: number;
  };
  /** `first`: the first trigger must be answered; `each`: every trigger. */
  mode?: 'first' | 'each';
  /** Near matches for the reply phrases (the trigger stays exact). */
  tolerance?: ToleranceSpec;
}

/**
 * One of: `before` (the agent's turn that announces each hold says one of these), `check_back_s`
 * (no silent stretch of a hold is longer than this), `after` (the agent's first turn after each
 * hold says one of these). Holds are found with `lexicons.hold_announce` and `thresholds.hold_min_s`.
 */
export interface HoldSpec {
  before?: PhraseSpec[];
  check_back_s?: NumberOrThreshold;
  after?: PhraseSpec[];
}

export interface DeadAirSpec {
  /** A silence longer than this (not an announced hold) fails. */
  max_s: NumberOrThreshold;
  /** Silences that start within this many seconds of the first utterance are not counted. */
  skip_first_s?: NumberOrThreshold;
  /** Speech shorter than this between two silences (a cough, a 嗯) does not break them: they merge. */
  bridge_ms?: NumberOrThreshold;
  /** Skip the customer's own pauses (customer before and after, or after an agent question the customer answers); default true. */
  skip_customer_pauses?: boolean;
  /** The customer asked for the silence (「你先等一下，我去拿一下卡」): theirs, not the agent's dead air. */
  customer_wait?: PhraseSpec[];
  /** The agent gave the customer something to do (「请您在按键上输入密码」「您先把路由器电源拔掉」): the silence while they do it is theirs. */
  customer_task?: PhraseSpec[];
  /** The agent's last words before the silence take leave (「不客气，再见」): the call is over, the line idles until a hangup. */
  goodbye?: PhraseSpec[];
  /**
   * The customer breaks a silence after the agent's answer by taking it up (「哦，那好吧」「行，那我等通知」):
   * they were weighing the answer, and the silence is theirs.
   */
  customer_takes_up?: PhraseSpec[];
}

export interface InterruptSpec {
  /** The agent talks over a running customer utterance for more than this many ms. */
  overlap_ms: NumberOrThreshold;
  /** Short utterances made only of these (嗯, 好的, 对) are backchannels, not interruptions. */
  backchannel?: PhraseSpec[];
  /** … when shorter than this many characters. */
  backchannel_chars?: NumberOrThreshold;
  /** Interruptions allowed per call (default 0). */
  max?: NumberOrThreshold;
}

export interface SpeechRateSpec {
  /** Agent characters per minute of agent speaking time: the band [min, max]. */
  min: NumberOrThreshold;
  max: NumberOrThreshold;
  /** Less agent speech than this is too little to measure: na. */
  min_speaking_s?: NumberOrThreshold;
  /**
   * An agent segment at least this long was not cut by the recogniser and may hold pauses: a
   * "too slow" that rests on such segments is `review`, not `fail`.
   */
  uncut_s?: NumberOrThreshold;
  /** Other bands, the first whose `when` holds replacing [min, max] (Cantonese is spoken faster). */
  bands?: SpeechRateBandSpec[];
}

export interface SpeechRateBandSpec {
  /** Shown in the reason: 「Cantonese band 120–360 per minute」. */
  name: string;
  when: WhenSpec;
  min: NumberOrThreshold;
  max: NumberOrThreshold;
}

export interface SilentCallerSpec {
  /** The caller says nothing for this many seconds after the agent's first turn (timed calls). */
  wait_s: NumberOrThreshold;
  /** The agent repeats the prompt while the caller is silent. */
  repeat: PhraseSpec[];
  /** … and, when the caller never speaks, closes politely. */
  close: PhraseSpec[];
  /** Never said to a silent caller. */
  never?: PhraseSpec[];
}

export interface ExampleSpec {
  /** review: the rule should leave the call to a person (a check digit that fails, low confidence). */
  verdict: 'pass' | 'fail' | 'na' | 'review';
  /** Optional metadata for the example call. */
  meta?: Record<string, string | number | boolean>;
  /** Dialogue in the plain transcript format (labels, optional timestamps). */
  dialogue: string;
  name?: string;
}

export interface RuleSpec {
  id: string;
  category: string;
  title: string;
  description?: string;
  points: number;
  critical?: boolean;
  /** Notes for reviewers: why the rule is na today, which seeds it comes from … */
  notes?: string;
  when?: WhenSpec;
  require?: RequireSpec | RequireSpec[];
  forbid?: ForbidSpec | ForbidSpec[];
  /** Several: each trigger answered (consent asked at the start, and a 「别再打了」 later on). */
  respond?: RespondSpec | RespondSpec[];
  /** Call metadata must equal these values (na when the call lacks the key). */
  metadata?: Record<string, string | number | boolean>;
  /** Not evaluated yet: the rule is na with this reason (say which evidence it waits for). */
  pending?: string;
  /** Timing checks (src/engine/rule-types): holds, dead air, interruptions, speech rate, silent caller. */
  hold?: HoldSpec;
  dead_air?: DeadAirSpec;
  interrupt?: InterruptSpec;
  speech_rate?: SpeechRateSpec;
  silent_caller?: SilentCallerSpec;
  /** Near matches for every check of the rule (a check's own `tolerance` wins). */
  tolerance?: ToleranceSpec;
  examples?: ExampleSpec[];
}

export interface RulesetSpec {
  name: string;
  version: string;
  locale?: string;
  region?: 'CN' | 'TW' | 'HK';
  description?: string;
  /** Base ruleset (a path relative to this file) whose rules, lexicons and variables this extends. */
  extends?: string;
  /** Part files (paths relative to this file) whose lexicons and rules are merged in, in order. */
  include?: string[];
  pass_mark: number;
  weights: Record<string, number>;
  variables?: Record<string, string>;
  /** `review_confidence`: a forbid hit on words recognised below this is `review`, not `fail`. */
  thresholds?: Record<string, number>;
  /** Default near-match tolerance of require and respond checks (forbid stays exact). */
  tolerance?: ToleranceSpec;
  calendar?: { holidays?: string[]; workdays?: string[] };
  lexicons?: Record<string, PhraseSpec[]>;
  rules: RuleSpec[];
  /** Rule ids of the base ruleset to drop (with `extends`). */
  disable?: string[];
}
