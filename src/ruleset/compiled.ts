/**
 * The compiled ruleset: what the engine evaluates. Phrases are folded, lexicons and variables
 * expanded, and every plain phrase of every rule is one pattern of a single Aho–Corasick matcher.
 */
import type { AhoCorasick } from '../match/aho-corasick.js';
import type { PersonalNumberKind } from '../match/personal-numbers.js';
import type { TolerancePolicy, TolerantMatcher } from '../match/tolerant.js';
import type { ExampleSpec, RulesetSpec, ScopeSpec, SpeakerName } from './spec.js';

export interface CompiledPhrase {
  /** The phrase as the ruleset wrote it (after `{variable}` expansion), for evidence. */
  display: string;
  kind: 'plain' | 'regex' | 'template';
  /** Pattern id in the ruleset's matcher (plain phrases). */
  pattern?: number;
  regex?: RegExp;
  /**
   * What every match of `regex` holds (src/match/regex-literals.ts), as ids into the ruleset's
   * `gates`: each gate lists literals one of which must occur, or the regex is not run.
   */
  requires?: number[];
  /**
   * Named groups of `regex` that are call metadata (`(?<agent_no>…)`): a match counts only when
   * the group says what the metadata holds (src/engine/meta-groups.ts), or the call lacks it.
   */
  metaGroups?: string[];
  /**
   * Literal (folded) parts and variable names filled per call: call metadata (`{agent_no}`) or
   * a named group captured by the trigger (`{surname}`).
   */
  template?: Array<{ text: string } | { variable: string }>;
}

export interface PhraseSet {
  /** Dense id of the set in its ruleset (per-call hit indexes are arrays by this id). */
  id: number;
  /** How messages name the set: `$apology` or the first phrases. */
  label: string;
  phrases: CompiledPhrase[];
  /** patternOwner[pattern] = index into phrases + 1 (0: not in this set). */
  patternOwner: Map<number, number>;
  regexes: number[];
  templates: number[];
  /** Near matches of the plain phrases are accepted under this policy (absent: exact only). */
  tolerance?: TolerancePolicy;
}

export interface CompiledSaid {
  /**
   * Dense id in its ruleset. Rules that ask the same question (the complaint rules' 「does the
   * customer complain?」) share one CompiledSaid, so a call answers it once.
   */
  id: number;
  speaker: SpeakerName;
  phrases: PhraseSet;
  except?: PhraseSet;
  scope?: ScopeSpec;
  /** Only hits the other side says nothing after (SaidSpec.unanswered). */
  unanswered?: true;
  /** Only hits aimed at `aim.count` (SaidSpec.aim). */
  aim?: CompiledAim;
  /** Only hits the other side's next reply confirms (SaidSpec.confirmed). */
  confirmed?: PhrasesExcept;
}

export interface CompiledWhen {
  direction?: string[];
  said?: CompiledSaid;
  hasTurns?: SpeakerName;
  timed?: boolean;
  meta?: Record<string, { eq?: string | number | boolean; gt?: number; gte?: number; lt?: number; lte?: number; present?: boolean }>;
  restDay?: boolean;
  hold?: boolean;
  transfer?: boolean;
  customerSilent?: boolean;
  handedOver?: boolean;
  any?: CompiledWhen[];
  not?: CompiledWhen;
}

export interface RequireCheck {
  type: 'require';
  speaker: SpeakerName;
  scope?: ScopeSpec;
  /** Each group is a set of alternatives; `need` groups must be said. */
  groups: PhraseSet[];
  need: number;
  mode: 'any' | 'all' | 'at_least';
  /** `all` in order: each group's hit at or after the previous group's. */
  inOrder?: boolean;
  except?: PhraseSet;
  /** Not said because the customer hung up on their own last words: na instead of fail. */
  cutOffNa?: boolean;
  /** … unless this was said: the agent had taken leave before the customer's last words. */
  closedIfSaid?: CompiledSaid;
  /** Not said because the customer hung up within this many of the speaker's replies after the trigger: na. */
  hangupWithinReplies?: number;
  /** Judged only when hangup_by names this speaker; na otherwise. */
  ifHungUpBy?: 'agent' | 'customer';
  /** A hit is undone when the other side's next reply says these phrases (new business, not an answer). */
  undoneByReply?: PhrasesExcept & { as?: string };
  /** Not said, but this was said: na (the customer closed first). */
  naIfSaid?: CompiledSaid;
  /**
   * naIfSaid's phrases under the rule's tolerance, looked for when no exact hit is found: the
   * customer's 「在见」 (the recogniser's 再见) closes the call as 再见 does.
   */
  naIfSaidHeard?: PhraseSet;
  /** With `all`: the first group alone is enough when the other side asked for it just before (src/engine/rule-types/require-asked.ts). */
  firstEnoughIfAsked?: AskedFor;
}

