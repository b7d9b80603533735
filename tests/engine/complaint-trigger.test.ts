/**
 * Which customer words start the complaint rules, on the bundled ruleset: the probe set a reviewer
 * labelled. A question or a fault report is no complaint (the agent owes no apology for it);
 * the same words with displeasure are. Mainland, Taiwan and Hong Kong (Cantonese) wording.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET, loadRuleset, type CompiledRuleset } from '../../src/ruleset/index.js';
import { callOf, judge } from './rule-helpers.js';

function loadStandard(): CompiledRuleset {
  const loaded = loadRuleset(DEFAULT_RULESET);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.ruleset;
}

const ruleset = loadStandard();

/** complaint.apologize on a call where the customer says `words` and the agent only looks it up. */
function verdictAfter(words: string): string {
  const call = callOf(`坐席：您好，康泰鑫客服为您服务，请问有什么可以帮您？\n客户：${words}\n坐席：好的，我帮您查一下。`, { direction: 'inbound' });
  return judge(ruleset, call, 'complaint.apologize').verdict;
}

const NOT_COMPLAINTS = [
  '怎么还没到？正常要几天啊？',
  '这个提示是怎么回事？',
  '网速太慢了',
  '我家网速太慢了，能派人来看看吗？',
  '请问这是怎么回事，我看不太懂这个页面。',
  '點解仲未到？',
  '請問這個錯誤訊息是怎麼回事？',
  '我想问一下退款到现在还没到账，这是正常的吗？',
  '我下载太慢了，是不是要换个套餐？',
  '我电脑开机太慢了，能帮我看看吗？',
  '我的快递怎么还没到，帮我查一下好吗？',
  '想问下这个月话费多了二十块是怎么回事？',
  '屏幕上一直显示网络异常，这是怎么回事？',
  '我的包裹怎么还没发货呢？一般要多久？',
  '網路好像有點慢，請問是怎麼回事？',
  '呢個提示係咩意思？點解會咁？',
  '我打字太慢了，您等我一下。',
  '網速太慢了，請問要怎麼設定？',
  '上網有時候太慢，是不是路由器的問題？',
  '我的快遞點解仲未到？一般要幾日？',
  '請問我的包裹怎麼還沒到？大概什麼時候會到？',
  '请问这个指示灯一直闪是怎么回事？',
  '怎么还没到呢？正常几天能到？',
  '請問一下，畫面一直跳出這個提示是怎麼回事？',
];

const COMPLAINTS = [
  '你们怎么回事啊！都三天了还没到！',
  '怎么还没到？我都等了一个星期了，太慢了吧',
  '什么态度啊',
  '我要投诉',
  '你哋點解仲未寄出？等咗成個禮拜，搞咩呀！',
  '你們到底怎麼回事？東西壞了兩次了！',
  '太慢了吧！我都打了三次電話了',
  '我对你们的服务很不满意',
  '网速也太慢了吧，交了钱还这么慢，你们怎么搞的',
  '咩態度啊你，我要投訴你！',
  '我已经打了五次电话了，到现在还没人管',
  '你们搞什么啊，又扣我钱',
  '這網速也太慢了吧，每天都這樣，你們到底有沒有在處理？',
  '係咪搞錯呀？仲未到！',
  '怎么还没人联系我？上周就说会回电的',
  '你们这是怎么回事？说好昨天到的！',
  '网速太慢了，你们到底管不管？',
  '请问你们到底是怎么回事？三次了！',
  '你们乱扣费是怎么回事！',
  '我的宽带你们到底修不修？网速太慢了',
  '你們的網速太慢了',
  '都一个多星期了怎么还没发货，正常要几天啊？你们是不是忘了',
  '我都下单半个月了，到现在还没到账，你们正常吗？',
  '又是这个提示，到底怎么回事！你们能不能给个说法',
  '我想问一下到底是怎么回事，三次都没修好',
  '请问一下你们客服是怎么回事？',
  '这个扣费到底是怎么回事',
  '我家宽带网速太慢了，投诉过好几次了',
  '请问这到底是怎么回事啊？',
  '我想問一下你們是怎麼回事，打了三次都沒人接',
];

describe('complaint trigger', () => {
  it.each(NOT_COMPLAINTS)('「%s」 is no complaint (na)', (words) => {
    expect(verdictAfter(words)).toBe('na');
  });
  it.each(COMPLAINTS)('「%s」 is a complaint (fail without an apology)', (words) => {
    expect(verdictAfter(words)).toBe('fail');
  });
});
