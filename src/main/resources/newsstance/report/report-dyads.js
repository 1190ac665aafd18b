  // ---- dyads (inserted into report.js's scope by ReportPage: uses its el, svgEl, signed, color, timeChart …) -----
  // DATA.dyads is computed in Java (DyadView): per ordered pair A → B its figures over all dates with the 95%
  // interval over articles, daily and weekly points, evidence, and per-day cells that this code sums under a date
  // filter (plain means then; intervals are given over all dates only, as in the source comparison).
  var MATRIX_ACTORS = 12, TABLE_PAIRS = 25;
  var dyadState = { pair: null };   // index into DATA.dyads.pairs of the pair shown in detail

  function dyadFigures() {          // pair index -> figures inside the date range
    var D = DATA.dyads, out = {};
    D.cells.forEach(function (c) {
      if (!inRange(c[1] < 0 ? null : D.days[c[1]])) { return; }
      var f = out[c[0]] || (out[c[0]] = { n: 0, articles: 0, sum: 0, neg: 0, neu: 0, pos: 0 });
      f.n += c[2]; f.articles += c[3]; f.sum += c[4]; f.neg += c[5]; f.neu += c[6]; f.pos += c[7];
    });
    return out;
  }

  function pairShown(p) {           // the actor filter: a ticked actor at either end (no filter without actors)
    return DATA.actors.length === 0 || !!(state.selected[p.source] || state.selected[p.target]);
  }

  function dyadName(id) {
    var a = DATA.dyads.actors.filter(function (x) { return x.actor === id; })[0];
    return a ? a.name : id;
  }

  // Draws the dyad section; returns how many charts it draws (counted into data-charts-expected).
  function dyads() {
    var D = DATA.dyads, section = document.getElementById('dyads'), host = document.getElementById('dyad-view');
    var note = document.getElementById('dyad-note');
    host.textContent = '';
    if (D.totals.dyads === 0) {
      section.setAttribute('data-status', 'empty');
      note.textContent = '';
      host.appendChild(el('p', { 'class': 'empty' },
        'No dyads in the input (the model has no dyad head, or no sentence had two actors).'));
      return 0;
    }
    section.setAttribute('data-status', 'ok');
    var figs = dyadFigures(), filtered = !!(state.from || state.to);
    var visible = [];
    D.pairs.forEach(function (p, i) {
      var f = figs[i];
      if (f && f.n > 0 && pairShown(p)) { visible.push({ p: p, i: i, f: f, mean: f.sum / f.n }); }
    });
    visible.sort(function (a, b) { return b.f.n - a.f.n || a.i - b.i; });
    note.textContent = fmt(D.totals.dyads) + ' dyads of ' + fmt(D.totals.pairs) + ' ordered pairs in '
      + fmt(D.totals.articles) + ' articles' + (D.totals.undated_dyads > 0 ? ' (' + fmt(D.totals.undated_dyads)
      + ' without a date: in the figures over all dates, on no time chart)' : '') + '; '
      + fmt(visible.length) + ' pairs shown' + (DATA.actors.length > 0 ? ' (a ticked actor at either end)' : '')
      + (filtered ? ', figures inside the date range' : ', over all dates') + '.'
      + (D.pairs_left_out > 0 ? ' ' + fmt(D.pairs_left_out) + ' rarer pairs are not in this page.' : '')
      + (D.totals.articles_from_summaries > 0 ? ' ' + fmt(D.totals.articles_from_summaries) + ' articles gave '
        + 'their dyads only through article rows (no offsets to mark).' : '');
    if (visible.length === 0) {
      host.appendChild(el('p', { 'class': 'note' }, 'No dyad of the ticked actors in this date range.'));
      return 0;
    }
    if (!visible.some(function (x) { return x.i === dyadState.pair; })) { dyadState.pair = visible[0].i; }
    dyadMatrix(host, visible);
    dyadTable(host, visible.slice(0, TABLE_PAIRS), filtered);
    dyadDetail(host, D.pairs[dyadState.pair]);
    return 2;
  }

  function pick(i) { dyadState.pair = i; render(); }

  function dyadMatrix(host, visible) {
    var weight = {}, byKey = {};
    visible.forEach(function (x) {
      weight[x.p.source] = (weight[x.p.source] || 0) + x.f.n;
      weight[x.p.target] = (weight[x.p.target] || 0) + x.f.n;
      byKey[x.p.source + '>' + x.p.target] = x;
    });
    var actors = Object.keys(weight).sort(function (a, b) { return weight[b] - weight[a] || (a < b ? -1 : 1); })
      .slice(0, MATRIX_ACTORS);
    var box = el('div', { 'class': 'chart', 'data-chart': 'dyad-matrix' });
    box.appendChild(el('h3', {}, 'Source actor (row) → target actor (column): mean score and sentences'));
    host.appendChild(box);
    var cw = 74, ch = 30, L = 150, T = 96, W = L + cw * actors.length + 10, H = T + ch * actors.length + 10;
    var svg = svgEl('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    svg.appendChild(svgEl('title', {}, 'Mean stance of each row actor toward each column actor'));
    actors.forEach(function (b, j) {
      var x = L + j * cw + cw / 2, y = T - 8;
      svg.appendChild(svgEl('text', { x: x, y: y, transform: 'rotate(-35 ' + x + ' ' + y + ')' }, dyadName(b)));
    });
    actors.forEach(function (a, i) {
      svg.appendChild(svgEl('text', { x: L - 8, y: T + i * ch + ch / 2 + 4, 'text-anchor': 'end' }, dyadName(a)));
      actors.forEach(function (b, j) {
        var gx = L + j * cw, gy = T + i * ch, x = byKey[a + '>' + b];
        if (a === b || !x) {
          svg.appendChild(svgEl('rect', { x: gx + 1, y: gy + 1, width: cw - 2, height: ch - 2,
            'class': a === b ? 'diagonal' : 'no-dyad' }));
          return;
        }
        var r = svgEl('rect', { x: gx + 1, y: gy + 1, width: cw - 2, height: ch - 2, fill: color(x.mean),
          'class': 'dyad-cell' + (x.i === dyadState.pair ? ' picked' : ''), 'data-source': a, 'data-target': b,
          'data-mean': x.mean.toFixed(4), 'data-dyads': String(x.f.n) });
        r.appendChild(svgEl('title', {}, dyadName(a) + ' → ' + dyadName(b) + ': mean ' + signed(x.mean) + ' over '
          + x.f.n + ' sentences in ' + x.f.articles + ' articles (' + x.f.neg + ' negative, ' + x.f.neu
          + ' neutral, ' + x.f.pos + ' positive)'));
        r.addEventListener('click', function () { pick(x.i); });
        svg.appendChild(r);
        var label = svgEl('text', { 'class': 'cell-label', x: gx + cw / 2, y: gy + ch / 2 + 4,
          fill: Math.abs(x.mean) > 0.55 ? '#fff' : '#1d2430' }, signed(x.mean) + ' · ' + x.f.n);
        label.addEventListener('click', function () { pick(x.i); });
        svg.appendChild(label);
      });
    });
    box.appendChild(svg);
    rendered++;
  }

  function dyadTable(host, rows, filtered) {
    host.appendChild(el('h3', {}, 'Top pairs'));
    var table = el('table', { id: 'dyad-table' });
    var head = el('tr');
    ['source → target', 'sentences', 'articles', 'neg', 'neu', 'pos', 'mean', '95% interval'].forEach(function (h, i) {
      head.appendChild(el('th', { 'class': i === 0 ? 'text' : '' }, h));
    });
    table.appendChild(head);
    rows.forEach(function (x) {
      var tr = el('tr', { 'class': 'pair' + (x.i === dyadState.pair ? ' selected' : ''), 'data-source': x.p.source,
        'data-target': x.p.target });
      tr.appendChild(el('td', { 'class': 'text' }, x.p.source_name + ' → ' + x.p.target_name));
      [fmt(x.f.n), fmt(x.f.articles), fmt(x.f.neg), fmt(x.f.neu), fmt(x.f.pos)].forEach(function (v) {
        tr.appendChild(el('td', {}, v));
      });
      tr.appendChild(el('td', { 'class': 'score' }, signed(x.mean)));
      tr.appendChild(el('td', {}, filtered ? 'all dates: ' + interval(x.p.stat) : interval(x.p.stat)));
      tr.addEventListener('click', function () { pick(x.i); });
      table.appendChild(tr);
    });
    host.appendChild(table);
  }

  function dyadDetail(host, p) {
    var box = el('div', { 'class': 'dyad-detail', 'data-source': p.source, 'data-target': p.target });
    box.appendChild(el('h3', {}, p.source_name + ' → ' + p.target_name + ' (' + p.source + ' → ' + p.target
      + '): mean ' + signed(p.stat.mean) + ' ' + interval(p.stat) + ' over all dates'));
    var chart = el('div', { 'class': 'chart', 'data-chart': 'dyad-timeline' });
    box.appendChild(chart);
    host.appendChild(box);
    var weekly = state.granularity === 'weekly' || p.daily == null;
    if (!weekly || state.granularity === 'weekly') {
      timeChart(chart, p.source_name + ' → ' + p.target_name, weekly ? p.weekly : p.daily,
        DATA.dyads.totals.first_date, DATA.dyads.totals.last_date, 'sentences');
    } else {                      // daily asked for, but only weekly points are in the page for this pair
      chart.appendChild(el('p', { 'class': 'note' }, 'By week: daily points are in the page for the most '
        + 'frequent pairs only.'));
      var saved = state.granularity;
      state.granularity = 'weekly';
      timeChart(chart, p.source_name + ' → ' + p.target_name, p.weekly, DATA.dyads.totals.first_date,
        DATA.dyads.totals.last_date, 'sentences');
      state.granularity = saved;
    }
    var cols = el('div', { 'class': 'evidence-cols' });
    [['most negative', p.negative, 'neg'], ['most positive', p.positive, 'pos']].forEach(function (side) {
      var col = el('div');
      col.appendChild(el('h4', {}, side[0]));
      var shown = side[1].filter(function (e) { return inRange(e.date); }).slice(0, SHOWN_EVIDENCE);
      if (shown.length === 0) { col.appendChild(el('p', { 'class': 'note' }, 'None in this date range.')); }
      shown.forEach(function (e) { col.appendChild(dyadEvidence(e, side[2])); });
      cols.appendChild(col);
    });
    box.appendChild(cols);
  }

  function dyadEvidence(e, cls) {
    var p = el('div', { 'class': 'ev ' + cls });
    p.appendChild(el('span', { 'class': 'score' }, signed(e.score) + ' '));
    var text = el('span', { 'class': 'sentence' });
    if (e.sentence == null) {
      text.appendChild(el('mark', { 'class': 'src' }, e.source_text));
      text.appendChild(document.createTextNode(' → '));
      text.appendChild(el('mark', { 'class': 'tgt' }, e.target_text));
      text.appendChild(el('span', { 'class': 'note' }, ' (dyad row: the sentence is not in the input)'));
    } else {
      var marks = [[e.source_start, e.source_end, 'src'], [e.target_start, e.target_end, 'tgt']]
        .filter(function (m) { return m[0] >= 0; }).sort(function (a, b) { return a[0] - b[0]; });
      if (marks.length === 2 && marks[1][0] < marks[0][1]) { marks = [marks[0]]; }   // overlapping: mark one
      var at = 0;
      marks.forEach(function (m) {
        text.appendChild(document.createTextNode(e.sentence.slice(at, m[0])));
        text.appendChild(el('mark', { 'class': m[2] }, e.sentence.slice(m[0], m[1])));
        at = m[1];
      });
      text.appendChild(document.createTextNode(e.sentence.slice(at)));
    }
    p.appendChild(text);
    p.appendChild(evidenceMeta(e));
    return p;
  }
