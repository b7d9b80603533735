/**
 * The script inside report.html (plain ES2017, no modules, no network): sortable tables and the
 * charts. The tables are already in the HTML, so a mail client that blocks scripts still shows
 * every number; the script only adds sorting and charts. When it is done it records what it drew
 * in <html data-callqa="…"> — the headless-browser test reads that back.
 */

/** First script in <head>: collect errors from everything that runs after it. */
export const ERROR_TRAP = `window.__callqaErrors=[];window.addEventListener('error',function(e){window.__callqaErrors.push(String(e.message||e))});(function(){var ce=console.error;console.error=function(){window.__callqaErrors.push(Array.prototype.join.call(arguments,' '));return ce.apply(console,arguments)}})();`;

export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('callqa-data').textContent);
  var charts = 0;
  var COLORS = ['#2f6fb0', '#d9822b', '#3a9a5b', '#c23b3b', '#7b5ea7', '#8c6d46', '#c45aa1', '#6e6e6e'];

  function cellValue(row, i) {
    var c = row.cells[i];
    return c ? (c.getAttribute('data-sort') || c.textContent || '').trim() : '';
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.tabIndex = 0;
      th.setAttribute('role', 'button');
      var sort = function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.every(function (r) { var v = cellValue(r, i); return v === '' || !isNaN(Number(v)); });
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          if (x === '' && y !== '') return 1;
          if (y === '' && x !== '') return -1;
          var d = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
          return d * dir;
        });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  }

  function bar(id, labels, values, label, color, max) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof window.Chart !== 'function') return;
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: label, data: values, backgroundColor: color }] },
      options: {
        animation: false,
        responsive: false,
        plugins: { legend: { display: false }, title: { display: true, text: label } },
        scales: { y: { beginAtZero: true, max: max, ticks: max ? {} : { precision: 0 } } },
      },
    });
    charts++;
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), makeSortable);

  var binLabels = data.scoreBins.map(function (_, i) { return i * 10 + (i === data.scoreBins.length - 1 ? '–100' : '–' + (i * 10 + 9.9)); });
  bar('chart-scores', binLabels, data.scoreBins, 'calls by score', COLORS[0]);

  var top = data.rules.filter(function (r) { return data.ruleFails[r.id]; })
    .sort(function (a, b) { return data.ruleFails[b.id] - data.ruleFails[a.id]; }).slice(0, 10);
  bar('chart-rules', top.map(function (r) { return r.id; }), top.map(function (r) { return data.ruleFails[r.id]; }), 'calls failing the rule', COLORS[3]);

  var header = data.summary.header;
  data.categories.forEach(function (c, i) {
    var col = header.indexOf(c + '_score');
    var rows = data.summary.rows.filter(function (r) { return r[col] !== null && r[col] !== undefined && r[col] !== ''; });
    bar('chart-cat-' + i, rows.map(function (r) { return String(r[0]); }), rows.map(function (r) { return r[col]; }), c + ': mean score per agent', COLORS[(i + 1) % COLORS.length], 100);
  });

  document.documentElement.setAttribute('data-callqa', JSON.stringify({
    charts: charts,
    chartLibrary: typeof window.Chart === 'function',
    sortable: document.querySelectorAll('table.sortable th[role=button]').length,
    agentRows: document.querySelectorAll('#agents tbody tr').length,
    errors: window.__callqaErrors,
  }));
})();`;
