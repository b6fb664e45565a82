"use strict";
// kg's view: the page's own script. Document text is only ever put on the page with
// textContent: it is shown, never parsed. Names are data, never keys of plain objects: vis-network
// keeps its nodes in plain objects keyed by id, where "constructor" or "__proto__" would find
// Object's own properties, so every id it sees starts with "#", which no such property does;
// the page's own tables are Maps and Sets.
const DATA = JSON.parse(document.getElementById("kg-data").textContent);
const INFO = DATA.info;
const $ = id => document.getElementById(id);
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
const visId = id => "#" + id, kgId = v => String(v).slice(1);
const own = (o, k) => Object.hasOwn(o, k) ? o[k] : undefined;
const fmt = x => x.toLocaleString("en");
window.kgVisId = visId; window.kgId = kgId;

// -- the data, indexed ------------------------------------------------------------------------
const DOCS = DATA.docs;
const docIndex = new Map(DOCS.map((d, i) => [d.id, i]));
const docNos = ids => ids.map(id => docIndex.get(id)).filter(i => i !== undefined);
function docName(id) {
  const i = docIndex.get(id), d = i === undefined ? null : DOCS[i];
  if (!d) return id;
  const name = d.title || d.source;
  return (name ? name + " (" + d.id + ")" : d.id) + (d.date ? ", " + d.date : "");
}
const byId = new Map(DATA.nodes.map(n => [n.id, n]));
for (const n of DATA.nodes) n.docNos = docNos(n.documents);
for (const e of DATA.edges) e.docNos = docNos(e.docs);
const ranked = DATA.nodes.slice().sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1));
const adjacent = new Map(DATA.nodes.map(n => [n.id, []]));  // node id -> its facts
for (const e of DATA.edges) {
  adjacent.get(e.from).push(e);
  if (e.to !== e.from) adjacent.get(e.to).push(e);
}
const other = (e, id) => e.from === id ? e.to : e.from;

// -- what the filters keep ----------------------------------------------------------------------
const confs = DATA.edges.map(e => e.confidence).filter(c => c !== null && c !== undefined);
// The slider starts at kg's threshold, so candidates are hidden, or lower where the graph
// asserts facts below it (a graph made elsewhere): every asserted fact is drawn at first.
const asserted = DATA.edges.filter(e => !e.candidate && e.confidence !== null && e.confidence !== undefined);
const state = {
  conf: asserted.reduce((m, e) => Math.min(m, e.confidence),
                        DATA.threshold !== null && DATA.threshold !== undefined ? DATA.threshold : 0),
  source: "", doc: "", from: "", to: "", colour: "type", query: "",
  isolated: INFO.related_nodes === 0,  // a graph without relations shows its entities
  types: new Set(DATA.types), preds: new Set(DATA.predicates),
};
const expanded = new Set();  // nodes whose neighbours are drawn though the cap cut them
let docOk = null;            // per document: kept by the document, source and date filters
let edgeOk = new Set(), drawn = new Set(), visibleCount = 0, capped = 0, hits = [];

