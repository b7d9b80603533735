/**
 * What the agent calls the number it reads out, from the words just before it: an order or
 * waybill number is not personal data, a card number split by commas is a card (a member or gift
 * card's is no bank card), and the company's own line (热线, 客服电话, 我们的电话 …) or account
 * (我们的账号, 对公账户) is no customer's.
 */

/** Traditional forms of the label characters below (the text is read unfolded). */
const SIMPLIFIED: Record<string, string> = {
  訂: '订', 單: '单', 運: '运', 號: '号', 碼: '码', 編: '编', 貨: '货', 為: '为', 遞: '递', 帳: '帐', 賬: '账', 戶: '户', 與: '与',
  熱: '热', 線: '线', 電: '电', 話: '话', 務: '务', 門: '门', 們: '们', 總: '总', 機: '机', 撥: '拨', 銀: '银', 對: '对',
  蹤: '踪', 詢: '询', 發: '发', 預: '预', 約: '约', 專: '专', 聯: '联', 絡: '络', 給: '给',
  會: '会', 員: '员', 積: '积', 禮: '礼', 購: '购', 儲: '储', 車: '车',
  騎: '骑', 師: '师', 網: '网', 點: '点', 經: '经', 屬: '属', 維: '维', 裝: '装', 繫: '系', 遊: '游', 達: '达',
};
const TRADITIONAL = new RegExp(`[${Object.keys(SIMPLIFIED).join('')}]`, 'g');
/** Between a label and its number: 「订单号是：」, Hong Kong 「訂單號碼係」. */
const FILLER = /[\s:：，,、\-－是为就係系]+$/;
/** An order, waybill, tracking, ticket, transaction, invoice, policy or contract number: not the customer's. */
const ORDER_LABEL = /(?:单|交易|流水|批次|编|货|包裹|合同|快递|物流|追踪|查询|取件|发票|序|受理|预约)(?:号码|编号|号|码)$|[订运保]单$/;
/**
 * A card no bank issued (会员卡, 积分卡, 礼品卡, 加油卡, 公交卡, 悠遊卡, 八達通 …): its number is no bank card whatever
 * its shape or Luhn digit (loyalty numbers use Luhn too), though a phone or ID read as one still is.
 */
const STORE_CARD_LABEL = /(?:会员|积分|礼品|购物|储值|充值|加油|油|公交|交通|悠游|八达通|一卡通|停车|门禁|房|电话|sim|vip)卡(?:号码|号)?$/;
/** A card or account number: a card with commas, or one failing Luhn, counts (or is reviewed) only after this. */
const CARD_LABEL = /(?:卡|[账帐]户?)(?:号码|号)?$/;
/**
 * The company's own number, which the agent may give out: 「我们的服务热线是0912-345-678」, and the
 * lines and chat numbers it names its own (「我们的客服手机」「我哋公司WhatsApp係」「WhatsApp我哋」).
 */
const COMPANY_LABEL =
  /(?:热线|专线|客服电话|服务电话|门店电话|门市电话|总机|(?:我们|我哋|公司|客服|官方)(?:的|嘅)?(?:公司|客服|官方)?(?:的|嘅)?(?:电话|手机|微信|whatsapp|line)(?:客服)?|(?:whatsapp|微信|line|联系|联络|致电|打给|打畀|打俾)我(?:们|哋))(?:号码|号)?$/;
/**
 * The company's people the customer is told to ring: 「快递员电话是138…」「送貨師傅電話係…」
 * 「您的客户经理手机」 — a number given out for the service, no customer's.
 */
const STAFF_LABEL =
  /(?:快递员|快递小哥|配送员|送货员|派送员|派件员|骑手|师傅|司机|网点|客户经理|专属客服|安装工|维修工)(?:的|嘅)?(?:联系)?(?:电话|手机|联系方式)(?:号码|号)?$/;
/** The company's own account, which the agent gives for a payment: 「请汇到我们的账号6222…」「對公帳戶」. */
const COMPANY_ACCOUNT = /(?:我们|我哋|公司|对公)(?:的|嘅)?(?:银行)?(?:[账帐]户?|户口)(?:号码|号)?$/;

/**
 * The agent's own desk line, which it may give out: 「我的座机」「我这边的分机」 — not 「您给我的座机」 (the
 * customer's, given to the agent). A mobile is not here: 「我电话138…」 is as often the customer quoted.
 */
const AGENT_LABEL = /(?<![给留发告诉])我(?:的|嘅|这边的?|这里的?)(?:分机|座机|办公电话|直线|工作电话)(?:号码|号)?$/;

const simplified = (text: string): string => text.replace(TRADITIONAL, (c) => SIMPLIFIED[c] ?? c).toLowerCase();

export function labelBefore(text: string, at: number): 'order' | 'card' | 'store-card' | 'company' | undefined {
  const before = simplified(text.slice(Math.max(0, at - 12), at)).replace(FILLER, '');
  if (ORDER_LABEL.test(before)) return 'order';
  if (COMPANY_ACCOUNT.test(before)) return 'company';
  if (STORE_CARD_LABEL.test(before)) return 'store-card';
  if (CARD_LABEL.test(before)) return 'card';
  if (COMPANY_LABEL.test(before) || STAFF_LABEL.test(before) || AGENT_LABEL.test(before)) return 'company';
  return undefined;
}

/** 「…，是」「这个就是您的」: what ties a number to the label said after it. */
const IS_AFTER = /^[\s，,、]{0,2}(?:这个|這個|那个|那個|这|這)?(?:就是|就係|是|係|为|為)(?:您的|你的|您|你嘅|你)?/;

/**
 * What the words right after a number call it: 「12345678是订单号」「13812345678是快递员的电话」. Only a
 * label tied to the number by 是/係/为, and read as labelBefore reads one: 「13812345678，订单号
 * 2026…」 labels the number after it.
 */
export function labelAfter(text: string, end: number): 'order' | 'company' | undefined {
  const is = IS_AFTER.exec(text.slice(end, end + 10));
  if (!is || /^[不没沒唔非]/.test(text.slice(end + is[0].length))) return undefined; // 「…是不是订单号？」 asks
  const after = simplified(text.slice(end + is[0].length, end + is[0].length + 12)).replace(/[\s，,。.！!？?；;].*$/, '');
  for (let i = 1; i <= after.length; i++) {
    const label = after.slice(0, i);
    if (ORDER_LABEL.test(label)) return 'order';
    if (COMPANY_ACCOUNT.test(label) || COMPANY_LABEL.test(label) || STAFF_LABEL.test(label)) return 'company';
  }
  return undefined;
}
