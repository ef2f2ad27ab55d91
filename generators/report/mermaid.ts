import { DIAGRAM_LIMIT, formatBytes, type ReportData } from './summary';

/** A Mermaid label: quoted, special characters as entities, lines joined by `<br/>`. */
function label(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;'));
  return `"${lines.join('<br/>')}"`;
}

/**
 * A Mermaid flowchart (renders on GitHub) of the functions, the modules two or more of them
 * share, the entities they touch and the routes kept in the monolith.
 */
export function mermaidDiagram(data: ReportData): string {
  const lines = ['flowchart LR'];
  const fnNode = new Map(data.plan.functions.map((f, i) => [f.id, `F${i}`]));
  lines.push('  subgraph functions["functions"]');
  data.plan.functions.forEach((f, i) => {
    lines.push(
      `    F${i}(${label(`${f.id}\n${f.routes.length} route${f.routes.length === 1 ? '' : 's'}, ${formatBytes(f.bundle?.bytes, f.bundle?.estimated)}`)})`,
    );
  });
  lines.push('  end');
  if (data.plan.keep.length > 0) lines.push(`  K[${label(`monolith\n${data.plan.keep.length} kept route${data.plan.keep.length === 1 ? '' : 's'}`)}]`);
  const modules = data.sharedModules.slice(0, DIAGRAM_LIMIT);
  if (modules.length > 0) {
    lines.push('  subgraph shared["shared modules"]');
    modules.forEach((m, i) => lines.push(`    M${i}[${label(m.file)}]`));
    lines.push('  end');
  }
  const entities = data.entities.slice(0, DIAGRAM_LIMIT);
  if (entities.length > 0) {
    lines.push('  subgraph data["entities"]');
    entities.forEach((e, i) => lines.push(`    E${i}[(${label(e.entity)})]`));
    lines.push('  end');
  }
  modules.forEach((m, i) => m.functions.forEach((f) => lines.push(`  ${fnNode.get(f)} --> M${i}`)));
  entities.forEach((e, i) => e.functions.forEach((f) => lines.push(`  ${fnNode.get(f)} -.-> E${i}`)));
  lines.push('  classDef fn fill:#e8f1ff,stroke:#3b6fb6', '  classDef keep fill:#fff1e0,stroke:#c47a1c');
  if (data.plan.functions.length > 0) lines.push(`  class ${data.plan.functions.map((_, i) => `F${i}`).join(',')} fn`);
  if (data.plan.keep.length > 0) lines.push('  class K keep');
  return lines.join('\n');
}
