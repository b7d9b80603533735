/**
 * report.html: the month's overview in ONE file a QA manager can e-mail upward. Self-contained:
 * styles, data, script and the charting library are inline, and a Content-Security-Policy forbids
 * every fetch, so it opens offline from a mail attachment. All numbers are in plain HTML tables;
 * the script adds sorting and charts (src/workflow/html-client.ts). Evidence quotes arrive masked.
 * No clock time is written: the same report gives the same bytes.
 */
import type { Cell } from '../report/index.js';
import type { ChartLibrary } from './chart-lib.js';
import { inlineScript } from './chart-lib.js';
import { CLIENT_SCRIPT, ERROR_TRAP } from './html-client.js';
import type { ReportData } from './html-data.js';
import { callList } from './escalate.js';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function show(value: Cell): string {
  return value === undefined || value === null ? '' : esc(String(value));
}

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:20px 0 6px}
.facts{color:#555}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right}.charts{display:flex;flex-wrap:wrap;gap:16px}canvas{border:1px solid #eee}.note{color:#8a5a00;background:#fff6e0;padding:6px 10px;border-radius:4px}
.quote{max-width:420px}.over{color:#2f6fb0}.window{color:#777}`;

export function renderReportHtml(d: ReportData, chart: ChartLibrary | null): string {
  const agentAnchor = new Map(d.summary.rows.map((r, i) => [String(r[0]), `agent-${i + 1}`]));
  // What the script draws from; the findings are already in the tables and are not repeated.
  const forScript = { calls: d.calls, scoreBins: d.scoreBins, rules: d.rules, ruleFails: d.ruleFails, categories: d.categories, summary: d.summary };
  const json = JSON.stringify(forScript).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    // How callqa recognises a report.html it may replace (src/report/output-file.ts).
    '<meta name="generator" content="callqa">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(d.title)}</title>`,
    `<script>${ERROR_TRAP}</script>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(d.title)}</h1>`,
    `<p class="facts">Ruleset ${esc(d.ruleset.name)} ${esc(d.ruleset.version)} · pass mark ${d.ruleset.passMark} · ${d.overridesApplied} reviewer override(s) applied · ${maskingFact(d.masked)}</p>`,
    cards(d),
    chart ? '' : '<p class="note" id="no-charts">Charts are not included: this callqa installation has no chart.js. Every figure is in the tables below.</p>',
    '<h2 id="distribution">Score distribution</h2>',
    '<div class="charts"><canvas id="chart-scores" width="560" height="260"></canvas></div>',
    binsTable(d),
    '<h2 id="agents-heading">Agents</h2>',
    '<p>Click a column heading to sort. An agent id leads to that agent’s failed calls.</p>',
    agentsTable(d, agentAnchor),
    '<h2 id="rules">Most failed rules</h2>',
    '<div class="charts"><canvas id="chart-rules" width="560" height="260"></canvas></div>',
    rulesTable(d),
    '<h2 id="categories">Categories</h2>',
    `<div class="charts">${d.categories.map((c, i) => `<canvas id="chart-cat-${i}" width="360" height="220" aria-label="${esc(c)}"></canvas>`).join('')}</div>`,
    '<h2 id="escalations">Escalations</h2>',
    escalationsTable(d, agentAnchor),
    '<h2 id="failed-calls">Failed calls by agent</h2>',
    ...d.summary.rows.map((r) => agentSection(d, String(r[0]), String(r[1] ?? ''), agentAnchor)),
    `<script type="application/json" id="callqa-data">${json}</script>`,
    chart ? `<script data-library="${esc(chart.name)}@${esc(chart.version)}">${chart.source}</script>` : '',
    `<script>${inlineScript(CLIENT_SCRIPT)}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

function maskingFact(masked: boolean): string {
  return masked ? 'personal data in quotes masked' : '<strong>personal data in quotes NOT masked (--no-mask): internal use only</strong>';
}

function cards(d: ReportData): string {
  const items: Array<[string, string | number]> = [
    ['calls scored', d.calls],
    ['agents', d.summary.rows.length],
    ['calls failed', d.callsFailed],
    ['calls with a critical fail', d.criticalCalls],
    ['agents to escalate', new Set(d.escalations.map((e) => e.agentId)).size],
  ];
  return `<div class="cards">${items.map(([k, v]) => `<div class="card"><b>${esc(String(v))}</b>${esc(k)}</div>`).join('')}</div>`;
}

function binsTable(d: ReportData): string {
  const labels = d.scoreBins.map((_, i) => (i === d.scoreBins.length - 1 ? `${i * 10}–100` : `${i * 10}–${i * 10 + 9.9}`));
  return `<table id="score-bins"><thead><tr><th>score</th>${labels.map((l) => `<th>${l}</th>`).join('')}<th>no score</th></tr></thead><tbody><tr><th>calls</th>${d.scoreBins
    .map((n) => `<td class="num">${n}</td>`)
    .join('')}<td class="num">${d.unscored}</td></tr></tbody></table>`;
}

function agentsTable(d: ReportData, anchor: Map<string, string>): string {
  const head = d.summary.header.map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = d.summary.rows.map((r) => {
    const cells = r.map((v, i) => {
      if (i === 0) return `<td data-sort="${show(v)}"><a href="#${anchor.get(String(v))}">${show(v)}</a></td>`;
      return typeof v === 'number' ? `<td class="num">${v}</td>` : `<td>${show(v)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table id="agents" class="sortable"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function rulesTable(d: ReportData): string {
  const rules = d.rules.filter((r) => (d.ruleFails[r.id] ?? 0) > 0).sort((a, b) => (d.ruleFails[b.id] ?? 0) - (d.ruleFails[a.id] ?? 0));
  if (rules.length === 0) return '<p>No rule failed this month.</p>';
  const rows = rules.map((r) => `<tr><td>${esc(r.id)}</td><td>${esc(r.title)}</td><td>${esc(r.category)}</td><td>${r.critical ? 'critical' : ''}</td><td class="num">${d.ruleFails[r.id]}</td></tr>`);
  return `<table id="rule-fails" class="sortable"><thead><tr><th>rule</th><th>title</th><th>category</th><th>critical</th><th>calls failed</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function escalationsTable(d: ReportData, anchor: Map<string, string>): string {
  if (d.escalations.length === 0) return '<p>No agent to escalate.</p>';
  const rows = d.escalations.map(
    (e) => `<tr><td><a href="#${anchor.get(e.agentId)}">${esc(e.agentId)}</a></td><td>${esc(e.agentName)}</td><td>${esc(e.ruleId)}</td><td>${esc(e.reasons.join('; '))}</td><td class="num">${e.count}</td><td>${esc(callList(e))}</td></tr>`,
  );
  return `<table id="escalation-table" class="sortable"><thead><tr><th>agent</th><th>name</th><th>rule</th><th>reason</th><th>calls failed</th><th>calls</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function agentSection(d: ReportData, agentId: string, name: string, anchor: Map<string, string>): string {
  const found = d.agents.find((a) => a.agentId === agentId);
  const title = `<h3 id="${anchor.get(agentId)}">${esc(agentId)}${name ? ` ${esc(name)}` : ''}</h3>`;
  if (!found || found.total === 0) return `${title}<p>No failed finding.</p>`;
  const rows = found.findings.map(
    (f) =>
      `<tr><td>${esc(f.callId)}</td><td>${esc(f.date)}</td><td>${esc(f.ruleId)}</td><td class="num">${esc(f.turn)}</td><td>${esc(f.time)}</td><td>${esc(f.speaker)}</td><td class="quote">${evidence(f)}</td><td>${esc(f.reason)}</td><td class="over">${esc(f.overrideBy)}</td></tr>`,
  );
  const more = found.total > found.findings.length ? `<p class="note">${found.total - found.findings.length} more failed finding(s): see findings.csv.</p>` : '';
  return `${title}<table class="sortable findings"><thead><tr><th>call</th><th>date</th><th>rule</th><th>turn</th><th>time</th><th>speaker</th><th>evidence</th><th>reason</th><th>override</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>${more}`;
}

/** The quote; for a "not said" failure (no quote), where the engine looked, as findings.csv's window says. */
function evidence(f: { quote: string; window: string }): string {
  if (f.quote || !f.window) return esc(f.quote);
  return `<span class="window">looked in: ${esc(f.window)}</span>`;
}
