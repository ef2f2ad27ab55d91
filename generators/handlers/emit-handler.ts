import type { CodeBlockWriter } from 'ts-morph';
import type { Middleware, Route } from '../../model/analysis';
import type { PlanFunction, SplitPlan } from '../../model/plan';
import { HANDLER_EXPORT, RUNTIME_FILE, relativeSpecifier } from '../layout';
import { ImportSet } from './import-set';
import { chainKey, type Mount, type MountPlan } from './mount-plan';
import { appSpecifier, bindSourceImports, exportExpression, lazyExportExpression, type ModuleSite, moduleName } from './module-refs';
import { docComment, memorySourceFile, printed, str } from './source-file';

/** What a handler module needs besides the plan. */
export interface HandlerInput {
  /** The plan (for the header: app name, Express major). */
  plan: SplitPlan;
  /** The function. */
  fn: PlanFunction;
  /** How each route is reproduced. */
  mounts: MountPlan;
  /** Where the module goes. */
  site: ModuleSite;
  /** Lines for the header: what cleave could not reproduce exactly. */
  notes: string[];
}

interface MountCode {
  mount: Mount;
  /** Expression of the imported app or router, or the call of its factory. */
  target: string;
  /** Name for tables and variables (`admin`, `apiRouter`, `monolith`). */
  name: string;
}

/** Mounts that share one rebuilt chain (same middleware before and after, same app settings). */
interface Group {
  mounts: MountCode[];
  /** Variable of the pipeline (a Router) or of the whole app. */
  variable: string;
  /** Variable of the table of the group's routes. */
  routesVariable: string;
  /** Variables of the per-mount tables (paths relative to the mount), when the group has several mounts. */
  innerRoutes: string[];
}

/**
 * `functions/<id>/handler.ts`: an Express app with only the function's routes, each behind the
 * middleware chain it had in the monolith, importing the monolith's own modules (no copies),
 * wrapped by the adapter of the runtime module. Built at module scope, once per container, so
 * the clients the monolith's modules open are reused across invocations.
 */
export function emitHandler(input: HandlerInput): string {
  const { plan, fn, mounts, site } = input;
  const imports = new ImportSet();
  imports.reserve(HANDLER_EXPORT);
  // Names copied sources rely on come first; planMounts made sure they do not clash.
  for (const mount of mounts.mounts) for (const m of [...mount.before, ...mount.after]) bindSourceImports(imports, site, m.imports ?? []);
  const express = imports.existing('express', ['default', 'require']) ?? imports.add('express', { kind: 'default' }, 'express');
  const runtime = relativeSpecifier(site.file, RUNTIME_FILE);
  const onlyRoutes = imports.add(runtime, { kind: 'named', name: 'onlyRoutes' }, 'onlyRoutes');
  const createHandler = imports.add(runtime, { kind: 'named', name: 'createHandler' }, 'createHandler');
  const routeSpec = imports.add(runtime, { kind: 'named', name: 'RouteSpec', typeOnly: true }, 'RouteSpec');
  const asyncFix = plan.app.expressMajor === 4 ? imports.add(runtime, { kind: 'named', name: 'routeAsyncErrorsToNext' }, 'routeAsyncErrorsToNext') : undefined;
  const groups = groupMounts(
    mounts.mounts.map((mount) => mountCode(mount, imports, site, runtime)),
    imports,
  );
  const app = imports.fresh('app');
  const file = memorySourceFile(site.file);
  const { imports: declarations, requires } = imports.declarations();
  file.addStatements(docComment(header(input)));
  file.addImportDeclarations(declarations);
  if (requires.length > 0) file.addStatements((w) => requires.forEach((r) => w.writeLine(`import ${r.local} = require(${str(r.specifier)});`)));
  if (asyncFix)
    file.addStatements((w) =>
      w
        .blankLine()
        .writeLine('// Express 4 ignores rejected promises of async handlers; route them to next(err) as Express 5 does.')
        .writeLine(`${asyncFix}();`),
    );
  for (const group of groups) file.addStatements((w) => writeGroup(w, group, { express, routeSpec, onlyRoutes }));
  file.addStatements((w) => {
    w.blankLine().writeLine(
      docComment([
        `The Express app of function \`${fn.id}\`: only its routes, each behind its monolith middleware chain.`,
        'Built at module scope, once per container: clients the monolith opens on import are reused across invocations.',
      ]),
    );
    w.writeLine(`export const ${app} = ${express}();`);
    const rebuilt = mounts.mounts.find((m) => m.level > 0);
    if (!rebuilt) w.writeLine(`${app}.disable('x-powered-by'); // the monolith app sets its own headers`);
    for (const s of rebuilt?.settings ?? []) w.writeLine(`${app}.${s.method}(${s.args.join(', ')}); // as the monolith's app does`);
    for (const group of groups) w.writeLine(`${app}.use(${onlyRoutes}(${group.routesVariable}, ${group.variable}));`);
    w.blankLine().writeLine(docComment(['The Lambda entry point: API Gateway HTTP API (payload 2.0) and REST API / payload 1.0 events.']));
    w.writeLine(`export const ${HANDLER_EXPORT} = ${createHandler}(${app});`);
  });
  return printed(file);
}

