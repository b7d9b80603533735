// Deterministic synthetic month of call transcripts for the benchmark (and scale tests).
// Mixed scripts (a third traditional), four speaker-label styles, complaints, holds, silences.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
// The product's seeded generator (mulberry32), so the month is the same on any machine (needs `npm run build`).
import { prng } from '../dist/workflow/prng.js';

export { prng };


// Lines carry slots ({product}, {amount} …) filled per call, so that, as in a real month, most
// utterances are not word for word the same: caches, the matcher's hits and the masking see
// varied text (a month of fixed lines had 184 distinct utterances in 79,000).
const OPENINGS = ['您好，康泰鑫客服{n}号为您服务，请问有什么可以帮您？', '您好，这里是康泰鑫客服中心，很高兴为您服务。', '喂，什么事？', '你好，请讲。', '您好，康泰鑫{team}，工号{n}，请问您是{surname}先生吗？'];
const ASKS = [
  '我想查一下我的订单，{day}号买的{product}一直没发货。', '我的宽带从{day}号开始就上不了网，麻烦你们看一下。', '我想把收货地址改到{district}，可以吗？',
  '你们的售后电话怎么这么难打通，等了{minutes}分钟。', '我要投诉，你们的快递员态度太差了，什么态度！', '请问会员积分怎么兑换，我有{points}分。',
  '我上个月的账单好像多扣了{amount}块钱，怎么回事？', '我想咨询一下{product}的退货流程。', '订单号{order}，我想问一下什么时候到。',
];
const AGENT_MIDDLE = [
  '好的，请您稍等，我帮您查一下。', '很抱歉给您添麻烦了，我非常理解您的心情。', '您能描述一下当时的具体情况吗？', '我复述一下，您是说{product}{problem}，对吗？',
  '我会将您反映的问题如实上报，尽快核实处理，{days}个工作日内给您回复。', '是这样的，您需要先在我们的网站上提交申请，然后我们会在{days}个工作日内处理。',
  '谢谢您的等候，很抱歉让您久等了。', '这个问题需要转到{team}处理，请您耐心等待。', '我也没办法，这不是我的错。', '请问对于我刚才的解释您还有疑问吗？',
  '您的订单{order}已经在{day}号上午发出了，快递单号我稍后短信发给您。', '我们这边看到您的宽带账号有{amount}元欠费，缴清之后就可以恢复了。',
  '{surname}先生，请问您的联系电话还是尾号{last4}的这个吗？', '这个{product}目前有活动，可以便宜{amount}元。',
];
const CUSTOMER_MIDDLE = [
  '好的。', '嗯，明白了。', '那要多久？', '我姓{surname}。', '还是不太清楚，能再说一遍吗？', '你们这服务太慢了，我很不满意。', '行吧，那我等你们消息。', '对，就是这个意思。',
  '我的手机号是{mobile}。', '是{day}号下午{hour}点左右的事。', '我在{district}，离你们门店挺远的。', '{product}用了{days}天就{problem}了。',
];
const CLOSINGS = ['请问还有什么可以帮您？', '感谢您的来电，再见！', '如果没有其他的事，请挂机。', '好的，祝您周末愉快，再见。', '{surname}先生，请问还有其他可以帮您的吗？'];
const SLOTS = {
  product: ['键盘', '无线耳机', '空气净化器', '电饭煲', '路由器', '扫地机器人', '显示器', '电动牙刷', '儿童手表', '蓝牙音箱', '投影仪', '加湿器'],
  problem: ['不开机', '没声音', '充不进电', '屏幕闪', '连不上网', '有异响', '漏水', '按键失灵'],
  surname: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'],
  district: ['朝阳区', '浦东新区', '天河区', '南山区', '武侯区', '西湖区', '鼓楼区', '江北区', '高新区', '雨花台区'],
  team: ['二线技术组', '售后部', '物流组', '投诉专席', '账务组'],
  amount: () => String(5 + Math.floor(rand01() * 1995)),
  points: () => String(100 * (1 + Math.floor(rand01() * 300))),
  minutes: () => String(5 + Math.floor(rand01() * 55)),
  days: () => String(1 + Math.floor(rand01() * 14)),
  day: () => String(1 + Math.floor(rand01() * 28)),
  hour: () => String(1 + Math.floor(rand01() * 11)),
  last4: () => String(Math.floor(rand01() * 10000)).padStart(4, '0'),
  order: () => `2026${String(Math.floor(rand01() * 1e8)).padStart(8, '0')}`,
  mobile: () => `1${3 + Math.floor(rand01() * 6)}${String(Math.floor(rand01() * 1e9)).padStart(9, '0')}`,
};
/** The call's generator, for the slot fillers (set by makeCall). */
let rand01 = Math.random;

