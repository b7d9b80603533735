/**
 * Speaker labels that name a role, in simplified and traditional script: the plain format's
 * `坐席：` lines and the subtitle formats' prefixes and voice tags share them.
 */
export const AGENT_LABELS = ['坐席', '座席', '客服', '话务员', '話務員', '服务员', '服務員', '客服专员', '客服專員', 'agent', 'a'];
/** B: recognisers that label two speakers A/B put the one who speaks first (the agent, answering) as A. */
export const CUSTOMER_LABELS = ['客户', '客戶', '用户', '用戶', '顾客', '顧客', '来电者', '來電者', 'customer', 'c', 'b'];
/**
 * Other people on the line: a supervisor who joins or takes over (主管, 组长), the colleague a call
 * is handed to (客户经理), a third party (快递员, 翻译). They are neither the scored agent nor the
 * customer, so their words are credited to and held against no one (speaker unknown) — read as
 * labels, not as more of the previous speaker's turn.
 */
export const OTHER_LABELS = [
  '主管', '值班主管', '客服主管', '组长', '組長', '班长', '班長', '值班长', '值班長', '督导', '督導',
  '经理', '經理', '值班经理', '值班經理', '客服经理', '客服經理', '客户经理', '客戶經理',
  '第三方', '快递员', '快遞員', '翻译', '翻譯',
];

/**
 * The role of a label as a subtitle writes it, suffix and all: 坐席2 and 客服A are agents, 主管
 * and 组长1 nobody's (unknown); undefined for a name that is no label (SPEAKER_00, 王芳).
 */
export function roleOfWrittenLabel(written: string): 'agent' | 'customer' | 'unknown' | undefined {
  const base = LABEL_SUFFIX.exec(written.trim())?.[1] ?? written;
  const role = roleOfLabel(base);
  if (role) return role;
  return OTHER_LABELS.includes(base) ? 'unknown' : undefined;
}

/** A Chinese label and its suffix: a number, a 小 nickname or one letter (坐席2, 客服小王, 客服A). */
const LABEL_SUFFIX = /^(\p{Script=Han}+?)(?:\d{1,3}|小\p{Script=Han}|[A-Za-z])$/u;

/** agent / customer for a role label (Latin case-insensitive), undefined for anything else. */
export function roleOfLabel(label: string): 'agent' | 'customer' | undefined {
  const l = label.trim().toLowerCase();
  if (AGENT_LABELS.includes(l)) return 'agent';
  if (CUSTOMER_LABELS.includes(l)) return 'customer';
  return undefined;
}
