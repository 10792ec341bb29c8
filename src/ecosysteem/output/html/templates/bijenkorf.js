"use strict";
// The bijenkorf plate: fixed positions from Python, physics off; the frame (society, levels, loops) is painted
// on the canvas before the nodes; hexagons are drawn by a custom renderer with the label inside.

function ezWrap(ctx, words, width) {
  const lines = [];
  let line = "";
  for (const word of String(words).split(/\s+/)) {
    const attempt = line ? line + " " + word : word;
    if (line && ctx.measureText(attempt).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = attempt;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const ezNodesData = new vis.DataSet(ezPrepare(EZ.nodes, (n) => {
  if (n.shape === "custom") n.ctxRenderer = ezHexRenderer;
  return n;
}));
const ezEdgesData = new vis.DataSet(ezPrepare(EZ.edges));

function ezHexPath(ctx, x, y, r) {
  ctx.beginPath();
  for (let k = 0; k < 6; k++) {
    const a = (Math.PI / 180) * (60 * k - 90);
    const px = x + r * Math.cos(a);
    const py = y + r * Math.sin(a);
    if (k === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

function ezHexRenderer({ ctx, id, x, y, state }) {
  const h = EZ.hex[id];
  const n = ezNodesData.get(id);
  const alpha = n && typeof n.opacity === "number" ? n.opacity : 1;
  return {
    drawNode() {
      ctx.save();
      ctx.globalAlpha = alpha;
      ezHexPath(ctx, x, y, h.r);
      ctx.fillStyle = h.fill;
      ctx.fill();
      ctx.lineWidth = state.selected || state.hover ? 6 : 3;
      ctx.strokeStyle = h.border;
      ctx.setLineDash(h.dotted ? [3, 6] : h.dashed ? [10, 7] : []);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = h.text;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      const size = h.font || 16;
      const step = size * 1.15;
      ctx.font = "bold " + size + "px 'DejaVu Sans', sans-serif";
      const lines = ezWrap(ctx, h.label, h.r * 1.55);
      const sub = h.sub ? 1 : 0;
      const top = y - ((lines.length + sub - 1) * step) / 2;
      lines.forEach((line, i) => ctx.fillText(line, x, top + i * step));
      if (sub) {
        ctx.font = "italic " + size + "px 'DejaVu Sans', sans-serif";
        ctx.fillText(h.sub, x, top + lines.length * step + 2);
      }
      ctx.restore();
    },
    nodeDimensions: { width: h.r * 1.73, height: h.r * 2 },
  };
}

function ezRoundRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function ezDrawFrame(ctx) {
  const f = EZ.frame;
  const s = f.society;
  ctx.save();
  // Society: the outer frame, with a skyline along the bottom.
  ezRoundRect(ctx, s.x0, s.y0, s.x1 - s.x0, s.y1 - s.y0, 40);
  ctx.fillStyle = "#eef1f4";
  ctx.fill();
  ctx.lineWidth = 4;
  ctx.strokeStyle = "#8a97a5";
  ctx.stroke();
  ctx.fillStyle = "#c9d1da";
  const base = s.y1 - 8;
  let x = s.x0 + 260;
  let i = 0;
  while (x < s.x1 - 60) {
    const w = 40 + ((i * 37) % 50);
    const h = 40 + ((i * 53) % 90);
    ctx.fillRect(x, base - h, w, h);
    x += w + 6 + ((i * 13) % 14);
    i += 1;
  }
  // The levels as zones.
  for (const z of f.zones) {
    ezRoundRect(ctx, z.x, z.y, z.w, z.h, 28);
    ctx.fillStyle = z.colour + "22";
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.setLineDash([12, 8]);
    ctx.strokeStyle = z.colour + "aa";
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // The hive: a honey-coloured glow behind the honeycomb.
  ctx.beginPath();
  ctx.arc(0, 0, f.hive.r, 0, 2 * Math.PI);
  ctx.fillStyle = "#f2b70522";
  ctx.fill();
  // The three loops around the hive.
  for (const l of f.loops) {
    ctx.beginPath();
    ctx.ellipse(l.cx, l.cy, l.rx, l.ry, 0, 0, 2 * Math.PI);
    ctx.lineWidth = 12;
    ctx.strokeStyle = l.colour + "55";
    ctx.stroke();
  }
  ctx.restore();
}

// The canvas takes the plate's proportions over the page's full width, so that the plate is fitted at a scale
// where every label is readable (the page scrolls instead of shrinking the plate).
(function sizeCanvas() {
  const s = EZ.frame.society;
  const box = document.getElementById("graph");
  box.style.height = Math.round(box.clientWidth * (s.y1 - s.y0) / (s.x1 - s.x0)) + "px";
})();

const ezNetwork = new vis.Network(
  document.getElementById("graph"),
  { nodes: ezNodesData, edges: ezEdgesData },
  {
    physics: false,
    layout: { randomSeed: 1, improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 120, dragNodes: false, navigationButtons: false, keyboard: false },
    nodes: { font: { face: "DejaVu Sans, sans-serif" } },
    edges: { smooth: false, selectionWidth: 2 },
  },
);
ezNetwork.on("beforeDrawing", ezDrawFrame);
ezHighlight(ezNetwork, ezNodesData);
ezOpenOnDoubleClick(ezNetwork, ezNodesData);
ezMarkReady(ezNetwork);
function ezFitExactly() {
  // vis-network's fit leaves a tenth of the canvas free; the plate uses all of it so its labels stay readable.
  const ids = ezNodesData.getIds();
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const id of ids) {
    const b = ezNetwork.getBoundingBox(id);
    x0 = Math.min(x0, b.left); x1 = Math.max(x1, b.right); y0 = Math.min(y0, b.top); y1 = Math.max(y1, b.bottom);
  }
  const box = document.getElementById("graph");
  const scale = Math.min(box.clientWidth / (x1 - x0), box.clientHeight / (y1 - y0));
  ezNetwork.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale, animation: false });
}
ezNetwork.once("afterDrawing", ezFitExactly);
window.ezNetwork = ezNetwork;
window.ezNodes = ezNodesData;
window.ezEdges = ezEdgesData;

// #focus=<IRI>: the plate filtered to one network or consortium (the report's profile pages link here): its
// activities, what they serve, its memberships and itself stay in full colour, the rest is dimmed.
function ezFocus() {
  const match = /^#focus=(.+)$/.exec(location.hash);
  const notice = document.getElementById("focus-notice");
  const focus = match ? decodeURIComponent(match[1]) : "";
  const acts = (EZ.focus || {})[focus];
  if (!acts) {
    if (notice) notice.hidden = true;
    ezNodesData.update(ezNodesData.getIds().map((id) => ({ id: id, opacity: 1 })));
    return;
  }
  const keep = new Set([focus, ...acts, ...ezNetwork.getConnectedNodes(focus)]);
  for (const a of acts) for (const n of ezNetwork.getConnectedNodes(a)) keep.add(n);
  for (const n of ezNodesData.get()) if (n.kind === "level" || n.kind === "plate") keep.add(n.id);
  ezNodesData.update(ezNodesData.getIds().map((id) => ({ id: id, opacity: keep.has(id) ? 1 : 0.15 })));
  if (notice) {
    notice.hidden = false;
    notice.querySelector(".name").textContent = ezNodesData.get(focus) ? ezNodesData.get(focus).label.replace(/\n/g, " ") : focus;
  }
}
window.addEventListener("hashchange", ezFocus);
ezNetwork.once("afterDrawing", ezFocus);
window.ezFocus = ezFocus;
