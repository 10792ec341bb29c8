// The overview's filter: network, gap type, severity, status. Works from file:// (no server, no fetch).
(function () {
  "use strict";
  // A link to a gap type (#gap-…, also from the profile pages) opens the explanations.
  function openGapTypes() {
    const box = document.getElementById("gap-types-box");
    if (box && location.hash.startsWith("#gap-")) {
      box.open = true;
      const target = document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openGapTypes);
  openGapTypes();
  const ids = ["f-network", "f-gap", "f-severity", "f-status"];
  const selects = ids.map((id) => document.getElementById(id));
  if (selects.some((s) => !s)) return;
  const rows = Array.from(document.querySelectorAll("#gaps tr.finding"));
  const groups = Array.from(document.querySelectorAll("#gaps section.group"));
  const shown = document.getElementById("shown");
  function apply() {
    const [network, gap, severity, status] = selects.map((s) => s.value);
    let count = 0;
    for (const row of rows) {
      const keep = (!network || row.dataset.networks.split(" ").includes(network))
        && (!gap || row.dataset.gap === gap)
        && (!severity || row.dataset.severity === severity)
        && (!status || row.dataset.status === status);
      row.hidden = !keep;
      if (keep) count += 1;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector("tr.finding:not([hidden])");
    }
    shown.textContent = String(count);
    const state = selects.map((s) => s.value).join("|");
    if (!state.replace(/\|/g, "") && !location.hash.startsWith("#filter=")) return;
    try {
      history.replaceState(null, "", state.replace(/\|/g, "") ? "#filter=" + encodeURIComponent(state) : "#");
    } catch (e) {
      // Some browsers refuse history changes on file:// pages; the filter works without it.
    }
  }
  for (const s of selects) s.addEventListener("change", apply);
  const match = /^#filter=(.*)$/.exec(location.hash);
  if (match) {
    decodeURIComponent(match[1]).split("|").forEach((value, i) => {
      if (selects[i] && Array.from(selects[i].options).some((o) => o.value === value)) selects[i].value = value;
    });
  }
  apply();
  window.ezReady = true;
})();
