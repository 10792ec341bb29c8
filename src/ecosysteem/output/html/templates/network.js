"use strict";
// The ecosystem network: positions from Python, physics off; filters, colour/size switches and search work on
// the DataSet, so nothing is laid out again in the browser.

const ezNodesData = new vis.DataSet(ezPrepare(EZ.nodes));
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

for (const select of document.querySelectorAll("select[data-filter]")) {
  select.addEventListener("change", () => {
    ezFilters[select.dataset.filter] = select.value;
    ezView.refresh();
  });
}

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
    return;
  }
  const hits = ezView.getIds({ filter: (n) => String(n.label).toLowerCase().includes(query) });
  out.textContent = hits.length ? hits.length + " " + EZ.words.found : EZ.words.no_match;
  ezNetwork.selectNodes(hits);
  if (hits.length) ezNetwork.fit({ nodes: hits, animation: false, maxZoomLevel: 1.2 });
}
document.getElementById("search").addEventListener("input", ezSearch);

ezHighlight(ezNetwork, ezNodesData);
ezMarkReady(ezNetwork);
window.ezNetwork = ezNetwork;
window.ezNodes = ezNodesData;
window.ezEdges = ezEdgesData;
window.ezView = ezView;
