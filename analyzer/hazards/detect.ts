import * as path from 'node:path';
import type { Node } from 'ts-morph';
import type { Hazard, Route } from '../../model/analysis';
import { DETECTORS } from './detectors';
import { pickedAtRunTime } from './support/files';
import { functionChain, shortText } from './support/syntax';
import { timerExpression } from './support/timer-expression';
import type { Detector, HazardContext, HazardSite } from './types';

/**
 * Runs every hazard detector over the app and returns the hazards of the Analysis: paths
 * relative to the app dir with '/', 1-based line and column, the routes each affects (from
 * the closure stage's `routesUsing(anchor)` and from handler and middleware sites), one per
 * code and place, sorted by file, line, column and code.
 */
export function detectHazards(ctx: HazardContext): Hazard[] {
  const byChainSite = chainIndex(ctx.routes ?? []);
  const hazards = new Map<string, Hazard>();
  for (const [name, detector] of Object.entries(DETECTORS)) {
    for (const site of run(ctx, name, detector)) {
      const hazard = toHazard(ctx, site, byChainSite);
      const key = [hazard.code, hazard.file, hazard.line, hazard.column, hazard.message].join('|');
      const existing = hazards.get(key);
      if (existing) existing.routes = [...new Set([...existing.routes, ...hazard.routes])].sort();
      else hazards.set(key, hazard);
    }
  }
  return [...hazards.values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

function run(ctx: HazardContext, name: string, detector: Detector): HazardSite[] {
  if (!ctx.onError) return detector(ctx);
  try {
    return detector(ctx);
  } catch (error) {
    ctx.onError(error, name);
    return [];
  }
}

function toHazard(ctx: HazardContext, site: HazardSite, byChainSite: Map<string, string[]>): Hazard {
  const sf = site.node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(site.node.getStart());
  const routes = new Set(ctx.routesUsing(site.anchor));
  for (const node of site.chain ?? []) {
    for (const key of chainKeys(ctx, node)) for (const id of byChainSite.get(key) ?? []) routes.add(id);
  }
  const hazard: Hazard = {
    code: site.code,
    severity: site.severity,
    file: relative(ctx.appDir, sf.getFilePath()),
    line,
    column,
    message: site.message,
    routes: [...routes].sort(),
    advice: site.advice,
  };
  const picker = pickedAtRunTime(ctx).get(sf.getFilePath());
  if (picker) {
    const by = { file: relative(ctx.appDir, picker.getSourceFile().getFilePath()), line: picker.getStartLineNumber() };
    hazard.pickedBy = by;
    hazard.message = `${hazard.message} (only when \`${shortText(picker, 40)}\` at ${by.file}:${by.line} picks this module)`;
  }
  if (site.startedAt)
    hazard.startedAt = { file: relative(ctx.appDir, site.startedAt.getSourceFile().getFilePath()), line: site.startedAt.getStartLineNumber() };
  if (TIMED.has(site.code)) {
    const expression = timerExpression(sf.getFullText(), line);
    if (expression !== undefined) hazard.expression = expression;
  }
  return hazard;
}

/** Hazards of code run on a schedule: they carry the interval or cron expression of their call. */
const TIMED = new Set(['TIMER_AT_BOOT', 'CRON_JOB']);

/** `file:line` keys of a chain node and of every function enclosing it. */
function chainKeys(ctx: HazardContext, node: Node): string[] {
  const file = relative(ctx.appDir, node.getSourceFile().getFilePath());
  const lines = new Set([node.getStartLineNumber(), ...functionChain(node).map((fn) => fn.getStartLineNumber())]);
  return [...lines].map((line) => `${file}:${line}`);
}

/** Route ids by the `file:line` of their handler and of each middleware in their chain. */
function chainIndex(routes: readonly Route[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (key: string, id: string): void => {
    const list = index.get(key);
    if (!list) index.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const route of routes) {
    add(`${route.handler.file}:${route.handler.line}`, route.id);
    for (const m of route.middleware) add(`${m.file}:${m.line}`, route.id);
  }
  return index;
}

function relative(appDir: string, file: string): string {
  return path.relative(appDir, file).split(path.sep).join('/');
}