/** A line with its slots filled; one call keeps one surname and product throughout. */
function fill(line, chosen) {
  return line.replace(/\{(\w+)\}/g, (whole, slot) => {
    if (slot === 'n') return whole;
    if (chosen[slot] !== undefined) return chosen[slot];
    const source = SLOTS[slot];
    const value = typeof source === 'function' ? source() : source[Math.floor(rand01() * source.length)];
    if (slot === 'surname' || slot === 'product' || slot === 'mobile') chosen[slot] = value;
    return value;
  });
}
const LABELS = [['坐席', '客户'], ['客服', '用户'], ['Agent', 'Customer'], ['A', 'C']];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** Bumped when the generated text changes, so a cached month is rebuilt. */
const FORMAT = 3;

function mmss(ms) {
  // Whole tenths first, so 59.96 s is written 01:00.0, never 00:60.0 (which readers rightly refuse).
  const tenths = Math.round(ms / 100);
  const m = Math.floor(tenths / 600);
  return `${String(m).padStart(2, '0')}:${((tenths - m * 600) / 10).toFixed(1).padStart(4, '0')}`;
}

/** One call of roughly `targetBytes` bytes. */
export function makeCall(rand, i, toTraditional, targetBytes = 3000) {
  rand01 = rand;
  const chosen = {};
  const agent = `A${100 + Math.floor(rand() * 60)}`;
  const day = 1 + Math.floor(rand() * 31);
  const [agentLabel, customerLabel] = pick(rand, LABELS);
  const lines = ['---', `call_id: BENCH-${String(i).padStart(7, '0')}`, `agent_id: ${agent}`, `direction: ${rand() < 0.85 ? 'inbound' : 'outbound'}`, `date: 2026-10-${String(day).padStart(2, '0')}`, '---'];
  let t = 0;
  const say = (label, line) => {
    const text = fill(line, chosen);
    const dur = 1000 + text.length * 220;
    lines.push(`[${mmss(t)}-${mmss(t + dur)}] ${label}：${text}`);
    t += dur + (rand() < 0.08 ? 30000 : 300 + Math.floor(rand() * 900)); // some long silences (holds)
  };
  say(agentLabel, pick(rand, OPENINGS).replace('{n}', agent.slice(1)));
  say(customerLabel, pick(rand, ASKS));
  let bytes = lines.join('\n').length * 2;
  while (bytes < targetBytes - 200) {
    const a = pick(rand, AGENT_MIDDLE);
    const c = pick(rand, CUSTOMER_MIDDLE);
    say(agentLabel, a);
    say(customerLabel, c);
    bytes += (a.length + c.length) * 3 + 60;
  }
  say(agentLabel, pick(rand, CLOSINGS));
  say(customerLabel, '没有了，谢谢。');
  say(agentLabel, '感谢您的来电，再见！');
  const text = `${lines.join('\n')}\n`;
  return toTraditional ? toTraditional(text) : text;
}

/** Write (or reuse) a month of `count` calls under `dir`; returns the folder. */
export function writeMonth(dir, count, seed = 20261001) {
  const stamp = join(dir, '.complete');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === `${count}:${seed}:${FORMAT}`) return dir;
  mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const cn2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  for (let i = 0; i < count; i++) {
    const traditional = rand() < 0.33;
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `call-${String(i).padStart(7, '0')}.txt`), makeCall(rand, i, traditional ? cn2tw : undefined));
  }
  writeFileSync(stamp, `${count}:${seed}:${FORMAT}`);
  return dir;
}
