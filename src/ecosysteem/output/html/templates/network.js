"use strict";
// The ecosystem network: positions from Python, physics off; filters, colour/size switches and search work on
// the DataSet, so nothing is laid out again in the browser.

const ezNodesData = new vis.DataSet(ezPrepare(EZ.nodes, (n) => Object.assign(n, { fullLabel: n.label })));
const ezEdgesData = new vis.DataSet(EZ.edges);
const ezFilters = { network: "", level: "", otype: "", line: "" };

function ezPasses(n) {
  if (ezFilters.network && n.id !== ezFilters.network && !(n.nets || []).includes(ezFilters.network)) return false;
  // Level applies to agents; type and line of care to organisations: the rest stays as context.
  if (ezFilters.level && n.kind !== "activity" && n.level !== ezFilters.level) return false;
  if (n.kind === "organisation") {
    if (ezFilters.otype && n.otype !== ezFilters.otype) return false;
    if (ezFilters.line && n.line !== ezFilters.line) return false;
  }
  return true;
}

const ezView = new vis.DataView(ezNodesData, { filter: ezPasses });
const ezNetwork = new vis.Network(
  document.getElementById("graph"),
  { nodes: ezView, edges: ezEdgesData },
  {
    physics: false,
    layout: { randomSeed: 1, improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: EZ.large, hideEdgesOnZoom: EZ.large },
    nodes: { shape: "dot", font: { size: 13, face: "DejaVu Sans, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, color: { color: "#9fb0c0", opacity: 0.6 }, width: 1, scaling: { min: 1, max: 8 } },
  },
);

// Labels: a constant size on screen, and only as many as fit without overlapping — consortia first, then
// networks, then organisations, then the rest by size. The others show on hover (tooltip) and when searched.
const EZ_LABEL_PX = 12;
const ezMeasure = document.createElement("canvas").getContext("2d");
ezMeasure.font = EZ_LABEL_PX + "px 'DejaVu Sans', sans-serif";
let ezPinned = new Set();

function ezLabelBox(n, p, scale, label) {
  const lines = String(label).split("\n");
  const w = Math.max(...lines.map((l) => ezMeasure.measureText(l).width)) / scale;
  const h = (lines.length * EZ_LABEL_PX * 1.25) / scale;
  const top = p.y + (n.size || 10) + 2 / scale;
  return { x0: p.x - w / 2, x1: p.x + w / 2, y0: top, y1: top + h };
}

function ezOverlaps(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function ezDeclutter() {
  const scale = ezNetwork.getScale();
  const ids = ezView.getIds();
  const pos = ezNetwork.getPositions(ids);
  const nodes = ezNodesData.get(ids).sort((a, b) =>
    (ezPinned.has(b.id) - ezPinned.has(a.id)) || (b.prio - a.prio) || ((b.size || 0) - (a.size || 0))
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept = [];
  const updates = [];
  for (const n of nodes) {
    const box = ezLabelBox(n, pos[n.id], scale, n.fullLabel);
    const show = n.fullLabel !== "" && !kept.some((k) => ezOverlaps(k, box));
    if (show) kept.push(box);
    updates.push({ id: n.id, label: show ? n.fullLabel : "", font: { size: EZ_LABEL_PX / scale } });
  }
  ezNodesData.update(updates);
}

function ezRefit() {
  ezNetwork.fit({ nodes: ezView.getIds(), animation: false });
  ezDeclutter();
}

for (const select of document.querySelectorAll("select[data-filter]")) {
  select.addEventListener("change", () => {
    ezFilters[select.dataset.filter] = select.value;
    ezView.refresh();
    ezRefit();
  });
}
ezNetwork.on("zoom", ezDeclutter);

function ezRestyle() {
  const colourBy = document.getElementById("colour-by").value;
  const sizeBy = document.getElementById("size-by").value;
  ezNodesData.update(ezNodesData.get().map((n) => ({
    id: n.id,
    color: colourBy === "level" ? n.c_level : n.c_kind,
    size: sizeBy === "betweenness" ? n.s_betweenness : n.s_degree,
  })));
  document.getElementById("legend-kind").hidden = colourBy !== "kind";
  document.getElementById("legend-level").hidden = colourBy !== "level";
}
document.getElementById("colour-by").addEventListener("change", ezRestyle);
document.getElementById("size-by").addEventListener("change", ezRestyle);
document.getElementById("legend-level").hidden = true;

function ezSearch() {
  const query = document.getElementById("search").value.trim().toLowerCase();
  const out = document.getElementById("search-result");
  if (!query) {
    out.textContent = "";
    ezNetwork.unselectAll();
    ezPinned = new Set();
    ezDeclutter();
    return;
  }
  const folded = query.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const hits = ezView.getIds({ filter: (n) => n.find.includes(query) || n.find.includes(folded) });
  out.textContent = hits.length ? hits.length + " " + EZ.words.found : EZ.words.no_match;
  ezNetwork.selectNodes(hits);
  ezPinned = new Set(hits);
  if (hits.length) ezNetwork.fit({ nodes: hits, animation: false, maxZoomLevel: 1.2 });
  ezDeclutter();
}
document.getElementById("search").addEventListener("input", ezSearch);

ezHighlight(ezNetwork, ezNodesData);
ezOpenOnDoubleClick(ezNetwork, ezNodesData);
ezNetwork.once("afterDrawing", ezRefit);
ezMarkReady(ezNetwork);
window.ezNetwork = ezNetwork;
window.ezNodes = ezNodesData;
window.ezEdges = ezEdgesData;
window.ezView = ezView;
