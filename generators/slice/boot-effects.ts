import { builtinModules } from 'node:module';
import { ts } from 'ts-morph';
import type { AppModules } from '../../model/analysis';
import { parseSource, resolveAmong } from './module-specifiers';
import { expressMethod, REGISTERING_METHODS } from './method-name';
import { boundNames } from './syntax';

/** What a boot statement reaches: an app module (a relative specifier and the file it is written in) or an npm package, by name. */
export type BootSource = { from: string; specifier: string } | { package: string };

/**
 * A statement a registering module runs at boot that is neither an import, a declaration, a
 * registration, a setting, `listen` nor an export: `passport.use('jwt', strategy)`,
 * `mongoose.connect(uri)`, `app.locals.title = ...`. A handler that rebuilds the chain above a
 * router, or imports the app without running the entry, would leave it out.
 */
export interface BootEffect {
  /** App-relative file. */
  file: string;
  /** 1-based line of the statement. */
  line: number;
  /** 1-based last line of the statement. */
  endLine: number;
  /** The statement's first line, trimmed (for messages). */
  text: string;
  /** The app files and packages its identifiers come from, through the file's imports and top-level declarations. */
  sources: BootSource[];
  /** True when it touches state no import names (a global, `app.locals`, `app.engine`): it matters to every route. */
  global: boolean;
}

/** What an app does at boot that wires or configures it: registrations, settings, `listen`. */
const REGISTERING = new Set([...REGISTERING_METHODS, 'param', 'set', 'enable', 'disable', 'listen']);
/** Constructors of plain containers: `new Map([...routers])` does nothing at load. */
const QUIET_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Date', 'RegExp', 'URL', 'Error']);
/** App methods whose effect a router of the app relies on and no rebuilt chain repeats. */
const APP_STATE = new Set(['engine']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/**
 * Side-effect imports that only teach Node where modules are (aliases, tsconfig paths) or how to
 * print stack traces: a bundle resolves every import when it is built, so they do nothing a
 * route needs.
 */
const RESOLUTION_ONLY = new Set(['module-alias/register', 'tsconfig-paths/register', 'source-map-support/register']);
/** Effects of these objects serve the process, not requests: signal handlers, logging. */
const PROCESS_ONLY = new Set(['process', 'console']);

/** One top-level binding of the file: what it was imported from, or the node that computes it. */
type Binding = { source: BootSource } | { node: ts.Node } | { builtin: true };

/**
 * The boot effects of one registering module (`file`, app-relative, with its `text`): its
 * top-level statements (and those inside top-level `if` and `try` blocks) that do something at
 * load beyond building and wiring the app. `registering` names the app's registering files, so
 * that the app or router a file imports from one of them is known as such. Pure.
 */
export function bootEffects(file: string, text: string, registering: ReadonlySet<string>): BootEffect[] {
  const source = parseSource(file, text);
  const bindings = topLevelBindings(source, file);
  const appLike = appLikeNames(source, bindings, file, registering);
  const effects: BootEffect[] = [];
  const visit = (statement: ts.Statement): void => {
    if (ts.isIfStatement(statement)) {
      visitBlock(statement.thenStatement);
      if (statement.elseStatement) visitBlock(statement.elseStatement);
      return;
    }
    if (ts.isTryStatement(statement)) {
      statement.tryBlock.statements.forEach(visit);
      return;
    }
    if (ts.isBlock(statement)) {
      statement.statements.forEach(visit);
      return;
    }
    if (ts.isForOfStatement(statement) || ts.isForInStatement(statement) || ts.isForStatement(statement)) {
      visitBlock(statement.statement);
      return;
    }
    const loopBody = forEachBody(statement);
    if (Array.isArray(loopBody)) {
      loopBody.forEach(visit);
      return;
    }
    const kind = loopBody ? expressionKind(loopBody as ts.Expression, source, appLike) : effectKind(statement, source, appLike);
    if (kind === undefined) return;
    const reached = reachedSources(statement, file, bindings, appLike);
    const lineAt = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
    effects.push({
      file,
      line: lineAt(statement.getStart(source)),
      endLine: lineAt(statement.getEnd()),
      text: firstLine(statement.getText(source)),
      sources: reached,
      global: kind === 'global',
    });
  };
  const visitBlock = (statement: ts.Statement) => (ts.isBlock(statement) ? statement.statements.forEach(visit) : visit(statement));
  source.statements.forEach(visit);
  return effects;
}

/**
 * Whether a boot effect matters to a function whose routes need `files` and `packages` (its
 * closure): it touches one of those packages, or an app module that is in the closure, leads
 * into it, or itself imports one of the packages (`mongoose.connect()` on a local wrapper of
 * mongoose), by the app's module graph when there is one. Without a closure, every effect does.
 */
export function effectMatters(effect: BootEffect, closure: { files?: readonly string[]; packages?: readonly string[] }, modules?: AppModules): boolean {
  if (effect.global || closure.files === undefined) return true;
  const files = new Set(closure.files);
  const packages = new Set(closure.packages ?? []);
  const graphFiles = new Set(Object.keys(modules?.files ?? {}));
  return effect.sources.some((s) => {
    if (!('specifier' in s)) return packages.has(s.package) || ENV_LOADERS.test(s.package);
    if (resolveAmong(s.from, s.specifier, files) !== undefined) return true;
    const start = resolveAmong(s.from, s.specifier, graphFiles);
    return start !== undefined && modules !== undefined && leadsInto(start, modules, files, packages);
  });
}

/** Whether `start` imports one of `packages` itself, or reaches a file of `files` through the graph. */
export function leadsInto(start: string, modules: AppModules, files: ReadonlySet<string>, packages: ReadonlySet<string>): boolean {
  if ((modules.files[start]?.packages ?? []).some((p) => packages.has(p))) return true;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) return true;
    for (const next of modules.files[file]?.imports ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** Packages that fill `process.env` at boot: every route may read what they load. */
const ENV_LOADERS = /^dotenv(-safe|-flow|-expand)?$|^@dotenvx\/dotenvx$/;

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** `undefined`: no effect; `local`: an effect on what its identifiers reach; `global`: on state every route may share. */
function effectKind(statement: ts.Statement, source: ts.SourceFile, appLike: ReadonlySet<string>): 'local' | 'global' | undefined {
  // `import './db'`, `require('./db')`: loaded for what it does, which no import reveals.
  if (ts.isImportDeclaration(statement)) return statement.importClause || resolutionOnly(statement.moduleSpecifier) ? undefined : 'global';
  if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) && isRequire(statement.expression))
    return resolutionOnly(statement.expression.arguments[0]) ? undefined : 'global';
  if (ts.isImportEqualsDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return undefined;
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement))
    return undefined;
  if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || ts.isEmptyStatement(statement)) return undefined;
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.every((d) => !d.initializer || quietInitializer(d.initializer, appLike) || onlyWired(d, source, appLike))
      ? undefined
      : 'local';
  return ts.isExpressionStatement(statement) ? expressionKind(statement.expression, source, appLike) : 'local';
}

