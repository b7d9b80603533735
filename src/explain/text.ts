/**
 * @fileoverview One call as a QA reviewer reads it: header with the score and critical failures
 * on top, score by category, the dialogue with turn numbers, times and speakers where each
 * verdict sits under the utterance that decided it (the words highlighted), then what was not
 * found (with the window searched), passes without a quote, and na reasons grouped compactly.
 * Colour only when asked; without it the highlight is »…«.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CallResult, Evidence, RuleResult, Verdict } from '../engine/index.js';
import { formatMs, type Call, type Utterance } from '../model/call.js';
import { terminalSafe } from '../model/terminal-safe.js';

export interface ExplainOptions {
  color: boolean;
  /** The ruleset's pass mark, shown next to the score. */
  passMark?: number;
  /** Gaps between utterances at least this long are marked as silences (default 5 s). */
  silenceMs?: number;
}

const MARK: Record<Verdict, string> = { pass: '✓', fail: '✗', review: '?', na: '–' };
const SPEAKER: Record<string, string> = { agent: '坐席', customer: '客户', unknown: '未知' };

export function explainText(call: Call, result: CallResult, opts: ExplainOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const text = [...header(result, opts, c), '', ...categories(result, c), '', ...dialogue(call, result, opts, c), ...tail(result, c)].join('\n');
  return terminalSafe(text, opts.color);
}

function paint(c: ChalkInstance, v: Verdict, s: string): string {
  return v === 'fail' ? c.red(s) : v === 'pass' ? c.green(s) : v === 'review' ? c.yellow(s) : c.dim(s);
}

function header(r: CallResult, opts: ExplainOptions, c: ChalkInstance): string[] {
  const agent = [r.agentId, r.agentName].filter(Boolean).join(' ');
  const lines = [c.bold(`call ${r.callId}`) + `  ·  agent ${agent}  ·  ${r.date || 'no date'}  ·  ${r.format}, ${r.encoding}`];
  const score = r.score === undefined ? 'no score (no rule applied)' : `score ${r.score.toFixed(1)}`;
  const mark = opts.passMark !== undefined ? ` (pass mark ${opts.passMark})` : '';
  const verdict = r.result === 'pass' ? c.green.bold('PASS') : r.result === 'fail' ? c.red.bold('FAIL') : c.dim('NA');
  lines.push(`${score}  ${verdict}${mark}  ·  ${r.earned}/${r.applicable} points`);
  for (const rule of r.rules.filter((x) => x.critical && x.verdict === 'fail')) {
    lines.push(c.red.bold(`CRITICAL FAILURE ${rule.ruleId} ${rule.title}: ${rule.reason}`));
  }
  return lines;
}

function categories(r: CallResult, c: ChalkInstance): string[] {
  const names = Object.keys(r.categories);
  const w = Math.max(0, ...names.map((n) => n.length));
  const lines = [c.bold('Score by category')];
  for (const name of names) {
    const cat = r.categories[name];
    if (!cat || cat.score === undefined) lines.push(`  ${name.padEnd(w)}      —  not applicable`);
    else lines.push(`  ${name.padEnd(w)}  ${cat.score.toFixed(1).padStart(5)}  ${cat.earned}/${cat.applicable} points`);
  }
  return lines;
}

interface Note {
  rule: RuleResult;
  e: Evidence;
  /** The turn (1-based) where this rule's reason is printed: the deciding evidence (the engine lists it first, triggers last). */
  home: number;
}

/** The rules whose evidence sits on each turn (0-based utterance index), once per rule and turn. */
function byTurn(r: CallResult): Map<number, Note[]> {
  const out = new Map<number, Note[]>();
  for (const rule of r.rules) {
    if (rule.verdict === 'na' || rule.evidence.length === 0) continue;
    const home = rule.evidence[0]?.turn ?? 0;
    for (const e of rule.evidence) {
      const list = out.get(e.turn - 1) ?? [];
      if (!list.some((n) => n.rule === rule)) list.push({ rule, e, home });
      else if (e.matched) list.push({ rule, e, home: -1 }); // a second span to highlight only
      out.set(e.turn - 1, list);
    }
  }
  return out;
}