/** The other side's request that makes the first group of an `all` enough (`first_enough_if_asked`). */
export interface AskedFor {
  speaker: 'agent' | 'customer';
  asked: PhrasesExcept;
  /** The requesting side's turns just before the first group's hit that are searched. */
  withinTurns: number;
  /** Said by the checked speaker from the request to the hit: the request no longer stands. */
  unless?: PhraseSet;
  /** The things (desks) either side may name, one set each: a request for one is not answered by another (src/engine/rule-types/require-asked.ts). */
  targets?: PhraseSet[];
}

/** Phrases and the exceptions that shield them (`{ phrases, except }` in a ruleset). */
export interface PhrasesExcept {
  phrases: PhraseSet;
  except?: PhraseSet;
}

export interface ForbidCheck {
  type: 'forbid';
  speaker: SpeakerName;
  scope?: ScopeSpec;
  /** Absent when the check forbids personal data only. */
  phrases?: PhraseSet;
  /** Personal-data numbers to look for in the speaker's own text (src/match/personal-numbers.ts). */
  personalData?: PersonalNumberKind[];
  except?: PhraseSet;
  minCount: number;
  /** Hits from the first turn that says one of these are `review` (someone else under the label). */
  reviewFrom?: PhraseSet;
  /** A hit with one of these later or earlier in the speaker's same turn is taken back: it does not count. */
  repairedBy?: PhrasesExcept;
  /** Hits whose words the customer said in an earlier turn do not count (ForbidSpec.unless_customer_said_first). */
  unlessCustomerSaidFirst?: boolean;
  /** Count only the hits aimed at `count` (src/engine/aim.ts). */
  aim?: CompiledAim;
  /** Its pass alone passes no rule: na when the rule's other checks are (ForbidSpec.guard). */
  guard?: boolean;
}

export interface CompiledAim {
  listener: PhraseSet;
  others: PhraseSet;
  unaimed: 'listener' | 'others';
  things?: PhraseSet;
  curses?: PhraseSet;
  reporting?: PhrasesExcept;
  unable?: PhrasesExcept;
  count: 'listener' | 'others';
}

export interface RespondCheck {
  type: 'respond';
  trigger: CompiledSaid;
  reply: { speaker: SpeakerName; phrases: PhraseSet; except?: PhraseSet; withinTurns?: number; withinSeconds?: number };
  mode: 'first' | 'each';
}

export interface MetadataCheck {
  type: 'metadata';
  expect: Record<string, string | number | boolean>;
}

export interface PendingCheck {
  type: 'pending';
  reason: string;
}

/** Threshold names are resolved to numbers when compiling; times are in ms below. */
export type HoldCheck =
  | { type: 'hold'; mode: 'before'; phrases: PhraseSet }
  | { type: 'hold'; mode: 'check_back'; maxPieceMs: number }
  | { type: 'hold'; mode: 'after'; phrases: PhraseSet };

export interface DeadAirCheck {
  type: 'dead_air';
  maxMs: number;
  skipFirstMs: number;
  bridgeMs: number;
  skipCustomerPauses: boolean;
  customerWait?: PhraseSet;
  customerTask?: PhraseSet;
  goodbye?: PhraseSet;
  customerTakesUp?: PhraseSet;
}

export interface InterruptCheck {
  type: 'interrupt';
  overlapMs: number;
  backchannel?: PhraseSet;
  backchannelChars: number;
  max: number;
}

export interface SpeechRateCheck {
  type: 'speech_rate';
  min: number;
  max: number;
  minSpeakingMs: number;
  /** Agent segments at least this long may hold uncut pauses (Infinity: none suspected). */
  uncutMs: number;
  /** Alternative bands, the first that applies replacing [min, max]. */
  bands: SpeechRateBand[];
}

export interface SpeechRateBand {
  name: string;
  when: CompiledWhen;
  min: number;
  max: number;
}

export interface SilentCallerCheck {
  type: 'silent_caller';
  waitMs: number;
  repeat: PhraseSet;
  close: PhraseSet;
  never?: PhraseSet;
}

/** Check types added by later rule types register here by extending this union. */
export type CompiledCheck =
  | RequireCheck
  | ForbidCheck
  | RespondCheck
  | MetadataCheck
  | PendingCheck
  | HoldCheck
  | DeadAirCheck
  | InterruptCheck
  | SpeechRateCheck
  | SilentCallerCheck;

/** How holds are found: an agent turn with one of `announce`, then a silence of at least `minMs`. */
export interface HoldDetection {
  announce: PhraseSet;
  /** `lexicons.hold_check_back`, optional: words that continue a hold without starting one (「您还在线吗」). */
  checkBack?: PhraseSet;
  /** `lexicons.customer_wait`, optional: the customer asked the agent to wait (「你等一下，我去拿卡」), so the silence is theirs. */
  customerWait?: PhraseSet;
  /** `lexicons.hold_errand`, optional: the agent's own reason to hold (「我帮您查一下」), which makes it the agent's hold even then. */
  errand?: PhraseSet;
  /** `lexicons.hold_aside`, optional: agent words not said to the customer (「小王，帮我看下这个单」, a recorded hold message): inside a hold they neither end it nor check back. */
  aside?: PhraseSet;
  minMs: number;
}

