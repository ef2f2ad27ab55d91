import { REPORT_CSS, REPORT_SCRIPT } from './html-assets';
import { asBuilt, builtNote } from './as-built';
import { esc } from './html-escape';
import { formatBytes, formatMetric, METRIC_LABELS, type ReportData } from './summary';
import { svgDiagram } from './svg-diagram';
import { verificationHtml } from './verification';

const code = (text: string): string => `<code>${esc(text)}</code>`;

function table(id: string, head: string[], rows: string[][]): string {
  const idAttr = id ? ` id="${id}"` : '';
  return `<table${idAttr}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

/** `report.html`: one self-contained page (inline CSS, SVG and script; nothing loaded from the network). */
export function renderHtml(data: ReportData): string {
  const { plan } = data;
  const card = (value: string | number, label: string): string => `<div class="card"><b>${esc(String(value))}</b>${esc(label)}</div>`;
  const body: string[] = [];
  body.push(`<h1>Split report: ${esc(plan.app.name)}</h1>`);
  body.push(
    `<p class="sub">${esc(plan.app.language)}, Express ${plan.app.expressMajor}, entry ${plan.app.entry.map(code).join(', ')} · strategy ${code(plan.strategy)}</p>`,
  );
  body.push(
    `<div class="cards">${card(data.routeCount, 'routes')}${card(plan.functions.length, 'functions')}${card(plan.keep.length, 'kept in the monolith')}${card(plan.hazards.length, 'hazards')}${card(formatBytes(plan.metrics.appBundleBytes.value ?? undefined), 'whole-app bundle')}${verifiedCard(data, card)}</div>`,
  );
  if (plan.changes)
    body.push(
      `<p>Since the previous plan: ${plan.changes.added.length} routes appeared, ${plan.changes.removed.length} vanished.${[...plan.changes.added.map((r) => ` +${code(r)}`), ...plan.changes.removed.map((r) => ` −${code(r)}`)].join('')}</p>`,
    );
  if (plan.warnings.length > 0)
    body.push(
      `<div class="warn"><b>Planner warnings</b><ul>${plan.warnings.map((w) => `<li>${code(w.code)} ${esc(w.message + builtNote(w, data.bundles))}</li>`).join('')}</ul></div>`,
    );
  body.push('<h2 id="diagram-title">Diagram</h2>', `<div class="diagram">${svgDiagram(data)}</div>`);
  if (data.everywhere.length > 0) body.push(`<p class="sub">Every function also loads ${data.everywhere.map(code).join(', ')}.</p>`);
  body.push('<h2>Functions</h2>');
  body.push(
    table(
      'functions',
      ['id', 'routes', 'reason', 'bundle', 'entities', 'memory / timeout'],
      plan.functions.map((f) => [
        code(f.id),
        String(f.routes.length),
        esc(f.reason),
        esc(formatBytes(f.bundle?.bytes, f.bundle?.estimated)),
        esc((f.entities ?? []).join(', ') || '–'),
        `${f.memory} MB / ${f.timeout} s`,
      ]),
    ),
  );
  const built = data.bundles ? asBuilt(data.bundles, data.verification) : undefined;
  if (built) {
    body.push('<h2>Functions as built</h2>', `<p>${esc(built.summary)}</p>`);
    body.push(
      table(
        'as-built',
        ['function', 'extraction', "own code (of the app's)", "bundle (of the whole app's)", 'shipped installed', 'init'],
        built.rows.map((r) => [
          code(r.function),
          r.reason && r.extraction === 'whole-app' ? `${esc(r.extraction)}: ${esc(r.reason)}` : esc(r.extraction),
          esc(r.own),
          esc(r.bundle),
          esc(r.shipped),
          esc(r.init),
        ]),
      ),
    );
  }
  body.push(
    '<h2>Routes</h2>',
    `<p><input id="route-filter" type="search" placeholder="filter routes, functions, handlers…" aria-label="filter routes"><span id="route-count"></span></p>`,
  );
  body.push(
    table(
      'routes',
      ['route', 'function', 'handler'],
      Object.values(plan.routes).map((r) => {
        const where = data.placement.get(r.id) ?? '?';
        return [
          code(r.id),
          where === 'keep' ? '<span class="tag keep">keep (monolith)</span>' : `<span class="tag fn">${esc(where)}</span>`,
          code(`${r.handler.file}:${r.handler.line}`),
        ];
      }),
    ),
  );
  body.push('<h2>Kept in the monolith</h2>');
  body.push(
    plan.keep.length === 0
      ? '<p>No route stays in the monolith.</p>'
      : table(
          'keep',
          ['route', 'reason'],
          plan.keep.map((k) => [code(k.route), esc(k.reason)]),
        ),
  );
  body.push('<h2>Hazards</h2>');
  if (data.hazardsBySeverity.length === 0) body.push('<p>The analysis found no serverless hazards.</p>');
  for (const group of data.hazardsBySeverity) {
    body.push(`<section class="sev-${group.severity}" data-severity="${group.severity}"><h3>${esc(group.severity)} (${group.hazards.length})</h3>`);
    body.push(
      table(
        '',
        ['code', 'where', 'routes', 'what', 'advice'],
        group.hazards.map((h) => [code(h.code), code(`${h.file}:${h.line}`), String(h.routes.length), esc(h.message), esc(h.advice)]),
      ),
      '</section>',
    );
  }
  if (plan.schedules.length > 0) {
    body.push(
      '<h2>Schedules</h2>',
      table(
        'schedules',
        ['id', 'where', 'expression', 'schedule', 'reason'],
        plan.schedules.map((s) => [code(s.id), code(`${s.file}:${s.line}`), code(s.expression), s.rate ? code(s.rate) : 'set by hand', esc(s.reason)]),
      ),
    );
  }
  body.push(
    '<h2>Metrics</h2>',
    table(
      'metrics',
      ['metric', 'value', 'definition', 'note'],
      METRIC_LABELS.map(([key, name]) => [
        esc(name),
        esc(formatMetric(plan.metrics[key].value)),
        esc(plan.metrics[key].definition),
        esc(plan.metrics[key].note ?? ''),
      ]),
    ),
  );
  if (data.verification) body.push(...verificationHtml(data.verification));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Split report: ${esc(plan.app.name)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${body.join('\n')}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** A card with the verified share of requests, when verify has run. */
function verifiedCard(data: ReportData, card: (value: string, label: string) => string): string {
  const v = data.verification?.summary;
  return v ? card(`${v.matched}/${v.requests}`, 'requests answered alike (verify)') : '';
}
