import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { findDeclaration } from './scopes';
import { callsIn, nodesOfKind, propertyName, rootIdentifier, stringValue, unwrap } from './syntax';

/** A value that comes from a module: `multer.diskStorage` is `{ module: 'multer', path: ['diskStorage'] }`. */
export interface ModuleRef {
  /** The specifier as written, without a `node:` prefix (`multer`, `./jobs/expire-carts`). */
  module: string;
  /** Member path below the module's export (`default` dropped): `[]` for the module itself. */
  path: string[];
}

/**
 * What module an expression's value comes from, following import bindings, `require`,
 * destructuring and aliases (`const Server = WebSocket.Server`). Undefined for anything else,
 * including the results of calls (`express()` is not `express`).
 */
export function moduleRef(expr: Node, depth = 0): ModuleRef | undefined {
  const cached = refCache.get(expr);
  if (cached !== undefined) return cached ?? undefined;
  const ref = computeRef(expr, depth);
  if (depth === 0) refCache.set(expr, ref ?? null);
  return ref;
}

const refCache = new WeakMap<Node, ModuleRef | null>();

function computeRef(expr: Node, depth: number): ModuleRef | undefined {
  if (depth > 8) return undefined;
  const n = unwrap(expr);
  const spec = requiredModule(n);
  if (spec !== undefined) return { module: spec, path: [] };
  if (Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n)) {
    const name = Node.isPropertyAccessExpression(n) ? n.getName() : propertyName(n.getArgumentExpression() ?? n);
    const base = name === undefined ? undefined : moduleRef(n.getExpression(), depth + 1);
    return base && name !== undefined ? member(base, name) : undefined;
  }
  if (!Node.isIdentifier(n) || !moduleNames(n.getSourceFile()).has(n.getText())) return undefined;
  const decl = findDeclaration(n);
  if (!decl) return undefined;
  if (Node.isImportClause(decl)) {
    const importDecl = decl.getParent();
    return Node.isImportDeclaration(importDecl) ? root(importDecl.getModuleSpecifierValue()) : undefined;
  }
  if (Node.isImportSpecifier(decl)) return member(root(decl.getImportDeclaration().getModuleSpecifierValue()), decl.getName());
  if (Node.isImportEqualsDeclaration(decl)) {
    const ref = decl.getModuleReference();
    return Node.isExternalModuleReference(ref) ? root(stringValue(ref.getExpression()) ?? '') : undefined;
  }
  if (Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    return init ? moduleRef(init, depth + 1) : undefined;
  }
  if (Node.isBindingElement(decl)) {
    const holder = decl.getParent()?.getParent();
    const init = holder && Node.isVariableDeclaration(holder) ? holder.getInitializer() : undefined;
    const base = init ? moduleRef(init, depth + 1) : undefined;
    const key = decl.getPropertyNameNode();
    const name = key ? propertyName(key) : decl.getName();
    return base && name !== undefined ? member(base, name) : undefined;
  }
  return undefined;
}

/** Whether `expr` is `module` itself (`path` omitted) or one of its members (`path` like `'diskStorage'` or `'transports.File'`). */
export function isFrom(expr: Node | undefined, modules: string | string[], ...paths: string[]): boolean {
  if (!expr) return false;
  const ref = moduleRef(expr);
  if (!ref || !(Array.isArray(modules) ? modules : [modules]).includes(ref.module)) return false;
  const joined = ref.path.join('.');
  return paths.length === 0 ? joined === '' : paths.includes(joined);
}

/** The specifier of `require('x')` or `await import('x')`. */
export function requiredModule(node: Node): string | undefined {
  const n = unwrap(Node.isAwaitExpression(node) ? node.getExpression() : node);
  if (!Node.isCallExpression(n)) return undefined;
  const callee = n.getExpression();
  const isRequire = Node.isIdentifier(callee) && callee.getText() === 'require';
  if (!isRequire && callee.getKind() !== SyntaxKind.ImportKeyword) return undefined;
  const spec = stringValue(n.getArguments()[0]);
  return spec === undefined ? undefined : strip(spec);
}

const importCache = new WeakMap<SourceFile, Set<string>>();

/** The modules a file imports or requires (specifiers without `node:`), cached. */
export function importedModules(sf: SourceFile): Set<string> {
  let hit = importCache.get(sf);
  if (hit) return hit;
  hit = new Set(sf.getImportDeclarations().map((d) => strip(d.getModuleSpecifierValue())));
  for (const call of callsIn(sf)) {
    const spec = requiredModule(call);
    if (spec !== undefined) hit.add(spec);
  }
  importCache.set(sf, hit);
  return hit;
}

/** Whether a file imports any of `modules`. */
export function importsAny(sf: SourceFile, modules: string[]): boolean {
  const mods = importedModules(sf);
  return modules.some((m) => mods.has(m));
}

function root(spec: string): ModuleRef {
  return { module: strip(spec), path: [] };
}

function member(base: ModuleRef, name: string): ModuleRef {
  return base.path.length === 0 && name === 'default' ? base : { module: base.module, path: [...base.path, name] };
}

function strip(spec: string): string {
  return spec.startsWith('node:') ? spec.slice(5) : spec;
}

const namesCache = new WeakMap<SourceFile, Set<string>>();

/**
 * Names in a file that may hold a module or one of its members: import bindings, variables
 * initialised from `require`/`import()`, and aliases of those (`const Server = WebSocket.Server`).
 * A quick filter so `moduleRef` skips scope lookups for every other identifier.
 */
function moduleNames(sf: SourceFile): Set<string> {
  const hit = namesCache.get(sf);
  if (hit) return hit;
  const names = new Set<string>();
  for (const d of sf.getImportDeclarations()) {
    const clause = d.getImportClause();
    const def = clause?.getDefaultImport();
    if (def) names.add(def.getText());
    const ns = clause?.getNamespaceImport();
    if (ns) names.add(ns.getText());
    for (const spec of d.getNamedImports()) names.add((spec.getAliasNode() ?? spec.getNameNode()).getText());
  }
  for (const d of nodesOfKind(sf, SyntaxKind.ImportEqualsDeclaration)) names.add(d.getName());
  const decls = nodesOfKind(sf, SyntaxKind.VariableDeclaration).filter((d) => d.getInitializer());
  for (let round = 0, grew = true; round < 4 && grew; round++) {
    grew = false;
    for (const d of decls) {
      const init = unwrap(d.getInitializer()!);
      const root = rootIdentifier(Node.isAwaitExpression(init) ? init.getExpression() : init);
      const fromModule = /\b(require|import)\s*\(/.test(init.getText()) || (root !== undefined && names.has(root.getText()));
      if (!fromModule) continue;
      for (const name of boundNames(d.getNameNode())) {
        if (!names.has(name)) {
          names.add(name);
          grew = true;
        }
      }
    }
  }
  namesCache.set(sf, names);
  return names;
}

function boundNames(name: Node): string[] {
  if (Node.isIdentifier(name)) return [name.getText()];
  if (Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name)) {
    return name.getElements().flatMap((e) => (Node.isOmittedExpression(e) ? [] : boundNames(e.getNameNode())));
  }
  return [];
}
