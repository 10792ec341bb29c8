"use strict";
// Shared by every page: read the data block, build tooltips as text nodes, highlight neighbours on click.
const EZ = JSON.parse(document.getElementById("ez-data").textContent);

function ezTip(text) {
  // A tooltip is a DOM element holding plain text: vis-network shows it as is, no HTML is ever parsed.
  const el = document.createElement("div");
  el.className = "ez-tip";
  el.textContent = text;
  return el;
}

function ezPrepare(raw, extra) {
  return raw.map((n) => {
    const copy = Object.assign({}, n);
    if (typeof copy.tip === "string") copy.title = ezTip(copy.tip);
    delete copy.tip;
    return extra ? extra(copy) : copy;
  });
}

function ezHighlight(network, nodes) {
  network.on("click", (params) => {
    const selected = params.nodes.length ? params.nodes[0] : null;
    const keep = selected === null ? null : new Set([selected, ...network.getConnectedNodes(selected)]);
    nodes.update(nodes.getIds().map((id) => ({ id: id, opacity: keep === null || keep.has(id) ? 1 : 0.18 })));
  });
}

function ezMarkReady(network) {
  // Tests and the benchmark wait for this flag: set once the first full drawing is on the canvas.
  network.once("afterDrawing", () => {
    window.requestAnimationFrame(() => { window.ezReady = true; });
  });
}

function ezOpenOnDoubleClick(network, nodes) {
  // Nodes with a page (the report's profile pages) open it on a double click; the link is relative to the site.
  network.on("doubleClick", (params) => {
    const node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (node && typeof node.href === "string" && !/^[a-z]+:/i.test(node.href)) window.location.href = node.href;
  });
}
