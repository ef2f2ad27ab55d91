import * as path from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import type { RouteDeps } from '../../model/analysis';
import type { ModuleResolver } from '../load/module-resolver';
import type { FunctionRef } from '../routes/express/describe';
import type { FlatRoute } from '../routes/express/flatten';
import { fileIndex } from './file-index';
import { DeclarationResolver } from './resolve';
import { type UnitFacts, scanUnit } from './scan';
import { type Unit, anchorNodes, unit } from './units';

/** Closures of every route, and the reverse index hazards use to find the routes a place affects. */
export interface ClosureIndex {
  /** Dependency closure per route id. */
  deps: Map<string, RouteDeps>;
  /** Ids of the routes whose closure reaches `anchor` (a declaration, a node inside one, or a file). */
  routesUsing(anchor: Node): string[];
}

/**
 * Computes each route's dependency closure over the declaration graph: from its handler and
 * middleware (the registration expressions and the functions they resolve to), through every
 * module-level declaration, import and member they reach, plus side-effect imports of the files
 * on the way. Unit facts are computed once and shared by all routes.
 */
export function computeClosures(appDir: string, routes: FlatRoute[], files: Map<string, SourceFile>, moduleResolver: ModuleResolver): ClosureIndex {
  const resolver = new DeclarationResolver(files, moduleResolver);
  const factsCache = new Map<string, UnitFacts>();
  const factsOf = (u: Unit): UnitFacts => {
    let f = factsCache.get(u.key);
    if (!f) {
      f = scanUnit(u, resolver);
      factsCache.set(u.key, f);
    }
    return f;
  };
  const rel = (file: string): string => path.relative(appDir, file).split(path.sep).join('/');
  const deps = new Map<string, RouteDeps>();
  const byNode = new Map<Node, Set<string>>();
  const byFile = new Map<string, Set<string>>();
  for (const route of routes) {
    const id = `${route.method} ${route.path}`;
    const reached = reach(startUnits(route), factsOf, files);
    const fileSet = new Set<string>([route.site.getSourceFile().getFilePath()]);
    const packages = new Set<string>(libraryPackages(route));
    const env = new Set<string>();
    const entities = new Set<string>();
    for (const u of reached.units) {
      fileSet.add(u.node.getSourceFile().getFilePath());
      const f = factsOf(u);
      f.files.forEach((x) => fileSet.add(x));
      f.packages.forEach((x) => packages.add(x));
      f.env.forEach((x) => env.add(x));
      f.entities.forEach((x) => entities.add(x));
      for (const anchor of anchorNodes(u)) addTo(byNode, anchor, id);
    }
    const inApp = [...fileSet].filter((f) => !path.relative(appDir, f).startsWith('..'));
    for (const f of inApp) addTo(byFile, f, id);
    const result: RouteDeps = { files: inApp.map(rel).sort(), packages: [...packages].sort(), env: [...env].sort(), entities: [...entities].sort() };
    if (reached.sideEffects.size > 0) result.sideEffects = [...reached.sideEffects].map(rel).sort();
    deps.set(id, result);
  }
  return {
    deps,
    routesUsing(anchor: Node): string[] {
      if (Node.isSourceFile(anchor)) return [...(byFile.get(anchor.getFilePath()) ?? [])].sort();
      // The innermost unit holding the anchor decides: a place inside one method of a class
      // affects the routes that reach that method, not every route that reaches the class.
      for (let n: Node | undefined = anchor; n; n = n.getParent()) {
        const ids = byNode.get(n);
        if (ids) return [...ids].sort();
      }
      return [];
    },
  };
}

/** Where a route's code starts: each handler and middleware expression and the function behind it. */
function startUnits(route: FlatRoute): Unit[] {
  const refs: FunctionRef[] = [route.handler, ...route.middleware.map((m) => m.ref)];
  const units: Unit[] = [];
  for (const ref of refs) {
    if (ref.expr) units.push(unit(ref.expr));
    if (ref.fn) units.push(unit(ref.fn));
  }
  return units;
}

function libraryPackages(route: FlatRoute): string[] {
  return [route.handler, ...route.middleware.map((m) => m.ref)].flatMap((r) => (r.pkg ? [r.pkg] : []));
}

/** Breadth-first walk over units; files reached also run their side-effect imports. */
function reach(start: Unit[], factsOf: (u: Unit) => UnitFacts, files: Map<string, SourceFile>): { units: Unit[]; sideEffects: Set<string> } {
  const seen = new Map<string, Unit>();
  const sideEffects = new Set<string>();
  const filesDone = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const u = queue.shift()!;
    if (seen.has(u.key)) continue;
    seen.set(u.key, u);
    queue.push(...factsOf(u).edges);
    const file = u.node.getSourceFile();
    if (!filesDone.has(file.getFilePath())) {
      filesDone.add(file.getFilePath());
      queue.push(...sideEffectUnits(file, files, sideEffects, factsOf));
    }
  }
  return { units: [...seen.values()], sideEffects };
}

function sideEffectUnits(file: SourceFile, files: Map<string, SourceFile>, sideEffects: Set<string>, factsOf: (u: Unit) => UnitFacts): Unit[] {
  const out: Unit[] = [];
  if (fileIndex(file).sideEffects.length === 0) return out;
  const moduleUnit = unit(file, '#side-effect-imports');
  for (const target of factsOf(moduleUnit).files) {
    const sf = files.get(target);
    if (!sf) continue;
    sideEffects.add(target);
    out.push(unit(sf, '#module'));
  }
  out.push(moduleUnit);
  return out;
}

function addTo<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(id);
}