function resolutionOnly(specifier: ts.Node | undefined): boolean {
  return !!specifier && ts.isStringLiteralLike(specifier) && RESOLUTION_ONLY.has(specifier.text);
}

/** `effectKind` of an expression run for its effect (a statement, or an arrow's expression body). */
function expressionKind(expression: ts.Expression, source: ts.SourceFile, appLike: ReadonlySet<string>): 'local' | 'global' | undefined {
  if (ts.isStringLiteral(expression)) return undefined; // 'use strict'
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = expression.left.getText(source);
    if (/^(module\.)?exports(\.|$)/.test(target)) return undefined;
    const root = rootName(expression.left);
    if (root !== undefined && appLike.has(root)) return 'global'; // app.locals.x = ...
    if (ts.isIdentifier(expression.left)) return 'global'; // Promise = require('bluebird')
    return 'local';
  }
  if (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    // `require('./routes')(app)`, `auth(app)`, `register(app)`: a module wiring its routes onto the app.
    if (expression.arguments.some((a) => ts.isIdentifier(a) && appLike.has(a.text))) return undefined;
    if (ts.isPropertyAccessExpression(callee)) {
      const root = rootName(callee.expression);
      if (root !== undefined && PROCESS_ONLY.has(root)) return undefined;
      if (root !== undefined && appLike.has(root))
        return APP_STATE.has(callee.name.text) ? 'global' : REGISTERING.has(expressMethod(callee.name.text)) || chainRegisters(callee) ? undefined : 'local';
    }
  }
  return 'local';
}

/** `app.route('/x').get(...)`: a chain that starts at a registering call. */
function chainRegisters(callee: ts.PropertyAccessExpression): boolean {
  let at: ts.Expression = callee.expression;
  while (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression)) {
    if (REGISTERING.has(expressMethod(at.expression.name.text))) return true;
    at = at.expression.expression;
  }
  return false;
}

/** An initializer that does nothing at load: literals, functions, `require()`, reads of names and members, app and server creation. */
function quietInitializer(node: ts.Expression, appLike: ReadonlySet<string>): boolean {
  let quiet = true;
  const visit = (n: ts.Node): void => {
    if (!quiet || ts.isFunctionLike(n)) return;
    if (ts.isCallExpression(n) && !isRequire(n) && !createsAppOrServer(n, appLike)) quiet = false;
    else if (ts.isNewExpression(n) && !(ts.isIdentifier(n.expression) && QUIET_CONSTRUCTORS.has(n.expression.text))) quiet = false;
    else if (ts.isAwaitExpression(n) || (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && !isExportTarget(n.left)))
      quiet = false;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return quiet;
}

/** A declaration whose names are used only as arguments of registrations (`const limiter = rateLimit(); app.use(limiter)`): middleware construction, which the chain repeats. */
function onlyWired(declaration: ts.VariableDeclaration, source: ts.SourceFile, appLike: ReadonlySet<string>): boolean {
  if (!ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  let used = false;
  let elsewhere = false;
  const visit = (n: ts.Node, inRegistration: boolean): void => {
    if (n === declaration) return;
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      used = true;
      if (!inRegistration) elsewhere = true;
    }
    const registers = ts.isExpressionStatement(n) && effectKind(n, source, appLike) === undefined && ts.isCallExpression(n.expression);
    ts.forEachChild(n, (c) => visit(c, inRegistration || registers));
  };
  visit(source, false);
  return used && !elsewhere;
}

/** `module.exports`, `module.exports.x`, `exports.x`: what `var app = module.exports = express()` assigns besides the variable. */
function isExportTarget(node: ts.Expression): boolean {
  return /^(module\.)?exports(\.|$)/.test(node.getText());
}

/** The innermost value of `a = module.exports = express()`. */
function assigned(node: ts.Expression): ts.Expression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? assigned(node.right) : node;
}