function mountCode(mount: Mount, imports: ImportSet, site: ModuleSite, runtime: string): MountCode {
  const { target } = mount;
  if (mount.entry !== undefined) {
    const capture = imports.add(runtime, { kind: 'named', name: 'captureApp' }, 'captureApp');
    const load = `() => require(${str(appSpecifier(site, mount.entry))})`;
    if (!mount.exported) return { mount, target: `${capture}(${load})`, name: 'monolith' };
    const via = target.export ?? target.factory!;
    const exported = lazyExportExpression(site, target.file, via);
    return { mount, target: `${capture}(${load}, () => ${target.export ? exported : `${exported}()`})`, name: 'monolith' };
  }
  const via = target.export ?? target.factory!;
  const head = via.split('.')[0]!;
  const name = mount.level === 0 ? 'monolith' : head === 'default' || head === '*' ? moduleName(target.file) : via.split('.').pop()!;
  const expr = exportExpression(imports, site, target.file, via, mount.level === 0 && !target.factory ? 'monolithApp' : name);
  return { mount, target: target.export ? expr : `${expr}()`, name };
}

/** Mounts with the same chain share one pipeline, so stateful middleware (a session store) exists once. */
function groupMounts(codes: MountCode[], imports: ImportSet): Group[] {
  const byChain = new Map<string, MountCode[]>();
  for (const code of codes) {
    const m = code.mount;
    const key = m.level === 0 ? `whole:${code.name}` : [...m.before.map(chainKey), '|', ...m.after.map(chainKey)].join('\n');
    byChain.set(key, [...(byChain.get(key) ?? []), code]);
  }
  return [...byChain.values()].map((members) => {
    const first = members[0]!;
    const base = members.length === 1 ? first.name : moduleName(first.mount.before[0]?.sourceFile ?? first.mount.target.file);
    const variable = imports.fresh(first.mount.level === 0 ? 'monolith' : `via${base[0]!.toUpperCase()}${base.slice(1)}`);
    const routesVariable = imports.fresh(`${base}Routes`);
    const innerRoutes = members.length === 1 ? [] : members.map((c) => imports.fresh(`${c.name}Routes`));
    return { mounts: members, variable, routesVariable, innerRoutes };
  });
}

interface Names {
  express: string;
  routeSpec: string;
  onlyRoutes: string;
}