function byDocuments() { return state.source !== "" || state.doc !== "" || state.from || state.to; }
function keepDocument(d) {
  if (state.doc !== "" && d.id !== state.doc) return false;
  if (state.source !== "") {
    const [kind, value] = [state.source.slice(0, 1), state.source.slice(2)];
    if ((kind === "s" ? d.site : d.folder) !== value) return false;
  }
  if (state.from && !(d.date && d.date >= state.from)) return false;
  if (state.to && !(d.date && d.date <= state.to)) return false;
  return true;
}
function keepEdge(e) {
  if (!state.preds.has(e.predicate)) return false;
  if (e.confidence !== null && e.confidence !== undefined && e.confidence < state.conf) return false;
  if (!state.types.has(byId.get(e.from).kgType) || !state.types.has(byId.get(e.to).kgType)) return false;
  return !docOk || e.docNos.some(i => docOk[i]);
}
function matches(n) {
  const q = state.query.toLowerCase();
  return n.label.toLowerCase().includes(q) || n.aliases.some(a => a.toLowerCase().includes(q));
}
// Which facts pass the filters, which entities are left, and which of those are drawn: the
// most important up to the cap, then the neighbours of expanded nodes and the search's hits.
function recompute() {
  docOk = byDocuments() ? DOCS.map(keepDocument) : null;
  edgeOk = new Set(DATA.edges.filter(keepEdge).map(e => e.id));
  const related = new Set();
  for (const e of DATA.edges) if (edgeOk.has(e.id) && e.from !== e.to) { related.add(e.from); related.add(e.to); }
  const inDocs = n => !docOk || n.docNos.some(i => docOk[i]);
  const visible = ranked.filter(n => state.types.has(n.kgType) && related.has(n.id));
  visibleCount = visible.length;
  drawn = new Set();
  let ties = 0;
  for (const n of visible) {  // in order of importance, until a limit would be passed
    let k = 0;
    for (const e of adjacent.get(n.id)) if (edgeOk.has(e.id) && (e.from === e.to || drawn.has(other(e, n.id)))) k++;
    if (drawn.size >= INFO.max_nodes || (drawn.size && ties + k > INFO.max_edges)) break;
    drawn.add(n.id); ties += k;
  }
  capped = drawn.size;
  // entities without relations, when shown, come on top of the cap (they add no relation
  // to draw), the most important first, up to as many again
  const lone = ranked.filter(n => state.types.has(n.kgType) && !related.has(n.id) && inDocs(n));
  $("isolatedn").textContent = fmt(lone.length);
  if (state.isolated) for (const n of lone.slice(0, INFO.max_nodes)) drawn.add(n.id);
  const keep = new Set(drawn);
  for (const n of visible) keep.add(n.id);
  for (const id of expanded) {
    if (!keep.has(id)) continue;
    drawn.add(id);
    for (const e of adjacent.get(id)) if (edgeOk.has(e.id)) drawn.add(other(e, id));
  }
  hits = state.query ? DATA.nodes.filter(n => state.types.has(n.kgType) && matches(n)) : [];
  for (const n of hits) drawn.add(n.id);
}

// -- the drawing -------------------------------------------------------------------------------
// Tooltips are built on first hover: thousands of DOM titles up front slow vis-network down.
const nodes = new vis.DataSet(DATA.nodes.map(n => Object.assign({}, n, {id: visId(n.id)})));
const edges = new vis.DataSet(DATA.edges.map(
  e => Object.assign({}, e, {from: visId(e.from), to: visId(e.to)})));
recompute();
const nodeView = new vis.DataView(nodes, {filter: n => drawn.has(kgId(n.id))});
const edgeView = new vis.DataView(edges, {
  filter: e => edgeOk.has(e.id) && drawn.has(kgId(e.from)) && drawn.has(kgId(e.to))});
const network = new vis.Network($("graph"), {nodes: nodeView, edges: edgeView}, DATA.options);

function stats() {
  $("stats").textContent = fmt(drawn.size) + " nodes, " + fmt(edgeView.length) + " relations drawn";
  const box = $("notice"), cut = visibleCount > capped;
  box.hidden = !cut && INFO.page_nodes === INFO.total_nodes;
  box.textContent = "";
  if (cut) box.textContent = "Large graph: showing the " + fmt(capped) + " most important of " +
    fmt(visibleCount) + " nodes (by PageRank) that the filters keep. The limit is " +
    fmt(INFO.max_nodes) + " nodes and " + fmt(INFO.max_edges) + " relations among them " +
    "(max_nodes and max_edges, or kg view --max-nodes); click a node and " +
    "\u201cExpand neighbours\u201d to bring back those cut around it.";
  if (INFO.page_nodes < INFO.total_nodes) box.textContent += " This page holds the " +
    fmt(INFO.page_nodes) + " most important of the graph's " + fmt(INFO.total_nodes) + " nodes.";
}
function refresh() {
  recompute();
  nodeView.refresh(); edgeView.refresh();
  stats();
  const ids = hits.map(n => visId(n.id));
  network.selectNodes(ids);
  $("hits").textContent = state.query ?
    (ids.length ? ids.length + " match" + (ids.length > 1 ? "es" : "") : "no match") : "";
  if (ids.length) network.fit({nodes: ids, animation: false, maxZoomLevel: 1.5});
  if (selected !== null) showEntity(selected);
}
stats();