/** The statements (or the expression body) of `[...].forEach((x) => ...)`'s callback, which run once per element at load. */
function forEachBody(statement: ts.Statement): readonly ts.Statement[] | ts.Expression | undefined {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return undefined;
  const call = statement.expression;
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'forEach') return undefined;
  const fn = call.arguments[0];
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  return ts.isBlock(fn.body) ? fn.body.statements : fn.body;
}

function isRequire(call: ts.CallExpression): boolean {
  return ts.isIdentifier(call.expression) && call.expression.text === 'require';
}

/** `express()`, `express.Router()`, `Router()`, `require('express')()`, `http.createServer(app)`, or a call of an app factory a registering module exports. */
function createsAppOrServer(call: ts.CallExpression, appLike: ReadonlySet<string>): boolean {
  const callee = call.expression;
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isCallExpression(callee) && isRequire(callee)
        ? 'express'
        : undefined;
  if (name === undefined) return false;
  if (ts.isIdentifier(callee) && appLike.has(name)) return true;
  return name === 'express' || name === 'Router' || name === 'createServer';
}

function rootName(node: ts.Expression): string | undefined {
  let at = node;
  while (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at) || ts.isCallExpression(at)) at = at.expression;
  return ts.isIdentifier(at) ? at.text : undefined;
}

/** Top-level names: imports (with what they come from) and declarations (with their initializer or body). */
function topLevelBindings(source: ts.SourceFile, file: string): Map<string, Binding> {
  const out = new Map<string, Binding>();
  const fromSpecifier = (specifier: string): Binding => (BUILTINS.has(specifier) ? { builtin: true } : { source: sourceOf(file, specifier) });
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause && ts.isStringLiteral(statement.moduleSpecifier)) {
      const binding = fromSpecifier(statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (clause.name) out.set(clause.name.text, binding);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) out.set(named.name.text, binding);
      else if (named) for (const e of named.elements) out.set(e.name.text, binding);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression)
    ) {
      out.set(statement.name.text, fromSpecifier(statement.moduleReference.expression.text));
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      out.set(statement.name.text, { node: statement });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const required = d.initializer && requiredSpecifier(d.initializer);
        const binding: Binding = required !== undefined ? fromSpecifier(required) : { node: d.initializer ?? d };
        for (const name of boundNames(d.name)) out.set(name, binding);
      }
    }
  }
  return out;
}

/** What `specifier`, written in `file`, names. */
function sourceOf(file: string, specifier: string): BootSource {
  if (specifier.startsWith('.')) return { from: file, specifier };
  const parts = specifier.split('/');
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

/** `require('x')`, `require('x').y`, `require('x').default`: the specifier. */
function requiredSpecifier(node: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return requiredSpecifier(node.expression);
  if (ts.isCallExpression(node) && isRequire(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) return node.arguments[0].text;
  return undefined;
}

/**
 * Names of the apps, routers and servers of the file: made by `express()`/`Router()`/
 * `createServer()`, imported from a registering module, or made by a factory imported from one.
 */
function appLikeNames(source: ts.SourceFile, bindings: ReadonlyMap<string, Binding>, file: string, registering: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const [name, binding] of bindings) {
    if ('source' in binding && 'specifier' in binding.source && resolveAmong(file, binding.source.specifier, registering) !== undefined) names.add(name);
  }
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer && assigned(d.initializer);
      if (ts.isIdentifier(d.name) && init && ts.isCallExpression(init) && createsAppOrServer(init, names)) names.add(d.name.text);
    }
  }
  return names;
}

/** The app files and packages a statement's identifiers reach, following top-level declarations of the file (not through apps and routers). */
function reachedSources(statement: ts.Node, file: string, bindings: ReadonlyMap<string, Binding>, appLike: ReadonlySet<string>): BootSource[] {
  const out = new Map<string, BootSource>();
  const seen = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) &&
      !seen.has(node.text) &&
      !appLike.has(node.text)
    ) {
      seen.add(node.text);
      const binding = bindings.get(node.text);
      if (binding && 'source' in binding) out.set(JSON.stringify(binding.source), binding.source);
      else if (binding && 'node' in binding) visit(binding.node);
    }
    const required =
      ts.isCallExpression(node) && isRequire(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) ? node.arguments[0].text : undefined;
    if (required !== undefined && !BUILTINS.has(required)) {
      const source = sourceOf(file, required);
      out.set(JSON.stringify(source), source);
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return [...out.values()];
}
