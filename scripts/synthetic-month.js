// Deterministic synthetic month of call transcripts for the benchmark (and scale tests).
// Mixed scripts (a third traditional), four speaker-label styles, complaints, holds, silences.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
// The product's seeded generator (mulberry32), so the month is the same on any machine (needs `npm run build`).
import { prng } from '../dist/workflow/prng.js';

export { prng };


const OPENINGS = ['您好，康泰鑫客服{n}号为您服务，请问有什么可以帮您？', '您好，这里是康泰鑫客服中心，很高兴为您服务。', '喂，什么事？', '你好，请讲。'];
const ASKS = [
  '我想查一下我的订单，上周买的键盘一直没发货。', '我的宽带从昨天开始就上不了网，麻烦你们看一下。', '我想改一下收货地址，可以吗？',
  '你们的售后电话怎么这么难打通，等了半天。', '我要投诉，你们的快递员态度太差了，什么态度！', '请问会员积分怎么兑换？',
  '我上个月的账单好像多扣了二十块钱，怎么回事？', '我想咨询一下你们的退货流程。',
];
const AGENT_MIDDLE = [
  '好的，请您稍等，我帮您查一下。', '很抱歉给您添麻烦了，我非常理解您的心情。', '您能描述一下当时的具体情况吗？', '我复述一下，您看是这个意思吗？',
  '我会将您反映的问题如实上报，尽快核实处理，给您回复。', '是这样的，您需要先在我们的网站上提交申请，然后我们会在三个工作日内处理。',
  '谢谢您的等候，很抱歉让您久等了。', '这个问题需要转到二线处理，请您耐心等待。', '我也没办法，这不是我的错。', '请问对于我刚才的解释您还有疑问吗？',
  '您的订单已经在今天上午发出了，快递单号我稍后短信发给您。', '我们这边看到您的宽带账号有一个欠费记录，缴清之后就可以恢复了。',
];
const CUSTOMER_MIDDLE = ['好的。', '嗯，明白了。', '那要多久？', '我姓王。', '还是不太清楚，能再说一遍吗？', '你们这服务太慢了，我很不满意。', '行吧，那我等你们消息。', '对，就是这个意思。'];
const CLOSINGS = ['请问还有什么可以帮您？', '感谢您的来电，再见！', '如果没有其他的事，请挂机。', '好的，祝您周末愉快，再见。'];
const LABELS = [['坐席', '客户'], ['客服', '用户'], ['Agent', 'Customer'], ['A', 'C']];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** Bumped when the generated text changes, so a cached month is rebuilt. */
const FORMAT = 2;

function mmss(ms) {
  // Whole tenths first, so 59.96 s is written 01:00.0, never 00:60.0 (which readers rightly refuse).
  const tenths = Math.round(ms / 100);
  const m = Math.floor(tenths / 600);
  return `${String(m).padStart(2, '0')}:${((tenths - m * 600) / 10).toFixed(1).padStart(4, '0')}`;
}

/** One call of roughly `targetBytes` bytes. */
export function makeCall(rand, i, toTraditional, targetBytes = 3000) {
  const agent = `A${100 + Math.floor(rand() * 60)}`;
  const day = 1 + Math.floor(rand() * 31);
  const [agentLabel, customerLabel] = pick(rand, LABELS);
  const lines = ['---', `call_id: BENCH-${String(i).padStart(7, '0')}`, `agent_id: ${agent}`, `direction: ${rand() < 0.85 ? 'inbound' : 'outbound'}`, `date: 2026-10-${String(day).padStart(2, '0')}`, '---'];
  let t = 0;
  const say = (label, text) => {
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