// -- controls ------------------------------------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";
function glyph(shape, color) {
  const s = document.createElementNS(SVG, "svg");
  s.setAttribute("width", "14"); s.setAttribute("height", "14"); s.setAttribute("viewBox", "0 0 14 14");
  const poly = {
    triangle: "7,1 13,13 1,13", triangleDown: "1,1 13,1 7,13", diamond: "7,0 14,7 7,14 0,7",
    star: "7,0 8.8,5 14,5 9.8,8.2 11.3,13.5 7,10.3 2.7,13.5 4.2,8.2 0,5 5.2,5",
    hexagon: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7",
  }[shape];
  let p;
  if (poly) { p = document.createElementNS(SVG, "polygon"); p.setAttribute("points", poly); }
  else if (shape === "square" || shape === "box") {
    p = document.createElementNS(SVG, "rect");
    p.setAttribute("x", "1"); p.setAttribute("y", shape === "box" ? "3" : "1");
    p.setAttribute("width", "12"); p.setAttribute("height", shape === "box" ? "8" : "12");
  } else {
    p = document.createElementNS(SVG, "circle");
    p.setAttribute("cx", "7"); p.setAttribute("cy", "7"); p.setAttribute("r", "6");
  }
  p.setAttribute("fill", color);
  s.appendChild(p);
  return s;
}
const count = (xs, key) => xs.reduce((m, x) => m.set(x[key], (m.get(x[key]) || 0) + 1), new Map());
const typeCount = count(DATA.nodes, "kgType"), predCount = count(DATA.edges, "predicate");
function checkbox(box, value, set, n, shape, color) {
  const l = el("label");
  const c = document.createElement("input");
  c.type = "checkbox"; c.checked = true; c.value = value;
  c.addEventListener("change", () => { c.checked ? set.add(value) : set.delete(value); refresh(); });
  l.appendChild(c);
  if (shape) l.appendChild(glyph(shape, color));
  l.appendChild(el("span", value));
  l.appendChild(el("span", n, "n"));
  box.appendChild(l);
}
DATA.types.forEach(t => checkbox($("types"), t, state.types, typeCount.get(t),
                                 own(DATA.shapes, t) || "dot", own(DATA.colors, t) || DATA.colors.Other));
DATA.predicates.forEach(p => checkbox($("preds"), p, state.preds, predCount.get(p)));

// confidence: facts below kg's threshold are candidates, hidden until the slider goes lower
const slider = $("conf");
slider.min = String(Math.min(state.conf, Math.floor(confs.reduce((a, b) => Math.min(a, b), 1) * 100) / 100));
slider.value = String(state.conf);
function confNote() {
  $("confval").textContent = Number(state.conf).toFixed(2);
  const below = DATA.edges.filter(e => e.candidate && e.confidence >= state.conf).length;
  const all = DATA.edges.filter(e => e.candidate).length;
  $("confnote").textContent = (DATA.threshold !== null ? "kg asserts facts from " +
    DATA.threshold.toFixed(2) + "; " : "") + (all ? fmt(below) + " of " + fmt(all) +
    " candidate facts shown" : "no candidate facts");
}
slider.addEventListener("input", () => { state.conf = Number(slider.value); confNote(); refresh(); });
confNote();

