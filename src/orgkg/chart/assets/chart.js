/* orgkg org chart viewer: a collapsible top-down tree drawn in SVG, no libraries.
   Only expanded branches are laid out and drawn, so large organisations stay fast.
   Every string from the data is written with textContent, never as markup. */
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('orgkg-data').textContent);
  var S = DATA.strings, N = DATA.nodes, n = N.length;
  var BOX_W = 200, BOX_H = 74, HGAP = 22, VGAP = 46, STACK_GAP = 10, INDENT = 22, PAD = 40;

  var svg = document.getElementById('chart'), NS = svg.namespaceURI;
  var viewport = document.getElementById('viewport');
  var linkLayer = document.getElementById('links'), nodeLayer = document.getElementById('nodes');
  var panel = document.getElementById('panel'), statusEl = document.getElementById('status');
  var searchEl = document.getElementById('search'), resultsEl = document.getElementById('results');

  function str(i) { return i === undefined || i === null ? null : S[i]; }

  // ---------------------------------------------------------------- the tree
  var kids = [], reports = [], roots = [], byIri = {};
  for (var i = 0; i < n; i++) { kids.push([]); reports.push([]); }
  N.forEach(function (d, i) {
    byIri[d.i] = i;
    if (d.p >= 0) { kids[d.p].push(i); reports[d.p].push(i); } else { roots.push(i); }
    (d.o || []).forEach(function (s) { reports[s].push(i); });
  });
  var open = new Uint8Array(n), shown = [], isShown = new Uint8Array(n);
  var px = new Float64Array(n), py = new Float64Array(n), w = new Float64Array(n);
  var selected = -1, matches = new Set();

  function initialOpen() {
    open.fill(0);
    var level = roots.slice(), count = roots.length;
    while (level.length) {
      var next = [];
      level.forEach(function (i) { next.push.apply(next, kids[i]); });
      if (!next.length || count + next.length > DATA.budget) break;
      level.forEach(function (i) { if (kids[i].length) open[i] = 1; });
      count += next.length; level = next;
    }
  }

  // ---------------------------------------------------------------- layout
  function leafLike(i) { return !open[i] || !kids[i].length; }
  function plan(i) {
    var leaves = [], branches = [];
    kids[i].forEach(function (k) { (leafLike(k) ? leaves : branches).push(k); });
    if (!branches.length) return leaves.length > 2 ? { column: leaves, row: [] } : { column: [], row: leaves };
    if (leaves.length <= 1) return { column: [], row: kids[i] };
    return { column: leaves, row: branches };
  }
  function measure(i) {
    if (leafLike(i)) { w[i] = BOX_W; return BOX_W; }
    var p = plan(i), total = 0;
    p.row.forEach(function (k, j) { total += measure(k) + (j ? HGAP : 0); });
    p.column.forEach(function (k) { w[k] = BOX_W; });
    if (p.column.length) total += (p.row.length ? HGAP : 0) + INDENT + BOX_W;
    w[i] = Math.max(BOX_W, total);
    return w[i];
  }
  function place(i, x, y) {
    shown.push(i); isShown[i] = 1;
    if (leafLike(i)) { px[i] = x; py[i] = y; return; }
    var p = plan(i), cy = y + BOX_H + VGAP;
    if (!p.row.length) {  // a column straight under the box
      px[i] = x; py[i] = y;
      p.column.forEach(function (k, j) { place(k, x + INDENT, y + BOX_H + VGAP / 2 + j * (BOX_H + STACK_GAP)); });
      return;
    }
    var total = 0;
    p.row.forEach(function (k, j) { total += w[k] + (j ? HGAP : 0); });
    if (p.column.length) total += HGAP + INDENT + BOX_W;
    var cx = x + (w[i] - total) / 2, anchors = [];
    if (p.column.length) {
      anchors.push(cx + INDENT / 2);
      p.column.forEach(function (k, j) { place(k, cx + INDENT, cy + j * (BOX_H + STACK_GAP)); });
      cx += INDENT + BOX_W + HGAP;
    }
    p.row.forEach(function (k) { place(k, cx, cy); anchors.push(px[k] + BOX_W / 2); cx += w[k] + HGAP; });
    var mid = (Math.min.apply(null, anchors) + Math.max.apply(null, anchors)) / 2;
    px[i] = Math.min(Math.max(mid - BOX_W / 2, x), x + w[i] - BOX_W); py[i] = y;
  }
  // Charts joined by a second supervisor's line stay side by side: a union-find over the tops.
  var topOf = new Int32Array(n), group = {};
  N.forEach(function (d, i) { topOf[i] = d.p >= 0 ? topOf[d.p] : i; });  // parents come first
  function find(r) { while (group[r] !== undefined && group[r] !== r) r = group[r]; return r; }
  N.forEach(function (d, i) {
    (d.o || []).forEach(function (s) { var a = find(topOf[i]), b = find(topOf[s]); if (a !== b) group[Math.max(a, b)] = Math.min(a, b); });
  });
  var blocks = [], blockOf = {};
  roots.forEach(function (r) {
    var g = find(r);
    if (!(g in blockOf)) { blockOf[g] = blocks.length; blocks.push([]); }
    blocks[blockOf[g]].push(r);
  });

  function layout() {  // each chart laid out alone, then the groups of charts wrapped into rows
    shown = []; isShown.fill(0);
    var laid = blocks.map(function (members) {
      var from = shown.length, x = 0, h = 0;
      members.forEach(function (r) {
        var start = shown.length;
        measure(r); place(r, x, 0);
        for (var j = start; j < shown.length; j++) h = Math.max(h, py[shown[j]] + BOX_H);
        x += w[r] + 2 * HGAP;
      });
      return { from: from, to: shown.length, w: x - 2 * HGAP, h: h };
    });
    var box = svg.getBoundingClientRect(), aspect = box.width / Math.max(box.height, 1) || 1.5;
    var area = 0, widest = 0;
    laid.forEach(function (t) { area += (t.w + 2 * HGAP) * (t.h + 2 * VGAP); widest = Math.max(widest, t.w); });
    var target = Math.max(Math.sqrt(area * aspect), widest), x = 0, y = 0, rowH = 0;
    laid.forEach(function (t) {
      if (x > 0 && x + t.w > target) { x = 0; y += rowH + 2 * VGAP; rowH = 0; }
      for (var j = t.from; j < t.to; j++) { px[shown[j]] += x; py[shown[j]] += y; }
      x += t.w + 3 * HGAP; rowH = Math.max(rowH, t.h);
    });
  }

  // ---------------------------------------------------------------- drawing
  var measureCtx = document.createElement('canvas').getContext('2d');
  var fontFamily = getComputedStyle(document.documentElement).fontFamily;
  var linesCache = {};
  function fit(text, font, width, maxLines) {
    measureCtx.font = font;
    var words = String(text).split(/\s+/).filter(Boolean), lines = [], line = '', j = 0;
    for (; j < words.length; j++) {
      var trial = line ? line + ' ' + words[j] : words[j];
      if (!line || measureCtx.measureText(trial).width <= width) { line = trial; continue; }
      if (lines.length === maxLines - 1) break;
      lines.push(line); line = words[j];
    }
    lines.push(line);
    var last = lines[lines.length - 1];
    if (j < words.length || measureCtx.measureText(last).width > width) {
      while (last.length > 1 && measureCtx.measureText(last + '…').width > width) last = last.slice(0, -1);
      lines[lines.length - 1] = last.replace(/[\s,;:]+$/, '') + '…';
    }
    return lines;
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function subtitle(d) {
    var c = str(d.cc) || str(d.c), parts = [];
    if (c) parts.push(str(d.cc) && str(d.c) && str(d.cc) !== str(d.c) ? str(d.cc) + ' ' + str(d.c) : c);
    if (str(d.l)) parts.push(str(d.l));
    return parts.join(' · ');
  }
  function colour(d) { return d.k >= 0 ? DATA.legend[d.k][1] : '#eeeeee'; }
  function drawNode(i, frag) {
    var d = N[i], cls = 'node ' + (d.m ? 'described' : d.rg ? 'registered' : 'mentioned');
    if (d.f && d.f.some(function (f) { return f[0] === 'Violation'; })) cls += ' violation';
    else if (d.f && d.f.some(function (f) { return f[0] === 'Warning'; })) cls += ' warning';
    if (i === selected) cls += ' selected';
    if (matches.has(i)) cls += ' match';
    var g = el('g', { 'class': cls, transform: 'translate(' + px[i] + ',' + py[i] + ')', 'data-i': i, 'data-iri': d.i }, frag);
    el('title', {}, g).textContent = d.t;
    el('rect', { 'class': 'box', width: BOX_W, height: BOX_H, rx: 7, fill: d.m ? colour(d) : d.rg ? '#eef3f7' : '#ffffff' }, g);
    el('rect', { 'class': 'band', x: 1, y: 1, width: 6, height: BOX_H - 2, rx: 3, fill: d.m ? 'rgba(0,0,0,.18)' : colour(d) }, g);
    var lines = linesCache[i] || (linesCache[i] = fit(d.t, "600 12px " + fontFamily, BOX_W - 26, 3));
    lines.forEach(function (line, j) { el('text', { 'class': 'title', x: 14, y: 19 + j * 15 }, g).textContent = line; });
    var sub = subtitle(d);
    if (sub) el('text', { 'class': 'sub', x: 14, y: BOX_H - 12 }, g).textContent = fit(sub, '10.5px ' + fontFamily, BOX_W - 26, 1)[0];
    else if (!d.m) el('text', { 'class': 'tag', x: 14, y: BOX_H - 12 }, g).textContent = d.rg ? 'registered, not described' : 'mentioned only';
    if (cls.indexOf('violation') >= 0) {
      var b = el('g', { 'class': 'badge', transform: 'translate(' + (BOX_W - 2) + ',2)' }, g);
      el('circle', { r: 9 }, b); el('text', { y: 4 }, b).textContent = '!';
    }
    if (kids[i].length) {
      var t = el('g', { 'class': 'toggle', transform: 'translate(' + (BOX_W / 2) + ',' + (BOX_H + 4) + ')', 'data-toggle': i }, g);
      el('circle', { r: 8.5 }, t);
      el('text', { y: 3.5 }, t).textContent = open[i] ? '−' : '+' + kids[i].length;
    }
  }
  function path(d, cls) { var p = el('path', { d: d }); if (cls) p.setAttribute('class', cls); return p; }
  function drawLinks(frag) {
    shown.forEach(function (i) {
      var d = N[i];
      if (d.p >= 0 && isShown[d.p]) {
        var p = d.p, top = py[p] + BOX_H, x1 = px[p] + BOX_W / 2, ky = py[i] + BOX_H / 2;
        var pl = plan(p);
        if (pl.column.indexOf(i) >= 0) {
          var sx = pl.row.length ? px[i] - INDENT / 2 : px[p] + INDENT / 2;
          var start = pl.row.length ? 'M' + x1 + ',' + top + 'V' + (top + VGAP / 2) + 'H' + sx : 'M' + sx + ',' + top;
          frag.appendChild(path(start + 'V' + ky + 'H' + px[i]));
        } else {
          frag.appendChild(path('M' + x1 + ',' + top + 'V' + (top + VGAP / 2) + 'H' + (px[i] + BOX_W / 2) + 'V' + py[i]));
        }
      }
      (d.o || []).forEach(function (s) {
        if (!isShown[s]) return;
        var x0 = px[s] + BOX_W / 2, y0 = py[s] + BOX_H, x2 = px[i] + BOX_W / 2, y2 = py[i];
        var bend = Math.max(40, Math.abs(y2 - y0) / 2);
        frag.appendChild(path('M' + x0 + ',' + y0 + 'C' + x0 + ',' + (y0 + bend) + ' ' + x2 + ',' + (y2 - bend) + ' ' + x2 + ',' + y2, 'other'));
      });
    });
  }
  function render() {
    layout();
    var links = document.createDocumentFragment(), nodes = document.createDocumentFragment();
    drawLinks(links);
    shown.forEach(function (i) { drawNode(i, nodes); });
    linkLayer.replaceChildren(links); nodeLayer.replaceChildren(nodes);
    statusEl.textContent = n + ' positions · ' + shown.length + ' shown' + (roots.length > 1 ? ' · ' + roots.length + ' charts' : '');
    svg.setAttribute('data-shown', shown.length);
  }

  // ---------------------------------------------------------------- pan and zoom
  var t = { k: 1, x: PAD, y: PAD };
  function apply() { viewport.setAttribute('transform', 'translate(' + t.x + ',' + t.y + ') scale(' + t.k + ')'); }
  function bounds() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (i) { x0 = Math.min(x0, px[i]); y0 = Math.min(y0, py[i]); x1 = Math.max(x1, px[i] + BOX_W); y1 = Math.max(y1, py[i] + BOX_H); });
    return { x0: x0, y0: y0, x1: x1, y1: y1 };
  }
  function fitView() {
    var b = bounds(), r = svg.getBoundingClientRect();
    var below = document.getElementById('legend').offsetHeight + 12;  // keep clear of the legend
    var k = Math.min((r.width - 2 * PAD) / (b.x1 - b.x0), (r.height - PAD - below) / (b.y1 - b.y0 + 12), 1.1);
    t.k = Math.max(k, 0.35);
    t.x = t.k * (b.x1 - b.x0) < r.width - 2 * PAD ? (r.width - t.k * (b.x1 + b.x0)) / 2 : PAD - t.k * b.x0;
    if (t.k > k) {  // too big to fit readably: start at the top of the first chart
      var r0 = roots[0];
      t.x = r.width / 2 - t.k * (px[r0] + BOX_W / 2);
    }
    t.y = PAD - t.k * b.y0;
    apply();
  }
  function zoomAt(factor, cx, cy) {
    var k = Math.min(3, Math.max(0.05, t.k * factor));
    t.x = cx - (cx - t.x) * (k / t.k); t.y = cy - (cy - t.y) * (k / t.k); t.k = k; apply();
  }
  function centreOn(i) {
    var r = svg.getBoundingClientRect();
    if (t.k < 0.6) t.k = 0.9;
    t.x = r.width / 2 - t.k * (px[i] + BOX_W / 2); t.y = r.height / 3 - t.k * (py[i] + BOX_H / 2); apply();
  }
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = svg.getBoundingClientRect();
    zoomAt(Math.exp(-e.deltaY * (e.deltaMode ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.target.closest && e.target.closest('.node')) return;
    drag = { x: e.clientX - t.x, y: e.clientY - t.y }; svg.classList.add('dragging'); svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', function (e) { if (drag) { t.x = e.clientX - drag.x; t.y = e.clientY - drag.y; apply(); } });
  function endDrag() { drag = null; svg.classList.remove('dragging'); }
  svg.addEventListener('pointerup', endDrag); svg.addEventListener('pointercancel', endDrag);

  // ---------------------------------------------------------------- actions
  function toggle(i) { open[i] = open[i] ? 0 : 1; var x = px[i], y = py[i]; render(); t.x += t.k * (x - px[i]); t.y += t.k * (y - py[i]); apply(); }
  function reveal(i) {
    for (var p = N[i].p; p >= 0; p = N[p].p) open[p] = 1;
    render(); centreOn(i); select(i);
  }
  nodeLayer.addEventListener('click', function (e) {
    var tg = e.target.closest('[data-toggle]');
    if (tg) { toggle(+tg.getAttribute('data-toggle')); return; }
    var g = e.target.closest('.node');
    if (g) select(+g.getAttribute('data-i'));
  });
  document.getElementById('expand').addEventListener('click', function () {
    for (var i = 0; i < n; i++) if (kids[i].length) open[i] = 1;
    render(); fitView();
  });
  document.getElementById('collapse').addEventListener('click', function () { initialOpen(); render(); fitView(); });
  document.getElementById('fit').addEventListener('click', fitView);
  function zoomCentre(f) { var r = svg.getBoundingClientRect(); zoomAt(f, r.width / 2, r.height / 2); }
  document.getElementById('zoom-in').addEventListener('click', function () { zoomCentre(1.25); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomCentre(0.8); });

  // ---------------------------------------------------------------- the side panel
  function h(tag, text, cls, parent) {
    var e = document.createElement(tag);
    if (text !== null && text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }
  function link(i, parent) {
    var b = h('button', N[i].t, 'link', parent); b.type = 'button';
    b.addEventListener('click', function () { reveal(i); });
    return b;
  }
  function people(list, parent) {
    var ul = h('ul', null, 'people', parent);
    list.slice(0, 60).forEach(function (k) { link(k, h('li', null, null, ul)); });
    if (list.length > 60) h('li', 'and ' + (list.length - 60) + ' more', null, ul);
    return ul;
  }
  function fact(dl, label, value) {
    if (value === null || value === undefined || value === '') return;
    h('dt', label, null, dl);
    var dd = h('dd', null, null, dl);
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
  }
  function select(i) {
    var old = nodeLayer.querySelector('.node.selected');
    if (old) old.classList.remove('selected');
    selected = i;
    var g = nodeLayer.querySelector('.node[data-i="' + i + '"]');
    if (g) g.classList.add('selected');
    showFacts(i);
  }
  function showFacts(i) {
    var d = N[i], box = document.createDocumentFragment();
    h('h2', d.t, null, box);
    h('span', d.m ? 'Described in ' + str(d.d) : (d.rg ? 'Registered, not described: ' : 'Mentioned only, in ') + str(d.d),
      d.m ? 'kind' : d.rg ? 'kind registered' : 'kind mentioned', box);
    if (d.f && d.f.length) {
      h('h3', 'Validation findings', null, box);
      var ul = h('ul', null, 'findings', box);
      d.f.forEach(function (f) { var li = h('li', null, f[0], ul); h('span', f[0], 'sev', li); li.appendChild(document.createTextNode(f[1])); });
    }
    var dl = h('dl', null, 'facts', box);
    fact(dl, 'Unit', str(d.u));
    fact(dl, 'Class', str(d.cc) && str(d.c) && str(d.cc) !== str(d.c) ? str(d.cc) + ' — ' + str(d.c) : str(d.c) || str(d.cc));
    fact(dl, 'Level', str(d.l));
    fact(dl, 'Series', str(d.s) ? str(d.s) + (d.r ? ' (rank ' + d.r + ')' : '') : d.r ? 'rank ' + d.r : null);
    var sups = (d.p >= 0 ? [d.p] : []).concat(d.o || []);
    if (sups.length) { var sp = document.createElement('div'); sups.forEach(function (s) { link(s, h('div', null, null, sp)); }); fact(dl, sups.length > 1 ? 'Supervisors' : 'Supervisor', sp); }
    else fact(dl, 'Supervisor', 'none stated');
    fact(dl, 'Direct reports', String(reports[i].length));
    fact(dl, 'Head count under', d.h === undefined ? null : String(d.h));
    fact(dl, 'Layer', d.dp === undefined ? null : d.dp === 0 ? 'top' : String(d.dp) + ' below the top');
    fact(dl, (d.ds || []).length > 1 ? 'Documents' : 'Document', (d.ds || [d.d]).map(str).join(', '));
    if (d.a && d.a.length) fact(dl, 'Also titled', d.a.join('; '));
    if (reports[i].length) { h('h3', 'Reports (' + reports[i].length + ')', null, box); people(reports[i], box); }
    if (d.du && d.du.length) {
      h('h3', 'Duties', null, box);
      var ol = h('ol', null, 'duties', box);
      d.du.forEach(function (du) {
        var li = h('li', null, null, ol);
        if (du[1] !== null && du[1] !== undefined) h('span', du[1] + '%', 'share', li);
        li.appendChild(document.createTextNode(' ' + str(du[0])));
        if (du[1] !== null && du[1] !== undefined) { var bar = h('span', null, 'bar', li); h('i', null, null, bar).style.width = Math.min(100, du[1]) + '%'; }
      });
    }
    if (d.ev && d.ev.length) {
      h('h3', 'Where it was read', null, box);
      var el = h('ul', null, 'evidence', box);
      d.ev.forEach(function (e) {
        var li = h('li', null, null, el), field = str(e[0]).replace(/_/g, ' ');
        h('span', field.charAt(0).toUpperCase() + field.slice(1), 'field', li);
        var q = h('q', null, null, li);
        q.appendChild(document.createTextNode(str(e[2])));
        h('mark', str(e[3]), null, q);
        q.appendChild(document.createTextNode(str(e[4])));
      });
    }
    h('div', d.i, 'iri', box);
    panel.replaceChildren(box);
  }

  // ---------------------------------------------------------------- search
  var haystack = N.map(function (d) { return [d.t].concat(d.a || []).join('\n').toLowerCase(); });
  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    for (var i = 0; i < n; i++) if (haystack[i].indexOf(q) >= 0) found.push(i);
    found.sort(function (a, b) { return (haystack[a].indexOf(q) === 0 ? 0 : 1) - (haystack[b].indexOf(q) === 0 ? 0 : 1) || N[a].t.localeCompare(N[b].t); });
    return found;
  }
  var found = [];
  function showResults() {
    found = search(searchEl.value);
    matches = new Set(found.slice(0, 500));
    nodeLayer.querySelectorAll('.node').forEach(function (g) { g.classList.toggle('match', matches.has(+g.getAttribute('data-i'))); });
    resultsEl.replaceChildren();
    if (!searchEl.value.trim()) { resultsEl.hidden = true; return; }
    if (!found.length) h('li', 'No position has that in its title', 'none', resultsEl);
    found.slice(0, 40).forEach(function (i) {
      var li = h('li', N[i].t, null, resultsEl);
      li.setAttribute('data-i', i);
      h('small', [str(N[i].u), str(N[i].d)].filter(Boolean).join(' · '), null, li);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); resultsEl.hidden = true; reveal(i); });
    });
    if (found.length > 40) h('li', (found.length - 40) + ' more: type more of the title', 'none', resultsEl);
    resultsEl.hidden = false;
  }
  var timer = 0;
  searchEl.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(showResults, n > 2000 ? 150 : 0); });
  searchEl.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { clearTimeout(timer); showResults(); if (found.length) { resultsEl.hidden = true; reveal(found[0]); } }
    if (e.key === 'Escape') { searchEl.value = ''; showResults(); }
  });
  searchEl.addEventListener('blur', function () { setTimeout(function () { resultsEl.hidden = true; }, 150); });
  searchEl.addEventListener('focus', function () { if (searchEl.value.trim()) showResults(); });

  // ---------------------------------------------------------------- legend
  (function legend() {
    var box = document.getElementById('legend');
    h('h2', 'Colour: ' + DATA.colourBy, null, box);
    var ul = h('ul', null, null, box);
    DATA.legend.slice(0, 12).forEach(function (e) {
      var li = h('li', null, null, ul);
      h('span', null, 'sw', li).style.background = e[1];
      h('span', e[0] + ' (' + e[2] + ')', null, li);
    });
    if (DATA.legend.length > 12) h('li', '… ' + (DATA.legend.length - 12) + ' more', null, ul);
    if (!DATA.legend.length) h('li', 'not stated', null, ul);
    var keys = h('div', null, 'keys', box);
    [['', 'described'], ['registered', 'registered, not described'], ['mentioned', 'mentioned only'],
     ['violation', 'has a violation'], ['warning', 'has a warning']].forEach(function (k) {
      var s = h('span', null, null, keys); h('span', null, 'sw ' + k[0], s); s.appendChild(document.createTextNode(k[1]));
    });
  })();

  // ---------------------------------------------------------------- start
  initialOpen();
  render();
  fitView();
  window.addEventListener('resize', function () { fitView(); });
  window.orgkgChart = {
    total: n,
    shown: function () { return shown.length; },
    expandAll: function () { document.getElementById('expand').click(); return shown.length; },
    search: function (q) { return search(q).map(function (i) { return N[i].t; }); },
    reveal: function (iri) { if (iri in byIri) reveal(byIri[iri]); return selected; }
  };
  window.orgkgFirstRender = performance.now();
  document.body.setAttribute('data-ready', '1');
})();
