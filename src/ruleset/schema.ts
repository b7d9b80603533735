/**
 * JSON Schema of the ruleset language (validated with ajv). Closed objects everywhere, so a typo
 * in a key is reported at its line instead of silently ignored.
 */

import { PERSONAL_NUMBER_KINDS } from '../match/personal-numbers.js';

const positiveInt = { type: 'integer', minimum: 1 } as const;
const nonNegative = { type: 'number', minimum: 0 } as const;
const speaker = { enum: ['agent', 'customer', 'any'] } as const;
const phrase = { type: 'string', minLength: 1 } as const;
const phraseList = { type: 'array', items: phrase, minItems: 1 } as const;
const phraseOrGroup = { anyOf: [phrase, phraseList] } as const;
/** Near-match tolerance: off | auto | { edits: 0–3, homophones: bool }. */
const tolerance = {
  anyOf: [
    { enum: ['off', 'auto'] },
    {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { edits: { type: 'integer', minimum: 0, maximum: 3 }, homophones: { type: 'boolean' } },
    },
  ],
} as const;

const scope = {
  type: 'object',
  additionalProperties: false,
  maxProperties: 1,
  properties: {
    first_turns: positiveInt,
    last_turns: positiveInt,
    first_seconds: nonNegative,
    last_seconds: nonNegative,
    after_trigger_turns: { type: 'integer', minimum: 0 },
    after_trigger_seconds: nonNegative,
    from_trigger: { const: true },
  },
} as const;

/** Whom words are aimed at (src/engine/aim.ts): the listener or someone else. */
const aimedAt = { enum: ['listener', 'others'] } as const;
const aim = {
  type: 'object',
  additionalProperties: false,
  required: ['listener', 'others'],
  properties: {
    listener: phraseList,
    others: phraseList,
    things: phraseList,
    unaimed: aimedAt,
    curses: phraseList,
    reporting: { type: 'object', additionalProperties: false, required: ['phrases'], properties: { phrases: phraseList, except: phraseList } },
    unable: { type: 'object', additionalProperties: false, required: ['phrases'], properties: { phrases: phraseList, except: phraseList } },
    count: aimedAt,
  },
} as const;

const said = {
  type: 'object',
  additionalProperties: false,
  required: ['speaker', 'phrases'],
  properties: {
    speaker,
    phrases: phraseList,
    except: phraseList,
    scope,
    unanswered: { const: true },
    aim,
    confirmed: { type: 'object', additionalProperties: false, required: ['phrases'], properties: { phrases: phraseList, except: phraseList } },
  },
} as const;

/** A number, or the name of a `thresholds:` entry (checked when compiling). */
const numberOrThreshold = { anyOf: [nonNegative, { type: 'string', pattern: '^[a-z_][a-z0-9_]*$' }] } as const;
const signedOrThreshold = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[a-z_][a-z0-9_]*$' }] } as const;

const metaTest = {
  anyOf: [
    { type: ['string', 'number', 'boolean'] },
    {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        eq: { type: ['string', 'number', 'boolean'] },
        gt: signedOrThreshold,
        gte: signedOrThreshold,
        lt: signedOrThreshold,
        lte: signedOrThreshold,
        present: { type: 'boolean' },
      },
    },
  ],
} as const;

const direction = { enum: ['inbound', 'outbound'] } as const;

const when = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    direction: { anyOf: [direction, { type: 'array', items: direction, minItems: 1 }] },
    said,
    has_turns: speaker,
    timed: { type: 'boolean' },
    meta: { type: 'object', additionalProperties: metaTest, minProperties: 1 },
    rest_day: { type: 'boolean' },
    hold: { type: 'boolean' },
    transfer: { type: 'boolean' },
    customer_silent: { type: 'boolean' },
    handed_over: { type: 'boolean' },
    any: { type: 'array', items: { $ref: '#/definitions/when' }, minItems: 1 },
    not: { $ref: '#/definitions/when' },
  },
} as const;

const requireCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['speaker'],
  properties: {
    speaker,
    scope,
    any: phraseList,
    all: { type: 'array', items: phraseOrGroup, minItems: 1 },
    in_order: { type: 'boolean' },
    at_least: positiveInt,
    of: { type: 'array', items: phraseOrGroup, minItems: 1 },
    except: phraseList,
    tolerance,
    cut_off: { enum: ['na', 'fail'] },
    closed_if_said: said,
    hangup_within_replies: positiveInt,
    if_hung_up_by: { enum: ['agent', 'customer'] },
    undone_by_reply: { type: 'object', additionalProperties: false, required: ['phrases'], properties: { phrases: phraseList, except: phraseList, as: { type: 'string', minLength: 1 } } },
    na_if_said: said,
    first_enough_if_asked: {
      type: 'object',
      additionalProperties: false,
      required: ['speaker', 'phrases', 'within_turns'],
      properties: { speaker: { enum: ['agent', 'customer'] }, phrases: phraseList, except: phraseList, within_turns: positiveInt, unless: phraseList, targets: { type: 'array', items: phraseList, minItems: 2 } },
    },
  },
  oneOf: [{ required: ['any'] }, { required: ['all'] }, { required: ['at_least', 'of'] }],
} as const;

/** Personal-data numbers a `forbid` looks for (src/match/personal-numbers.ts). */
const personalData = { type: 'array', items: { enum: [...PERSONAL_NUMBER_KINDS] }, minItems: 1, uniqueItems: true } as const;


/** `phrases`, `personal_data` or both: a forbid with neither is reported when compiling (with its position). */
const forbidCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['speaker'],
  properties: {
    speaker,
    scope,
    phrases: phraseList,
    personal_data: personalData,
    except: phraseList,
    min_count: positiveInt,
    tolerance,
    review_from: phraseList,
    aim,
    guard: { type: 'boolean' },
    unless_customer_said_first: { type: 'boolean' },
    repaired_by: { type: 'object', additionalProperties: false, required: ['phrases'], properties: { phrases: phraseList, except: phraseList } },
  },
} as const;

const respondCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['trigger', 'reply'],
  properties: {
    trigger: said,
    reply: {
      type: 'object',
      additionalProperties: false,
      required: ['speaker', 'phrases'],
      properties: {
        speaker,
        phrases: phraseList,
        except: phraseList,
        within_turns: { type: 'integer', minimum: 0 },
        within_seconds: nonNegative,
      },
    },
    mode: { enum: ['first', 'each'] },
    tolerance,
  },
} as const;

const example = {
  type: 'object',
  additionalProperties: false,
  required: ['verdict', 'dialogue'],
  properties: {
    name: { type: 'string' },
    verdict: { enum: ['pass', 'fail', 'na', 'review'] },
    meta: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    dialogue: { type: 'string', minLength: 1 },
  },
} as const;

const metadataCheck = {
  type: 'object',
  additionalProperties: { type: ['string', 'number', 'boolean'] },
  minProperties: 1,
} as const;

/** A rule whose evidence the engine cannot evaluate yet: always na, with this reason. */
const pendingCheck = { type: 'string', minLength: 1 } as const;

/** Timing checks (src/engine/rule-types/{hold,dead-air,interrupt,speech-rate,silent-caller}.ts). */
const holdCheck = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { before: phraseList, check_back_s: numberOrThreshold, after: phraseList },
} as const;

const deadAirCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['max_s'],
  properties: {
    max_s: numberOrThreshold,
    skip_first_s: numberOrThreshold,
    bridge_ms: numberOrThreshold,
    skip_customer_pauses: { type: 'boolean' },
    customer_wait: phraseList,
    customer_task: phraseList,
    goodbye: phraseList,
    customer_takes_up: phraseList,
  },
} as const;

const interruptCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['overlap_ms'],
  properties: { overlap_ms: numberOrThreshold, backchannel: phraseList, backchannel_chars: numberOrThreshold, max: numberOrThreshold },
} as const;

const speechRateCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['min', 'max'],
  properties: {
    min: numberOrThreshold,
    max: numberOrThreshold,
    min_speaking_s: numberOrThreshold,
    uncut_s: numberOrThreshold,
    bands: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'when', 'min', 'max'],
        properties: { name: { type: 'string', minLength: 1 }, when: { $ref: '#/definitions/when' }, min: numberOrThreshold, max: numberOrThreshold },
      },
    },
  },
} as const;

const silentCallerCheck = {
  type: 'object',
  additionalProperties: false,
  required: ['wait_s', 'repeat', 'close'],
  properties: { wait_s: numberOrThreshold, repeat: phraseList, close: phraseList, never: phraseList },
} as const;

/** A check given once, or several of the same type (all must pass). */
const oneOrMany = (schema: object): object => ({ anyOf: [schema, { type: 'array', items: schema, minItems: 1 }] });

/** Check types: each key names a rule type implemented in src/engine/rule-types. */
export const CHECK_SCHEMAS: Record<string, object> = {
  require: oneOrMany(requireCheck),
  forbid: oneOrMany(forbidCheck),
  respond: oneOrMany(respondCheck),
  metadata: metadataCheck,
  pending: pendingCheck,
  hold: holdCheck,
  dead_air: deadAirCheck,
  interrupt: interruptCheck,
  speech_rate: speechRateCheck,
  silent_caller: silentCallerCheck,
};

/** What a ruleset part may hold (`include:`d files: src/ruleset/include.ts), besides nothing else. */
const partProperties = (): Record<string, object> => ({
  /** Part files (paths relative to this file) whose lexicons and rules are merged in, in order. */
  include: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
  lexicons: { type: 'object', additionalProperties: phraseList },
  rules: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'category', 'title', 'points'],
      properties: {
        id: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$' },
        category: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        notes: { type: 'string' },
        points: nonNegative,
        critical: { type: 'boolean' },
        when: { $ref: '#/definitions/when' },
        examples: { type: 'array', items: example },
        tolerance,
        ...CHECK_SCHEMAS,
      },
    },
  },
});

/** The keys a ruleset part may have: a file with only these (no `name:`) is a part, not a ruleset. */
export const PART_KEYS: readonly string[] = ['include', 'lexicons', 'rules'];

export function rulesetSchema(): object {
  return {
    type: 'object',
    additionalProperties: false,
    // `rules` may all come from included parts (checked when loading: src/ruleset/include.ts).
    required: ['name', 'version', 'pass_mark', 'weights'],
    definitions: { when },
    properties: {
      name: { type: 'string', minLength: 1 },
      version: { type: ['string', 'number'] },
      locale: { type: 'string' },
      region: { enum: ['CN', 'TW', 'HK'] },
      description: { type: 'string' },
      extends: { type: 'string' },
      pass_mark: { type: 'number', minimum: 0, maximum: 100 },
      weights: { type: 'object', additionalProperties: nonNegative, minProperties: 1 },
      variables: { type: 'object', additionalProperties: { type: 'string' } },
      thresholds: { type: 'object', additionalProperties: { type: 'number' } },
      tolerance,
      calendar: {
        type: 'object',
        additionalProperties: false,
        properties: {
          holidays: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
          workdays: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
        },
      },
      disable: { type: 'array', items: { type: 'string' } },
      ...partProperties(),
    },
  };
}

/** A ruleset part: `include`, `lexicons` and `rules` only, each as in a whole ruleset. */
export function rulesetPartSchema(): object {
  return { type: 'object', additionalProperties: false, definitions: { when }, properties: partProperties() };
}

export const CHECK_TYPES = (): string[] => Object.keys(CHECK_SCHEMAS);