function option(select, value, text) {
  const o = document.createElement("option");
  o.value = value; o.textContent = text;
  select.appendChild(o);
}
const sites = count(DOCS.filter(d => d.site), "site"), folders = count(DOCS.filter(d => d.folder), "folder");
option($("source"), "", "All sources");
for (const [prefix, what, m] of [["s", "site", sites], ["f", "folder", folders]])
  for (const [v, n] of [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    option($("source"), prefix + ":" + v, what + ": " + v + " (" + fmt(n) + ")");
$("sourcebox").hidden = sites.size + folders.size < 2;
option($("doc"), "", "All documents (" + fmt(DOCS.length) + ")");
for (const d of DOCS) option($("doc"), d.id, (d.date ? d.date + " \u00b7 " : "") + (d.title || d.source || d.id));
// a narrower set of documents draws a smaller graph somewhere else: frame it
const refit = () => { if (drawn.size) network.fit({animation: false, maxZoomLevel: 1.5}); };
for (const id of ["source", "doc"])
  $(id).addEventListener("change", ev => { state[id] = ev.target.value; refresh(); refit(); });
// the days documents were published (a select, not a date input: Chromium's draws its icon
// from a data: URL, and the page makes no request but itself)
const dates = [...new Set(DOCS.map(d => d.date).filter(Boolean))].sort();
for (const id of ["from", "to"]) {
  option($(id), "", id === "from" ? "the first" : "the last");
  for (const d of dates) option($(id), d, d);
  $(id).addEventListener("change", ev => { state[id] = ev.target.value; refresh(); refit(); });
}
$("datenote").textContent = dates.length ? "Published " + dates[0] + " to " + dates[dates.length - 1] +
  "; a fact counts on the days of the documents it was read in." : "No document carries a date.";
$("isolated").checked = state.isolated;
$("isolated").addEventListener("change", ev => { state.isolated = ev.target.checked; refresh(); });
$("search").addEventListener("input", ev => { state.query = ev.target.value.trim(); refresh(); });

// colour by entity type or by Louvain community
for (const c of DATA.communities) {
  const l = el("label");
  l.appendChild(glyph("dot", c.color));
  l.appendChild(el("span", c.label + " and others"));
  l.appendChild(el("span", c.size, "n"));
  $("communities").appendChild(l);
}
for (const radio of document.querySelectorAll("input[name=colour]")) radio.addEventListener("change", () => {
  state.colour = radio.value;
  $("communities").hidden = state.colour !== "community";
  nodes.update(DATA.nodes.map(n => ({
    id: visId(n.id), color: state.colour === "community" ? n.communityColor : n.typeColor})));
});

// -- tooltips and the entity panel -------------------------------------------------------------
function nodeTip(n) {
  const d = el("div", undefined, "tip");
  d.appendChild(el("b", n.label));
  d.appendChild(el("div", "Type: " + n.kgType));
  if (n.aliases.length) d.appendChild(el("div", "Also known as: " + n.aliases.join(", ")));
  if (n.documents.length) d.appendChild(el("div", "Documents: " + n.documents.slice(0, 5).map(docName).join("; ") +
    (n.documents.length > 5 ? "; and " + (n.documents.length - 5) + " more" : "")));
  if (n.mentions) d.appendChild(el("div", "Mentions: " + n.mentions));
  return d;
}
function factLine(e) {
  const from = byId.get(e.from), to = byId.get(e.to);
  return (from ? from.label : e.from) + " \u2192 " + e.predicate + " \u2192 " + (to ? to.label : e.to);
}
function evidence(d, e) {
  for (const ev of e.evidence) {
    d.appendChild(el("div", "\u201c" + ev.sentence + "\u201d", "ev"));
    if (ev.doc) d.appendChild(el("div", "\u2014 " + docName(ev.doc), "src"));
  }
  if (e.moreEvidence) d.appendChild(el("div", "and " + e.moreEvidence + " more sentence(s)", "src"));
}
function edgeTip(e) {
  const d = el("div", undefined, "tip");
  d.appendChild(el("b", factLine(e)));
  if (e.candidate) d.appendChild(el("div", "Candidate: below kg's threshold, not asserted"));
  if (e.wikidata) d.appendChild(el("div", "Wikidata: " + e.wikidata));
  if (e.confidence !== null && e.confidence !== undefined) d.appendChild(el("div", "Confidence: " + e.confidence));
  evidence(d, e);
  return d;
}
function section(box, title, items, limit, make) {
  box.appendChild(el("h2", title + " (" + fmt(items.length) + ")"));
  const ul = el("ul");
  for (const x of items.slice(0, limit)) ul.appendChild(make(x));
  box.appendChild(ul);
  if (items.length > limit) box.appendChild(el("div", "and " + fmt(items.length - limit) + " more", "note"));
}
let selected = null;
// The entity panel: what it is, its facts with their evidence, its quotes and its documents.
function showEntity(id) {
  selected = id;
  const n = byId.get(id), box = $("details");
  box.textContent = "";
  box.appendChild(el("h3", n.label));
  box.appendChild(el("div", "Type: " + n.kgType + (n.mentions ? ", " + fmt(n.mentions) + " mentions" : "")));
  if (n.aliases.length) box.appendChild(el("div", "Also known as: " + n.aliases.join(", ")));
  const facts = adjacent.get(id), shown = facts.filter(e => edgeOk.has(e.id));
  const cut = new Set(shown.map(e => other(e, id)).filter(v => !drawn.has(v)));
  const b = el("button", cut.size ? "Expand neighbours (" + fmt(cut.size) + " not drawn)" : "All neighbours drawn");
  b.id = "expand"; b.disabled = !cut.size;
  b.addEventListener("click", () => expand(id));
  box.appendChild(b);
  shown.sort((a, b) => (b.confidence || 0) - (a.confidence || 0));
  section(box, "Facts", shown, 40, e => {
    const li = el("li", undefined, e.candidate ? "cand" : "");
    li.appendChild(el("b", factLine(e) + (e.confidence !== null ? " (" + e.confidence + ")" : "")));
    evidence(li, e);
    return li;
  });
  if (facts.length > shown.length)
    box.appendChild(el("div", fmt(facts.length - shown.length) + " more facts hidden by the filters", "note"));
  if (n.quotes && n.quotes.length) section(box, "Quotes", n.quotes, 20, q => {
    const li = el("li", (q.direct ? "\u201c" + q.text + "\u201d" : q.text + " (reported)"));
    if (q.doc) li.appendChild(el("div", "\u2014 " + docName(q.doc), "src"));
    return li;
  });
  section(box, "Documents", n.documents.map(docName).sort(), 30, x => el("li", x));
}
function expand(id) {
  expanded.add(id);
  refresh();
  window.kgExpanded = (window.kgExpanded || 0) + 1;
}
network.on("click", p => {
  const box = $("details");
  if (p.nodes.length) { showEntity(kgId(p.nodes[0])); return; }
  selected = null;
  box.textContent = "";
  if (p.edges.length) box.appendChild(edgeTip(edges.get(p.edges[0])));
  else box.textContent = "Click a node or an edge.";
});
network.on("doubleClick", p => { if (p.nodes.length) expand(kgId(p.nodes[0])); });
const tippedNodes = new Set(), tippedEdges = new Set();
network.on("hoverNode", p => {
  if (tippedNodes.has(p.node)) return;
  tippedNodes.add(p.node);
  nodes.update({id: p.node, title: nodeTip(byId.get(kgId(p.node)))});
});
network.on("hoverEdge", p => {
  if (tippedEdges.has(p.edge)) return;
  tippedEdges.add(p.edge);
  edges.update({id: p.edge, title: edgeTip(edges.get(p.edge))});
});

function ready() { document.body.dataset.ready = "true"; }
if (!DATA.nodes.length) {
  $("details").textContent = "The graph is empty: nothing to draw.";
  ready();
} else if (DATA.options.physics.enabled) {
  // settle within a bounded number of iterations, then stop for good
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({physics: {enabled: false}});
    ready();
  });
} else {
  network.once("afterDrawing", ready);
}
window.kgNetwork = network;
