// newsstance report: draws the aggregates embedded as JSON (no network, no libraries). Every text from the data is
// set with textContent or as an attribute value, never parsed as HTML.
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('report-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var SHOWN_EVIDENCE = 5;
  var DAY = 86400000;
  var state = { selected: {}, from: '', to: '', granularity: 'weekly' };
  var rendered = 0;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function signed(x) { return x == null ? '—' : (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2); }
  function interval(s) { return s.ci_low == null ? '—' : '[' + signed(s.ci_low) + ', ' + signed(s.ci_high) + ']'; }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function sourceName(s) { return s === '' ? '(no source)' : s; }
  function time(d) { return Date.parse(d + 'T00:00:00Z'); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function inRange(date) {
    if (date == null || date === '' || !/^\d{4}-\d{2}-\d{2}/.test(date)) { return !state.from && !state.to; }
    var d = date.slice(0, 10);
    return (!state.from || d >= state.from) && (!state.to || d <= state.to);
  }
  function color(mean) {            // diverging: red (negative), white (0), blue (positive)
    var t = Math.max(-1, Math.min(1, mean));
    var a = [247, 247, 247], b = t < 0 ? [178, 24, 43] : [33, 102, 172], u = Math.min(1, Math.abs(t) * 1.6);
    return 'rgb(' + a.map(function (x, i) { return Math.round(x + (b[i] - x) * u); }).join(',') + ')';
  }
  function selectedActors() { return DATA.actors.filter(function (a) { return state.selected[a.actor]; }); }

  // ---- header, inputs, actor table -------------------------------------------------------------------------
  function header() {
    var t = DATA.totals;
    document.getElementById('title').textContent = DATA.title;
    document.getElementById('summary').textContent = fmt(t.mentions) + ' mentions of ' + fmt(t.actors) + ' actors in '
      + fmt(t.articles) + ' articles from ' + fmt(t.sources) + ' sources'
      + (t.first_date ? ', ' + t.first_date + ' to ' + t.last_date : '') + '; ' + fmt(DATA.dyads.totals.dyads)
      + ' dyads (A → B) of ' + fmt(DATA.dyads.totals.pairs) + ' ordered pairs'
      + (DATA.dyads.totals.first_date ? ', ' + DATA.dyads.totals.first_date + ' to ' + DATA.dyads.totals.last_date : '')
      + ' (' + fmt(t.records) + ' records read).';
    document.getElementById('undated').textContent = t.undated_mentions > 0
      ? fmt(t.undated_mentions) + ' mentions in ' + fmt(t.undated_articles) + ' articles had no date: they are in '
        + 'the actor table and the source comparison (over all dates), not on the time charts.'
      : 'Every mention had a date.';
    var foot = document.getElementById('inputs');
    foot.appendChild(el('div', {}, 'Generated ' + DATA.generated + ' by newsstance report from:'));
    DATA.inputs.forEach(function (i) {
      foot.appendChild(el('div', {}, i.file + ' (' + i.format + ', ' + i.level + ' level, ' + fmt(i.records) + ' records)'));
    });
    ['from', 'to'].forEach(function (id) {
      var input = document.getElementById(id);
      var lo = [t.first_date, DATA.dyads.totals.first_date].filter(Boolean).sort()[0];
      var hi = [t.last_date, DATA.dyads.totals.last_date].filter(Boolean).sort().pop();
      if (lo) { input.min = lo; input.max = hi; }
    });
  }

  function actorTable() {
    var table = document.getElementById('actor-table');
    var head = el('tr');
    ['', 'actor', 'name', 'mentions', 'articles', 'neg', 'neu', 'pos', 'mean', '95% interval'].forEach(function (h, i) {
      head.appendChild(el('th', { 'class': i > 0 && i < 3 ? 'text' : '' }, h));
    });
    table.appendChild(head);
    DATA.actors.forEach(function (a) {
      var s = a.stat, tr = el('tr', { 'data-actor': a.actor });
      var box = el('input', { type: 'checkbox', 'aria-label': a.actor });
      box.checked = !!state.selected[a.actor];
      box.addEventListener('change', function () { state.selected[a.actor] = box.checked; render(); });
      var td = el('td'); td.appendChild(box); tr.appendChild(td);
      tr.appendChild(el('td', { 'class': 'text' }, a.actor));
      tr.appendChild(el('td', { 'class': 'text' }, a.name));
      [fmt(s.mentions), fmt(s.articles), fmt(s.negative), fmt(s.neutral), fmt(s.positive)].forEach(function (v) {
        tr.appendChild(el('td', {}, v));
      });
      tr.appendChild(el('td', { 'class': 'score' }, signed(s.mean)));
      tr.appendChild(el('td', {}, interval(s)));
      table.appendChild(tr);
    });
  }

  function syncTable() {
    Array.prototype.forEach.call(document.querySelectorAll('#actor-table tr[data-actor]'), function (tr) {
      var on = !!state.selected[tr.getAttribute('data-actor')];
      tr.className = on ? 'selected' : '';
      tr.querySelector('input').checked = on;
    });
  }

  // ---- stance over time --------------------------------------------------------------------------------------
  function timeline(host, actors) {
    var series = state.granularity === 'weekly' ? DATA.weekly : DATA.daily;
    actors.forEach(function (a) {
      var box = el('div', { 'class': 'chart', 'data-chart': 'timeline', 'data-actor': a.actor });
      box.appendChild(el('h3', {}, a.name + ' (' + a.actor + ')'));
      host.appendChild(box);
      timeChart(box, a.name, series[a.actor] || [], DATA.totals.first_date, DATA.totals.last_date, 'mentions');
    });
  }

  // One chart of mean score per period with its interval band and counts as bars, into box; unit names the counts.
  function timeChart(box, name, series, firstDate, lastDate, unit) {
    var first = state.from || firstDate, last = state.to || lastDate;
    (function () {
      var points = series.filter(function (p) {
        var d = p.date;   // a week is in range when any of its days is
        var end = state.granularity === 'weekly' ? iso(time(d) + 6 * DAY) : d;
        return (!state.from || end >= state.from) && (!state.to || d <= state.to);
      });
      if (!first || points.length === 0) {
        box.appendChild(el('p', { 'class': 'note' }, 'No dated ' + unit + ' in this range.'));
        rendered++;
        return;
      }
      var W = 1180, H = 210, L = 44, R = 12, top = 8, plotH = 120, barTop = 146, barH = 44;
      var t0 = Math.min(time(first), time(points[0].date)), t1 = time(last);   // a week starts on its Monday
      if (t1 <= t0) { t0 -= DAY; t1 += DAY; }
      var x = function (d) { return L + (time(d) - t0) / (t1 - t0) * (W - L - R); };
      var y = function (v) { return top + (1 - v) / 2 * plotH; };
      var svg = svgEl('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
      svg.appendChild(svgEl('title', {}, name + ': mean score per ' + (state.granularity === 'weekly' ? 'week' : 'day')));
      [-1, 0, 1].forEach(function (v) {
        svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), 'class': v === 0 ? 'zero' : 'axis' }));
        svg.appendChild(svgEl('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, signed(v).replace('0.00', '0')));
      });
      // interval band: one polygon per run of consecutive points that have an interval
      var run = [];
      function flush() {
        if (run.length > 0) {
          var pts = run.length === 1 ? [run[0], run[0]] : run;
          var dx = run.length === 1 ? 3 : 0;
          var upper = pts.map(function (p, i) { return (x(p.date) + (i === 0 ? -dx : dx)) + ',' + y(p.stat.ci_high); });
          var lower = pts.slice().reverse().map(function (p, i) { return (x(p.date) + (i === 0 ? dx : -dx)) + ',' + y(p.stat.ci_low); });
          svg.appendChild(svgEl('polygon', { 'class': 'band', points: upper.concat(lower).join(' ') }));
        }
        run = [];
      }
      points.forEach(function (p) { if (p.stat.ci_low == null) { flush(); } else { run.push(p); } });
      flush();
      svg.appendChild(svgEl('polyline', { 'class': 'mean', points: points.map(function (p) {
        return x(p.date) + ',' + y(p.stat.mean); }).join(' ') }));
      var maxN = Math.max.apply(null, points.map(function (p) { return p.stat.mentions; }));
      var bw = Math.max(1.5, Math.min(14, (W - L - R) / ((t1 - t0) / DAY) * (state.granularity === 'weekly' ? 5 : 0.7)));
      points.forEach(function (p) {
        var c = svgEl('circle', { cx: x(p.date), cy: y(p.stat.mean), r: 2.6, fill: '#2457a6' });
        c.appendChild(svgEl('title', {}, p.date + ': mean ' + signed(p.stat.mean) + ' ' + interval(p.stat) + ', '
          + p.stat.mentions + ' ' + unit + ' in ' + p.stat.articles + ' articles'));
        svg.appendChild(c);
        var h = Math.max(1, p.stat.mentions / maxN * barH);
        var bar = svgEl('rect', { 'class': 'bar', x: x(p.date) - bw / 2, y: barTop + barH - h, width: bw, height: h });
        bar.appendChild(svgEl('title', {}, p.date + ': ' + p.stat.mentions + ' ' + unit));
        svg.appendChild(bar);
      });
      svg.appendChild(svgEl('text', { x: L - 6, y: barTop + 10, 'text-anchor': 'end' }, String(maxN)));
      svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: barTop + barH, y2: barTop + barH, 'class': 'axis' }));
      ticks(t0, t1).forEach(function (t) {
        var d = iso(t), px = x(d);
        var anchor = px < L + 40 ? 'start' : px > W - R - 40 ? 'end' : 'middle';
        svg.appendChild(svgEl('text', { x: px, y: H - 4, 'text-anchor': anchor }, d));
      });
      box.appendChild(svg);
      rendered++;
    })();
  }

  function ticks(t0, t1) {   // about six dates, on month starts when the range is long enough
    var out = [], span = t1 - t0;
    if (span > 90 * DAY) {
      var d = new Date(t0); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() + 1);
      var step = Math.max(1, Math.round(span / DAY / 30 / 6));
      for (; d.getTime() <= t1; d.setUTCMonth(d.getUTCMonth() + step)) { out.push(d.getTime()); }
    } else {
      for (var i = 0; i <= 5; i++) { out.push(t0 + Math.round(span * i / 5 / DAY) * DAY); }
    }
    return out;
  }

  // ---- actor x source ------------------------------------------------------------------------------------------
  function heatmap(host, actors) {
    var filtered = !!(state.from || state.to);
    document.getElementById('heatmap-note').textContent = 'Mean score of each actor in each source'
      + (filtered ? ' inside the date range (mentions without a date left out; intervals are given over all dates '
        + 'only, in the cell\'s tooltip when unfiltered).' : ' over all dates, undated mentions included; the '
        + 'tooltip gives the 95% interval over articles.');
    var box = el('div', { 'class': 'chart', 'data-chart': 'heatmap' });
    host.appendChild(box);
    var index = {};
    DATA.actors.forEach(function (a, i) { index[a.actor] = i; });
    var sums = {};                  // "actor|source" -> [mentions, articles, score sum]
    DATA.cells.forEach(function (c) {
      var day = c[2] < 0 ? null : DATA.days[c[2]];
      if (!inRange(day)) { return; }
      var k = c[0] + '|' + c[1], s = sums[k] || (sums[k] = [0, 0, 0]);
      s[0] += c[3]; s[1] += c[4]; s[2] += c[5];
    });
    var all = {};
    DATA.actor_source.forEach(function (c) { all[c.actor + '|' + c.source] = c.stat; });
    var sources = DATA.sources;
    var cw = Math.max(70, Math.min(140, Math.floor(1000 / Math.max(1, sources.length)))), ch = 30, L = 150, T = 46;
    var W = L + cw * sources.length + 10, H = T + ch * actors.length + 10;
    var svg = svgEl('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    svg.appendChild(svgEl('title', {}, 'Mean score per actor and source'));
    sources.forEach(function (s, j) {
      svg.appendChild(svgEl('text', { x: L + j * cw + cw / 2, y: T - 10, 'text-anchor': 'middle' }, sourceName(s)));
    });
    actors.forEach(function (a, i) {
      svg.appendChild(svgEl('text', { x: L - 8, y: T + i * ch + ch / 2 + 4, 'text-anchor': 'end' }, a.name));
      sources.forEach(function (s, j) {
        var v = sums[index[a.actor] + '|' + j];
        var gx = L + j * cw, gy = T + i * ch;
        if (!v || v[0] === 0) {
          svg.appendChild(svgEl('rect', { x: gx + 1, y: gy + 1, width: cw - 2, height: ch - 2, fill: '#fbfbfc',
            stroke: '#eef1f5' }));
          return;
        }
        var mean = v[2] / v[0];
        var r = svgEl('rect', { x: gx + 1, y: gy + 1, width: cw - 2, height: ch - 2, fill: color(mean),
          'data-actor': a.actor, 'data-source': s, 'data-mean': mean.toFixed(4), 'data-mentions': String(v[0]) });
        var stat = all[a.actor + '|' + s];
        r.appendChild(svgEl('title', {}, a.name + ' in ' + sourceName(s) + ': mean ' + signed(mean) + ' over '
          + v[0] + ' mentions in ' + v[1] + ' articles' + (!filtered && stat ? ', 95% interval ' + interval(stat) : '')));
        svg.appendChild(r);
        svg.appendChild(svgEl('text', { 'class': 'cell-label', x: gx + cw / 2, y: gy + ch / 2 + 4,
          fill: Math.abs(mean) > 0.55 ? '#fff' : '#1d2430' }, signed(mean) + ' · ' + v[0]));
      });
    });
    box.appendChild(svg);
    rendered++;
  }

  // ---- evidence ------------------------------------------------------------------------------------------------
  function evidence(host, actors) {
    actors.forEach(function (a) {
      var set = DATA.evidence[a.actor] || { negative: [], positive: [] };
      var box = el('div', { 'class': 'evidence-actor', 'data-actor': a.actor });
      box.appendChild(el('h3', {}, a.name + ' (' + a.actor + ')'));
      var cols = el('div', { 'class': 'evidence-cols' });
      [['most negative', set.negative, 'neg'], ['most positive', set.positive, 'pos']].forEach(function (side) {
        var col = el('div');
        col.appendChild(el('h4', {}, side[0]));
        var shown = side[1].filter(function (e) { return inRange(e.date); }).slice(0, SHOWN_EVIDENCE);
        if (shown.length === 0) { col.appendChild(el('p', { 'class': 'note' }, 'None in this date range.')); }
        shown.forEach(function (e) { col.appendChild(evidenceItem(e, side[2])); });
        cols.appendChild(col);
      });
      box.appendChild(cols);
      host.appendChild(box);
    });
  }

  function evidenceItem(e, cls) {
    var p = el('div', { 'class': 'ev ' + cls });
    p.appendChild(el('span', { 'class': 'score' }, signed(e.score) + ' '));
    var text = el('span', { 'class': 'sentence' });
    if (e.sentence == null) {
      text.appendChild(el('mark', {}, e.mention));
      text.appendChild(el('span', { 'class': 'note' }, ' (mention row: the sentence is not in the input)'));
    } else if (e.highlight_start < 0) {
      text.appendChild(document.createTextNode(e.sentence));
    } else {
      text.appendChild(document.createTextNode(e.sentence.slice(0, e.highlight_start)));
      text.appendChild(el('mark', {}, e.sentence.slice(e.highlight_start, e.highlight_end)));
      text.appendChild(document.createTextNode(e.sentence.slice(e.highlight_end)));
    }
    p.appendChild(text);
    p.appendChild(evidenceMeta(e));
    return p;
  }

  function evidenceMeta(e) {
    var meta = el('div', { 'class': 'meta' });
    meta.appendChild(document.createTextNode((e.date || 'no date') + ' · ' + sourceName(e.source) + ' · '
      + (e.stance ? e.stance + ' · ' : '')));
    if (/^https?:\/\//i.test(e.url)) {    // only web links: never a javascript: or data: URL from the input
      meta.appendChild(el('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank' }, e.article_id));
    } else {
      meta.appendChild(document.createTextNode(e.article_id));
    }
    return meta;
  }

