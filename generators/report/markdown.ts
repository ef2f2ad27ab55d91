import type { SplitPlan } from '../../model/plan';
import { asBuilt, builtNote } from './as-built';
import { mermaidDiagram } from './mermaid';
import { DIAGRAM_LIMIT, formatBytes, formatMetric, METRIC_LABELS, type ReportData } from './summary';
import { verificationLine, verificationMarkdown } from './verification';

/** Text for a Markdown table cell: pipes escaped, newlines flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A code span for a Markdown table cell. */
function code(text: string): string {
  return `\`${cell(text).replace(/`/g, "'")}\``;
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** `SPLIT-REPORT.md`: summary, functions, routes, hazards, metrics and a Mermaid diagram. */
export function renderMarkdown(data: ReportData): string {
  const { plan } = data;
  const out: string[] = [`# Split report: ${plan.app.name}`, ''];
  out.push(...summary(plan, data), '');
  out.push(
    '## Diagram',
    '',
    `Functions, the modules two or more of them share (up to ${DIAGRAM_LIMIT}) and the data entities they touch.`,
    '',
    '```mermaid',
    mermaidDiagram(data),
    '```',
    '',
  );
  if (data.everywhere.length > 0) out.push(`Every function also loads ${data.everywhere.map(code).join(', ')}.`, '');
  out.push('## Functions', '');
  out.push(
    ...table(
      ['id', 'routes', 'reason', 'bundle', 'entities', 'memory / timeout'],
      plan.functions.map((f) => [
        code(f.id),
        String(f.routes.length),
        cell(f.reason),
        formatBytes(f.bundle?.bytes, f.bundle?.estimated),
        cell((f.entities ?? []).join(', ') || '–'),
        `${f.memory} MB / ${f.timeout} s`,
      ]),
    ),
    '',
  );
  const built = data.bundles ? asBuilt(data.bundles, data.verification) : undefined;
  if (built) {
    out.push(
      '## Functions as built',
      '',
      `${built.summary} Own code: the monolith's files a bundle holds (sliced copies included, cleave's handler and runtime not); init: the cold start \`cleave verify\` measured.`,
      '',
    );
    out.push(
      ...table(
        ['function', 'extraction', "own code (of the app's)", "bundle (of the whole app's)", 'shipped installed', 'init'],
        built.rows.map((r) => [code(r.function), r.extraction, r.own, r.bundle, cell(r.shipped), r.init]),
      ),
      '',
    );
    const whole = built.rows.filter((r) => r.extraction === 'whole-app');
    if (whole.length > 0)
      out.push(
        'Run as the whole monolith app, and why (bundles.json gives the reason for the sliced ones too):',
        '',
        ...whole.map((r) => `- ${code(r.function)}: ${cell(r.reason ?? '')}`),
        '',
      );
  }
  out.push('## Routes', '');
  const routeRows = Object.values(plan.routes).map((r) => [
    code(r.id),
    data.placement.get(r.id) === 'keep' ? '**keep** (monolith)' : code(data.placement.get(r.id) ?? '?'),
    code(`${r.handler.file}:${r.handler.line}`),
  ]);
  out.push(...table(['route', 'function', 'handler'], routeRows), '');
  out.push('## Kept in the monolith', '');
  if (plan.keep.length === 0) out.push('No route stays in the monolith.', '');
  else
    out.push(
      ...table(
        ['route', 'reason'],
        plan.keep.map((k) => [code(k.route), cell(k.reason)]),
      ),
      '',
    );
  out.push('## Hazards', '');
  if (data.hazardsBySeverity.length === 0) out.push('The analysis found no serverless hazards.', '');
  for (const group of data.hazardsBySeverity) {
    out.push(`### ${group.severity} (${group.hazards.length})`, '');
    out.push(
      ...table(
        ['code', 'where', 'routes', 'what', 'advice'],
        group.hazards.map((h) => [code(h.code), code(`${h.file}:${h.line}`), String(h.routes.length), cell(h.message), cell(h.advice)]),
      ),
      '',
    );
  }
  if (plan.schedules.length > 0) {
    out.push('## Schedules', '', 'Timers and cron jobs started at boot; each becomes a scheduled function.', '');
    out.push(
      ...table(
        ['id', 'where', 'expression', 'schedule', 'reason'],
        plan.schedules.map((s) => [code(s.id), code(`${s.file}:${s.line}`), code(s.expression), s.rate ? code(s.rate) : 'set by hand', cell(s.reason)]),
      ),
      '',
    );
  }
  out.push('## Metrics', '');
  out.push(
    ...table(
      ['metric', 'value', 'definition', 'note'],
      METRIC_LABELS.map(([key, name]) => [name, formatMetric(plan.metrics[key].value), cell(plan.metrics[key].definition), cell(plan.metrics[key].note ?? '')]),
    ),
    '',
  );
  if (data.verification) out.push(...verificationMarkdown(data.verification));
  if (plan.warnings.length > 0) {
    out.push('## Planner warnings', '');
    for (const w of plan.warnings) out.push(`- ${code(w.code)} ${w.message}${builtNote(w, data.bundles)}`);
    out.push('');
  }
  return out.join('\n');
}

function summary(plan: SplitPlan, data: ReportData): string[] {
  const fnRoutes = plan.functions.reduce((n, f) => n + f.routes.length, 0);
  const lines = [
    `${data.routeCount} routes → **${plan.functions.length} functions** (${fnRoutes} routes) and **${plan.keep.length} kept** in the monolith, strategy \`${plan.strategy}\`.`,
    '',
    `- App: \`${plan.app.name}\` (${plan.app.language}, Express ${plan.app.expressMajor}), entry ${plan.app.entry.map(code).join(', ')}`,
    `- Hazards: ${plan.hazards.length}${data.hazardsBySeverity.map((g) => `, ${g.hazards.length} ${g.severity}`).join('')}`,
    `- Schedules: ${plan.schedules.length}; planner warnings: ${plan.warnings.length}`,
    `- Bundles: whole app ${formatBytes(plan.metrics.appBundleBytes.value ?? undefined)}, largest function ${formatMetric(plan.metrics.largestBundleRatio.value)} of it, mean ${formatMetric(plan.metrics.meanBundleRatio.value)}`,
  ];
  if (data.verification) lines.push(`- Verified: ${verificationLine(data.verification)} (see [Verification](#verification))`);
  if (plan.changes)
    lines.push(
      `- Since the previous plan: ${plan.changes.added.length} routes appeared${list(plan.changes.added)}, ${plan.changes.removed.length} vanished${list(plan.changes.removed)}`,
    );
  return lines;
}

function list(ids: readonly string[]): string {
  return ids.length === 0 ? '' : ` (${ids.slice(0, 8).map(code).join(', ')}${ids.length > 8 ? ', ...' : ''})`;
}
