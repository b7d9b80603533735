/**
 * @fileoverview The standards catalogue: the 31 rule ids of the call-handling standards
 * (shared/standards.md). Ids are forever — QA staff compare them across releases and rulesets —
 * so a rule whose id is not here is linted (a warning: a company may add its own standards).
 * A retired id stays here as a comment, never reused.
 */

export const CATALOGUE_IDS: readonly string[] = [
  // opening — 开场
  'opening.greeting',
  'opening.self-id',
  'opening.no-rude-greeting',
  'opening.outbound-consent',
  'opening.wait-apology',
  'opening.address-customer',
  'opening.silent-caller',
  // hold — 等候与转接
  'hold.ask-permission',
  'hold.check-back',
  'hold.thank-after',
  'hold.no-dead-air',
  'hold.announce-transfer',
  // complaint — 抱怨与投诉
  'complaint.apologize',
  'complaint.empathize',
  'complaint.ask-details',
  'complaint.commit-followup',
  'complaint.no-blame',
  'complaint.abusive-caller',
  // closing — 结束语
  'closing.anything-else',
  'closing.confirm-understood',
  'closing.farewell',
  'closing.no-rude-close',
  'closing.holiday-wish',
  'closing.customer-hangs-up',
  // conduct — 全程规范
  'conduct.forbidden-phrases',
  'conduct.polite-address',
  'conduct.privacy',
  'conduct.abuse',
  'conduct.speech-rate',
  'conduct.no-interrupt',
  'conduct.plain-language',
];

const IDS = new Set(CATALOGUE_IDS);

export function inCatalogue(id: string): boolean {
  return IDS.has(id);
}
