/** Printers over one DiffReport: text for the terminal, json for tools, github for a PR comment. */
import type { DiffReport, RuleDiff } from './diff.js';
import { byteOrder } from '../model/order.js';

export type DiffFormat = 'text' | 'json' | 'github';

export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'github'];

/** `limit`: changed verdicts listed in text and github output (json lists all). */
export function formatDiff(report: DiffReport, format: DiffFormat, limit = 100): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'github' ? github(report, limit) : text(report, limit);
}

function headline(r: DiffReport): string {
  const calls = new Set(r.changes.map((c) => c.callId)).size;
  return `${r.calls} call(s) re-scored: ${r.changes.length} verdict(s) change in ${calls} call(s); ${r.callChanges.filter((c) => c.resultOld !== c.resultNew).length} call result(s) change`;
}

function transitions(d: RuleDiff): string {
  return Object.entries(d.transitions)
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function num(x: number | undefined): string {
  return x === undefined ? '–' : String(x);
}

function signed(x: number | undefined): string {
  return x === undefined ? '–' : x > 0 ? `+${x}` : String(x);
}

function text(r: DiffReport, limit: number): string {
  const out = [`callqa diff: ${r.old.name} ${r.old.version} (${r.old.file}) → ${r.new.name} ${r.new.version} (${r.new.file})`, headline(r)];
  if (r.onlyOld.length) out.push(`Rules only in the old ruleset: ${r.onlyOld.join(', ')}`);
  if (r.onlyNew.length) out.push(`Rules only in the new ruleset: ${r.onlyNew.join(', ')}`);
  out.push('');
  const changed = r.rules.filter((d) => d.changed > 0);
  out.push(changed.length ? 'Rules whose verdicts change:' : 'No verdict changes.');
  for (const d of changed) out.push(`  ${d.ruleId.padEnd(32)} ${transitions(d)}   (fails ${d.failsOld} → ${d.failsNew})`);
  out.push('', 'Agents (mean score before → after):');
  for (const a of r.agents) {
    out.push(`  ${`${a.agentId} ${a.agentName}`.padEnd(20)} ${String(a.calls).padStart(4)} call(s)   ${num(a.meanOld)} → ${num(a.meanNew)} (${signed(a.change)})   failed calls ${a.failedOld} → ${a.failedNew}`);
  }
  if (r.changes.length) {
    out.push('', 'Changed verdicts (call, agent, rule, before → after):');
    for (const c of r.changes.slice(0, limit)) out.push(`  ${c.callId}  ${c.agentId}  ${c.ruleId}  ${c.old} → ${c.new}`);
    if (r.changes.length > limit) out.push(`  … and ${r.changes.length - limit} more (--format json lists all)`);
  }
  return `${out.join('\n')}\n`;
}

/** A markdown table cell: pipes and line breaks would break the table. */
function md(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function github(r: DiffReport, limit: number): string {
  const out = [
    `### callqa diff: \`${md(r.old.name)} ${md(r.old.version)}\` → \`${md(r.new.name)} ${md(r.new.version)}\``,
    '',
    headline(r),
    '',
  ];
  if (r.onlyOld.length) out.push(`Rules only in the old ruleset: ${r.onlyOld.map((id) => `\`${md(id)}\``).join(', ')}`, '');
  if (r.onlyNew.length) out.push(`Rules only in the new ruleset: ${r.onlyNew.map((id) => `\`${md(id)}\``).join(', ')}`, '');
  const changed = r.rules.filter((d) => d.changed > 0);
  if (changed.length) {
    out.push('| Rule | Changes | Fails before | Fails after |', '|---|---|---:|---:|');
    for (const d of changed) out.push(`| \`${md(d.ruleId)}\` | ${md(transitions(d))} | ${d.failsOld} | ${d.failsNew} |`);
  } else out.push('No verdict changes.');
  out.push('', '| Agent | Calls | Mean before | Mean after | Change | Failed calls before → after |', '|---|---:|---:|---:|---:|---|');
  for (const a of r.agents) {
    out.push(`| ${md(`${a.agentId} ${a.agentName}`.trim())} | ${a.calls} | ${num(a.meanOld)} | ${num(a.meanNew)} | ${signed(a.change)} | ${a.failedOld} → ${a.failedNew} |`);
  }
  if (r.changes.length) {
    out.push('', `<details><summary>Changed verdicts (${r.changes.length})</summary>`, '', '| Call | Agent | Rule | Before | After |', '|---|---|---|---|---|');
    for (const c of r.changes.slice(0, limit)) out.push(`| ${md(c.callId)} | ${md(c.agentId)} | \`${md(c.ruleId)}\` | ${c.old} | ${c.new} |`);
    if (r.changes.length > limit) out.push('', `… and ${r.changes.length - limit} more.`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
