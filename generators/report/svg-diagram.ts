import { esc } from './html-escape';
import { DIAGRAM_LIMIT, formatBytes, type ReportData } from './summary';

const ROW = 44;
const BOX_H = 34;
const COL = { fn: 20, mod: 380, ent: 760 } as const;
const WIDTH = { fn: 260, mod: 300, ent: 180 } as const;

interface Box {
  x: number;
  y: number;
  w: number;
}

/**
 * The report's diagram as inline SVG (no script, no external resources): functions on the
 * left, shared modules in the middle, entities on the right, the monolith under the functions;
 * lines join each function to the modules and entities it uses.
 */
export function svgDiagram(data: ReportData): string {
  const fns = data.plan.functions;
  const modules = data.sharedModules.slice(0, DIAGRAM_LIMIT);
  const entities = data.entities.slice(0, DIAGRAM_LIMIT);
  const fnBox = new Map<string, Box>(fns.map((f, i) => [f.id, { x: COL.fn, y: 40 + i * ROW, w: WIDTH.fn }]));
  const modBox = modules.map((_, i): Box => ({ x: COL.mod, y: 40 + i * ROW, w: WIDTH.mod }));
  const entBox = entities.map((_, i): Box => ({ x: COL.ent, y: 40 + i * ROW, w: WIDTH.ent }));
  const keepY = 40 + fns.length * ROW + 10;
  const rows = Math.max(fns.length + (data.plan.keep.length > 0 ? 1.5 : 0), modules.length, entities.length, 1);
  const height = 50 + rows * ROW;
  const parts: string[] = [];
  const edge = (from: Box, to: Box, cls: string): void => {
    const x1 = from.x + from.w;
    const y1 = from.y + BOX_H / 2;
    const x2 = to.x;
    const y2 = to.y + BOX_H / 2;
    const mid = (x1 + x2) / 2;
    parts.push(`<path class="${cls}" d="M${x1} ${y1} C${mid} ${y1} ${mid} ${y2} ${x2} ${y2}"/>`);
  };
  modules.forEach((m, i) => m.functions.forEach((f) => edge(fnBox.get(f)!, modBox[i]!, 'e-mod')));
  entities.forEach((e, i) => e.functions.forEach((f) => edge(fnBox.get(f)!, entBox[i]!, 'e-ent')));
  const box = (b: Box, cls: string, title: string, sub: string, tip: string): void => {
    parts.push(`<g class="${cls}"><title>${esc(tip)}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${BOX_H}" rx="6"/>`);
    parts.push(`<text x="${b.x + 8}" y="${b.y + 14}" class="t1">${esc(clip(title, b.w))}</text>`);
    if (sub) parts.push(`<text x="${b.x + 8}" y="${b.y + 28}" class="t2">${esc(clip(sub, b.w))}</text>`);
    parts.push('</g>');
  };
  fns.forEach((f) =>
    box(
      fnBox.get(f.id)!,
      'n-fn',
      f.id,
      `${f.routes.length} route${f.routes.length === 1 ? '' : 's'} · ${formatBytes(f.bundle?.bytes, f.bundle?.estimated)}`,
      f.reason,
    ),
  );
  if (data.plan.keep.length > 0)
    box(
      { x: COL.fn, y: keepY, w: WIDTH.fn },
      'n-keep',
      'monolith',
      `${data.plan.keep.length} kept route${data.plan.keep.length === 1 ? '' : 's'}`,
      data.plan.keep.map((k) => k.route).join('\n'),
    );
  modules.forEach((m, i) => box(modBox[i]!, 'n-mod', m.file, `used by ${m.functions.length} functions`, m.functions.join(', ')));
  entities.forEach((e, i) =>
    box(entBox[i]!, 'n-ent', e.entity, `${e.functions.length} function${e.functions.length === 1 ? '' : 's'}`, e.functions.join(', ')),
  );
  const heads = [
    `<text x="${COL.fn}" y="24" class="h">functions</text>`,
    modules.length ? `<text x="${COL.mod}" y="24" class="h">shared modules</text>` : '',
    entities.length ? `<text x="${COL.ent}" y="24" class="h">entities</text>` : '',
  ].join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" id="diagram" role="img" aria-label="functions, shared modules and entities" viewBox="0 0 ${COL.ent + WIDTH.ent + 20} ${height}" width="100%">${heads}${parts.join('')}</svg>`;
}

function clip(text: string, width: number): string {
  const max = Math.floor((width - 14) / 7);
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}