function writeGroup(w: CodeBlockWriter, group: Group, names: Names): void {
  const [first] = group.mounts;
  const single = group.mounts.length === 1;
  w.blankLine().writeLine(
    docComment(
      single
        ? mountDoc(first!.mount)
        : [`The chain registered in ${chainFiles(first!.mount).join(', ')}, then ${group.mounts.length} routers, each behind a guard for its own routes.`],
    ),
  );
  writeTable(
    w,
    group.routesVariable,
    group.mounts.flatMap((c) => c.mount.routes.map((r) => ({ method: r.method, path: r.path }))),
    names.routeSpec,
  );
  if (first!.mount.level === 0) {
    w.writeLine(`const ${group.variable} = ${first!.target};`);
    return;
  }
  group.mounts.forEach((code, i) => {
    if (single) return;
    w.writeLine(docComment(mountDoc(code.mount)));
    writeTable(
      w,
      group.innerRoutes[i]!,
      code.mount.routes.map((r) => ({ method: r.method, path: relativeTo(code.mount.target.mountPath, r.path) })),
      names.routeSpec,
    );
  });
  w.writeLine(`const ${group.variable} = ${names.express}.Router();`);
  for (const m of first!.mount.before) w.writeLine(`${group.variable}.use(${use(m)});`);
  group.mounts.forEach((code, i) => {
    const at = code.mount.target.mountPath === '/' ? '' : `${str(code.mount.target.mountPath)}, `;
    w.writeLine(`${group.variable}.use(${at}${single ? code.target : `${names.onlyRoutes}(${group.innerRoutes[i]}, ${code.target})`});`);
  });
  for (const m of first!.mount.after) w.writeLine(`${group.variable}.use(${use(m)});`);
}

function writeTable(w: CodeBlockWriter, variable: string, routes: Array<{ method: string; path: string }>, routeSpec: string): void {
  w.write(`const ${variable}: ${routeSpec}[] = [`).newLine();
  w.indent(() => routes.forEach((r) => w.writeLine(`{ method: ${str(r.method)}, path: ${pathLiteral(r.path)} },`)));
  w.writeLine('];');
}

/** A full route path as seen by a router mounted at `mountPath`. */
function relativeTo(mountPath: string, path: string): string {
  if (path.startsWith(`${mountPath} + regex:`)) return path.slice(mountPath.length + 3);
  if (mountPath === '/' || !path.startsWith(mountPath)) return path;
  return path.slice(mountPath.length) || '/';
}

function chainFiles(mount: Mount): string[] {
  return [...new Set([...mount.before, ...mount.after].map((m) => m.sourceFile ?? m.file))].sort();
}

function use(m: Middleware): string {
  return `${m.path ? `${str(m.path)}, ` : ''}${m.source}`;
}

/**
 * A route path as a literal: a string, a regular expression for `regex:/src/flags`, or for
 * `<prefix> + regex:/src/flags` (a regular expression under a mount) one expression that
 * matches the literal prefix, then the route's expression.
 */
export function pathLiteral(path: string): string {
  if (path.startsWith('regex:')) return path.slice('regex:'.length);
  const under = /^(.*) \+ regex:\/(.*)\/([a-z]*)$/.exec(path);
  if (!under) return str(path);
  const [, prefix, source, flags] = under as unknown as [string, string, string, string];
  const tail = source.startsWith('^') ? source.slice(1) : `.*?${source}`;
  return `/^${prefix.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '\\/')}${tail}/${flags}`;
}

function mountDoc(mount: Mount): string[] {
  const t = mount.target;
  if (mount.entry !== undefined)
    return [`The monolith app, as its entry ${mount.entry} builds it (its listen intercepted): these routes need it (see the header).`];
  const how = t.export ? `export \`${t.export}\`` : `factory \`${t.factory}()\``;
  if (mount.level === 0) return [`The monolith app (${t.file}, ${how}): these routes need it (see the header).`];
  const above = chainFiles(mount);
  return [
    `${t.kind === 'app' ? 'Sub-app' : 'Router'} ${t.file} (${how}) at ${t.mountPath}${above.length > 0 ? `, behind the chain registered in ${above.join(', ')}` : ''}.`,
  ];
}

function header(input: HandlerInput): string[] {
  const { plan, fn, mounts, notes } = input;
  const lines = [
    `Generated by cleave from the split plan of ${plan.app.name} (cleave.plan.yaml): function \`${fn.id}\`.`,
    'Do not edit: change the plan and run `cleave generate` again (it will not overwrite edited files).',
    '',
    `Routes (${fn.routes.length}): ${fn.routes.join(', ')}.`,
    `Why together: ${fn.reason}`,
  ];
  const served = new Set(mounts.mounts.flatMap((m) => m.routes.map((r: Route) => r.id)));
  if (served.size < fn.routes.length)
    lines.push(`Not served here (the fallback route sends them to the monolith): ${fn.routes.filter((r) => !served.has(r)).join(', ')}.`);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((n) => `- ${n}`));
  return lines;
}
