/**
 * Call-wide detections the engine runs whatever the rules, built from the ruleset's lexicons
 * when it has them: recorded announcements on the agent channel, calls that broke off, and
 * transfers within the recording.
 */
import type { CompiledRuleset, HandoverDetection, PhrasesExcept, PhraseSet } from './compiled.js';

/** The phrases of a lexicon as a set of their own; undefined when the ruleset lacks the lexicon. */
export type LexiconSet = (name: string) => PhraseSet | undefined;

/** The agent channel's recorded announcements, when the ruleset has the lexicon. */
export function announcementDetection(lexiconSet: LexiconSet): CompiledRuleset['announcement'] {
  const phrases = lexiconSet('recorded_announcement');
  if (!phrases) return undefined;
  const live = lexiconSet('recorded_announcement_not');
  if (!live) return { phrases };
  const greeting = lexiconSet('greeting');
  const notice = lexiconSet('recording_notice');
  return { phrases, live, ...(greeting ? { greeting } : {}), ...(notice ? { notice } : {}) };
}

/** The customer's last words that show a call broke off, or that the customer ended it, when the ruleset has the lexicons. */
export function brokenOffDetection(lexiconSet: LexiconSet): CompiledRuleset['brokenOff'] {
  const trailing = lexiconSet('call_trails_off');
  const lineLost = lexiconSet('call_line_lost');
  const customerLeaves = lexiconSet('call_customer_leaves');
  return trailing || lineLost || customerLeaves ? { trailing, lineLost, customerLeaves } : undefined;
}

/** Transfers within the recording (src/engine/handover.ts), when the ruleset has the transfer lexicons: hold rules or not. */
export function handoverDetection(lexiconSet: LexiconSet): CompiledRuleset['handover'] {
  const announced = lexiconSet('transfer_announced');
  const pickup = lexiconSet('transfer_pickup');
  if (!announced || !pickup) return undefined;
  // 「这个我没法帮您转接」 refuses the transfer it names: no transfer announced
  const refused = lexiconSet('transfer_refused');
  const transfer: PhrasesExcept = refused ? { phrases: announced, except: refused } : { phrases: announced };
  const optional: Array<[Exclude<keyof HandoverDetection, 'transfer'>, string]> = [
    ['greeting', 'greeting'],
    ['lineCheck', 'line_check'],
    ['colleagueIntro', 'colleague_intro'],
    ['supervisorCalled', 'supervisor_called'],
    ['putOnHold', 'hold_announce'],
    ['notPutThrough', 'transfer_failed'],
  ];
  const detection: HandoverDetection = { transfer, pickup };
  for (const [key, lexicon] of optional) {
    const set = lexiconSet(lexicon);
    if (set) detection[key] = set;
  }
  return detection;
}
