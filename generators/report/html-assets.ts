/** The report page's stylesheet (inline: the page loads nothing from anywhere). */
export const REPORT_CSS = `
:root { --fg:#1d2330; --muted:#5b6475; --line:#d9dee8; --fn:#e8f1ff; --fn-b:#3b6fb6; --keep:#fff1e0; --keep-b:#c47a1c; --mod:#f1f3f7; --ent:#eaf7ee; --ent-b:#2f8a4c; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; padding: 24px 32px 64px; max-width: 1280px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 16px 0 6px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 130px; }
.card b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: #f6f7fa; font-weight: 600; }
td:first-child code { white-space: nowrap; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; background: #f3f4f7; padding: 1px 4px; border-radius: 3px; }
.tag { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; }
.tag.keep { background: var(--keep); color: #7a4a0c; } .tag.fn { background: var(--fn); color: #1f4a85; }
.sev-error { border-left: 4px solid #c0392b; padding-left: 10px; } .sev-warning { border-left: 4px solid #d68910; padding-left: 10px; } .sev-info { border-left: 4px solid #2e86c1; padding-left: 10px; }
.warn { background: #fff8e6; border: 1px solid #f0d48a; border-radius: 6px; padding: 8px 12px; }
#route-filter { width: 360px; max-width: 100%; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; font-size: 14px; }
#route-count { color: var(--muted); margin-left: 8px; }
.diagram { border: 1px solid var(--line); border-radius: 8px; padding: 8px; overflow-x: auto; }
svg .h { font: 600 13px system-ui, sans-serif; fill: var(--muted); }
svg .t1 { font: 600 12px system-ui, sans-serif; fill: var(--fg); } svg .t2 { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .n-fn rect { fill: var(--fn); stroke: var(--fn-b); } svg .n-keep rect { fill: var(--keep); stroke: var(--keep-b); }
svg .n-mod rect { fill: var(--mod); stroke: #8a93a6; } svg .n-ent rect { fill: var(--ent); stroke: var(--ent-b); }
svg path { fill: none; stroke-width: 1.2; } svg .e-mod { stroke: #8a93a6; stroke-opacity: .55; } svg .e-ent { stroke: var(--ent-b); stroke-opacity: .45; stroke-dasharray: 4 3; }
`;

/** The route filter: hides rows of the route table whose text does not contain the query. */
export const REPORT_SCRIPT = `
(function () {
  var input = document.getElementById('route-filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#routes tbody tr'));
  var count = document.getElementById('route-count');
  function apply() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var hit = !q || row.textContent.toLowerCase().indexOf(q) !== -1;
      row.hidden = !hit;
      if (hit) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' routes';
  }
  input.addEventListener('input', apply);
  apply();
})();
`;
