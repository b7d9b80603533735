/**
 * Speaker labels that name a role, in simplified and traditional script: the plain format's
 * `坐席：` lines and the subtitle formats' prefixes and voice tags share them.
 */
export const AGENT_LABELS = ['坐席', '座席', '客服', '话务员', '話務員', '服务员', '服務員', '客服专员', '客服專員', 'agent', 'a'];
/** B: recognisers that label two speakers A/B put the one who speaks first (the agent, answering) as A. */
export const CUSTOMER_LABELS = ['客户', '客戶', '用户', '用戶', '顾客', '顧客', '来电者', '來電者', 'customer', 'c', 'b'];

/** agent / customer for a role label (Latin case-insensitive), undefined for anything else. */
export function roleOfLabel(label: string): 'agent' | 'customer' | undefined {
  const l = label.trim().toLowerCase();
  if (AGENT_LABELS.includes(l)) return 'agent';
  if (CUSTOMER_LABELS.includes(l)) return 'customer';
  return undefined;
}