function dialogue(call: Call, r: CallResult, opts: ExplainOptions, c: ChalkInstance): string[] {
  const lines = [c.bold('Dialogue')];
  const notes = byTurn(r);
  const silence = opts.silenceMs ?? 5000;
  const numWidth = String(call.utterances.length).length;
  let lastEnd: number | undefined;
  for (const u of call.utterances) {
    if (u.startMs !== undefined && lastEnd !== undefined && u.startMs - lastEnd >= silence) {
      lines.push(c.dim(`${' '.repeat(numWidth + 2)}·· ${((u.startMs - lastEnd) / 1000).toFixed(1)} s silence ··`));
    }
    if (u.endMs !== undefined) lastEnd = Math.max(lastEnd ?? 0, u.endMs);
    const here = notes.get(u.index) ?? [];
    const time = u.startMs !== undefined ? `[${formatMs(u.startMs)}-${formatMs(u.endMs)}] ` : '';
    const who = u.label ?? SPEAKER[u.speaker] ?? u.speaker;
    lines.push(`  ${String(u.index + 1).padStart(numWidth)}  ${c.dim(time)}${who}：${highlight(u, here, c)}`);
    for (const { rule, e, home } of here) {
      if (home < 0) continue;
      const role = e.role ? ` (${e.role})` : '';
      const text = home === u.index + 1 ? `${rule.ruleId} ${rule.title}${role}: ${rule.reason}${searched(rule, e)}` : `${rule.ruleId}${role}: see turn ${home}`;
      lines.push(`  ${' '.repeat(numWidth)}    ${paint(c, rule.verdict, `${MARK[rule.verdict]} ${rule.verdict}`)} ${text}`);
    }
  }
  return lines;
}

/**
 * Where the engine looked, as the tail sections say it: a reviewer who reads 「no $apology after
 * 「怎么还没」 (turn 2)」 and sees 「不好意思」 at turn 9 needs the window (the agent's 2 turns after turn 2),
 * and one who reads 「none of 但是 said」 with 但是 at turn 7 needs to see turn 7 was not searched.
 */
function searched(rule: RuleResult, e: Evidence): string {
  // Only a verdict shown at its trigger rests on words not said (a fail's 「no $apology」, a pass's
  // 「none of 但是 said」); one that quotes the deciding words needs no window.
  if (!rule.window || e.role !== 'trigger') return '';
  return rule.verdict === 'fail' ? `; searched: ${rule.window}` : ` (${rule.window})`;
}

/** The matched words of each verdict on this turn: »…« (or coloured by verdict on a TTY). */
function highlight(u: Utterance, here: Note[], c: ChalkInstance): string {
  const spans: Array<{ from: number; to: number; v: Verdict }> = [];
  for (const { rule, e } of here) {
    if (!e.matched) continue;
    const from = u.text.indexOf(e.matched);
    if (from >= 0) spans.push({ from, to: from + e.matched.length, v: rule.verdict });
  }
  spans.sort((a, b) => a.from - b.from || b.to - a.to);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.from < at) continue; // overlapping a span already marked
    out += u.text.slice(at, s.from);
    const words = u.text.slice(s.from, s.to);
    out += c.level > 0 ? paint(c, s.v, c.bold.underline(words)) : `»${words}«`;
    at = s.to;
  }
  return out + u.text.slice(at);
}

function tail(r: CallResult, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const unquoted = r.rules.filter((x) => x.verdict !== 'na' && x.evidence.length === 0);
  const missing = unquoted.filter((x) => x.verdict !== 'pass');
  if (missing.length > 0) {
    lines.push('', c.bold('Not found (where the engine looked)'));
    for (const x of missing) {
      const where = x.window ? `; searched: ${x.window}` : '';
      lines.push(`  ${paint(c, x.verdict, `${MARK[x.verdict]} ${x.verdict}`)} ${x.ruleId} ${x.title}: ${x.reason}${where}`);
    }
  }
  const passes = unquoted.filter((x) => x.verdict === 'pass');
  if (passes.length > 0) {
    lines.push('', c.bold('Passed, nothing to quote'));
    for (const x of passes) lines.push(`  ${paint(c, 'pass', '✓')} ${x.ruleId}: ${x.reason}${x.window ? ` (${x.window})` : ''}`);
  }
  const na = r.rules.filter((x) => x.verdict === 'na');
  if (na.length > 0) {
    lines.push('', c.bold('Not applicable'));
    const groups = new Map<string, string[]>();
    for (const x of na) groups.set(x.reason, [...(groups.get(x.reason) ?? []), x.ruleId]);
    for (const [reason, ids] of groups) lines.push(`  ${c.dim('–')} ${ids.join(', ')}: ${reason}`);
  }
  return lines;
}