/*DYADS*/

  // ---- wiring ------------------------------------------------------------------------------------------------------
  function render() {
    rendered = 0;
    var actors = selectedActors();
    syncTable();
    ['timeline-charts', 'heatmap', 'evidence-list'].forEach(function (id) {
      document.getElementById(id).textContent = '';
    });
    if (actors.length === 0) {
      document.getElementById('timeline-charts').appendChild(el('p', { 'class': 'note' },
        DATA.actors.length === 0 ? 'No mentions in the input.' : 'No actor ticked.'));
    }
    timeline(document.getElementById('timeline-charts'), actors);
    heatmap(document.getElementById('heatmap'), actors);
    evidence(document.getElementById('evidence-list'), actors);
    var expected = actors.length + 1 + dyads();
    document.body.setAttribute('data-charts-expected', String(expected));
    document.getElementById('filter-note').textContent = state.from || state.to
      ? 'Date range set: mentions and dyads without a date are left out of the charts, the source comparison, '
        + 'the dyads and the evidence.'
      : '';
    document.body.setAttribute('data-charts-rendered', String(rendered));
  }

  function select(n) {
    state.selected = {};
    DATA.actors.slice(0, n).forEach(function (a) { state.selected[a.actor] = true; });
    render();
  }

  header();
  DATA.actors.slice(0, 5).forEach(function (a) { state.selected[a.actor] = true; });
  actorTable();
  document.getElementById('from').addEventListener('change', function (ev) { state.from = ev.target.value; render(); });
  document.getElementById('to').addEventListener('change', function (ev) { state.to = ev.target.value; render(); });
  document.getElementById('granularity').addEventListener('change', function (ev) {
    state.granularity = ev.target.value; render(); });
  document.getElementById('reset').addEventListener('click', function () {
    state.from = state.to = '';
    document.getElementById('from').value = document.getElementById('to').value = '';
    render();
  });
  document.getElementById('select-top').addEventListener('click', function () { select(5); });
  document.getElementById('select-all').addEventListener('click', function () { select(DATA.actors.length); });
  document.getElementById('select-none').addEventListener('click', function () { select(0); });
  render();
})();
