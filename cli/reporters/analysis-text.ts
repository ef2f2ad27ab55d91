import type { Analysis, Diagnostic, Hazard } from '../../model/analysis';
import { codeFrame } from './code-frame';

/** The text report of `cleave analyze`: a route table, then hazards and diagnostics with code frames. */
export function renderAnalysisText(analysis: Analysis, appDir: string): string {
  const out: string[] = [];
  out.push(`Entries: ${analysis.entry.join(', ')}`);
  out.push('');
  const rows = analysis.routes.map((r) => [
    r.method,
    r.path,
    `${r.handler.name} (${r.handler.file}:${r.handler.line})`,
    r.middleware.map((m) => m.name).join(', ') + (r.conditional ? `  [if ${r.conditional}]` : ''),
  ]);
  out.push(...table(['METHOD', 'PATH', 'HANDLER', 'MIDDLEWARE'], rows));
  out.push('');
  out.push(`${analysis.routes.length} routes, ${analysis.mounts.length} mounts, ${analysis.static.length} static folders`);
  out.push('', 'Closures:');
  out.push(
    ...table(
      ['ROUTE', 'FILES', 'PACKAGES', 'ENV', 'ENTITIES'],
      analysis.routes.map((r) => [
        r.id,
        String(r.deps.files.length) + (r.deps.sideEffects?.length ? ` (${r.deps.sideEffects.length} for side effects)` : ''),
        r.deps.packages.join(', ') || '-',
        r.deps.env.join(', ') || '-',
        r.deps.entities.join(', ') || '-',
      ]),
    ),
  );
  if (analysis.hazards.length > 0) {
    out.push('', 'Hazards:');
    for (const hazard of analysis.hazards) out.push(...finding(hazard, appDir));
  }
  if (analysis.diagnostics.length > 0) {
    out.push('', 'Diagnostics:');
    for (const diagnostic of analysis.diagnostics) out.push(...finding(diagnostic, appDir));
  }
  return out.join('\n') + '\n';
}

function finding(item: Diagnostic | Hazard, appDir: string): string[] {
  const where = item.file ? `${item.file}${item.line > 0 ? `:${item.line}` : ''}${item.column ? `:${item.column}` : ''}` : '(app)';
  const lines = [``, `${item.severity} ${item.code} ${where}`, `  ${item.message}`];
  if ('routes' in item && item.routes.length > 0)
    lines.push(`  routes: ${item.routes.slice(0, 8).join(', ')}${item.routes.length > 8 ? ` (+${item.routes.length - 8} more)` : ''}`);
  if (item.advice) lines.push(`  advice: ${item.advice}`);
  const frame = codeFrame(appDir, item.file, item.line, item.column);
  if (frame)
    lines.push(
      frame
        .split('\n')
        .map((l) => '  ' + l)
        .join('\n'),
    );
  return lines;
}

/** Left-aligned columns; the last column is not padded. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