/**
 * How a transfer that stays in the recording is told (src/engine/handover.ts), from the ruleset's
 * lexicons alone — a ruleset without hold rules still has transfers. `transfer`
 * (`lexicons.transfer_announced`, minus a refusal in `lexicons.transfer_refused`: 「没法帮您转接」):
 * the agent puts the call through; `pickup`
 * (`lexicons.transfer_pickup`): the agent's label opens a call anew (「您好，技术部，请问有什么可以
 * 帮您」), so the silence before was the call being put through, no hold. Optional: `greeting`
 * (`lexicons.greeting`, the new agent opens with 「您好」), `colleagueIntro` (`lexicons.colleague_intro`,
 * 「我是值班主管」), `supervisorCalled` (`lexicons.supervisor_called`, 「我请主管来跟您说」) and
 * `putOnHold` (`lexicons.hold_announce`: a 「请稍等」 after the announcement lets it stand a turn further back).
 */
export interface HandoverDetection {
  transfer: PhrasesExcept;
  pickup: PhraseSet;
  greeting?: PhraseSet;
  /** `lexicons.line_check`: 「喂，」 before the new agent's greeting (「喂，您好，这边是技术部」). */
  lineCheck?: PhraseSet;
  colleagueIntro?: PhraseSet;
  supervisorCalled?: PhraseSet;
  putOnHold?: PhraseSet;
  /** `lexicons.transfer_failed`: 「技术部那边一直占线」「转不过去」 — the first agent back, whatever desk or 工号 they name. */
  notPutThrough?: PhraseSet;
}

export interface CompiledRule {
  id: string;
  category: string;
  title: string;
  description?: string;
  notes?: string;
  points: number;
  critical: boolean;
  when?: CompiledWhen;
  checks: CompiledCheck[];
  examples: ExampleSpec[];
}

export interface CompiledRuleset {
  spec: RulesetSpec;
  name: string;
  version: string;
  sha256: string;
  passMark: number;
  weights: Record<string, number>;
  thresholds: Record<string, number>;
  region?: 'CN' | 'TW' | 'HK';
  calendar: { holidays: string[]; workdays: string[] };
  /**
   * From `lexicons.recorded_announcement` (and `recorded_announcement_not`): the recording or IVR
   * prompt on the agent's channel before the agent speaks live (src/engine/turns.ts); `greeting`
   * (from `lexicons.greeting`) tells a live agent taking over from a recording (「您好，…」 afresh);
   * `notice` (`lexicons.recording_notice`) is the part an agent may read out live.
   */
  announcement?: { phrases: PhraseSet; live?: PhraseSet; greeting?: PhraseSet; notice?: PhraseSet };
  /**
   * From `lexicons.line_check`: the agent's words to an outbound line that has not answered yet
   * (「喂？」「喂，您好，听得到吗？」); turns of nothing else are not the opening (src/engine/turns.ts).
   */
  lineCheck?: PhraseSet;
  /**
   * From `lexicons.call_trails_off` and `call_line_lost`: the customer's last words when the call
   * broke off instead of closing (src/engine/hangup.ts) — a sentence left on 「那个」, a 「听得到吗」;
   * and `call_customer_leaves`: the customer's 「拜拜」 as the call's last words.
   */
  brokenOff?: { trailing?: PhraseSet; lineLost?: PhraseSet; customerLeaves?: PhraseSet };
  /** From `lexicons.hold_announce` + `thresholds.hold_min_s`, when a rule uses holds. */
  holdDetection?: HoldDetection;
  /** From `lexicons.transfer_announced` + `transfer_pickup`, whatever the rules: transfers within the recording. */
  handover?: HandoverDetection;
  rules: CompiledRule[];
  /** Folded plain patterns, indexed by pattern id. */
  patterns: string[];
  /**
   * Literals that regex phrases require (CompiledPhrase.requires). The matcher looks for them in
   * the same pass as the patterns, as pattern ids patterns.length + literal id, so whether a
   * regex can match an utterance is known without a substring search per regex.
   */
  literals: string[];
  /**
   * The requirements regex phrases have (CompiledPhrase.requires), each a list of literal ids one
   * of which must occur. The matcher's pass marks which gates an utterance opens, so a regex's
   * requirements are a few bit tests, not a look-up per literal (a 「(帮|为|给)(您|你)(登记…)」 gate
   * lists 60 of them).
   */
  gates: number[][];
  /** By literal id: the gates that literal opens. */
  gatesOfLiteral: number[][];
  /** One automaton over `patterns`, then `literals`. */
  matcher: AhoCorasick;
  /**
   * For each pattern, the phrase sets that contain it, flat as [set id, phrase index, …]: one pass
   * over a call's matcher hits files every hit under every set that wants it.
   */
  setsOfPattern: number[][];
  /** Number of phrase sets (ids are 0 … setCount − 1). */
  setCount: number;
  /** Number of distinct `said` conditions (ids are 0 … saidCount − 1). */
  saidCount: number;
  /** Near matches of the patterns used by tolerant phrase sets (src/match/tolerant.ts). */
  tolerant: TolerantMatcher;
}
