import { Node, VariableDeclarationKind } from 'ts-morph';
import type { HazardContext } from '../types';
import { resolveValue } from './exports';
import { isFrom } from './imports';
import { isModuleLevel } from './scopes';
import { bootFunctions } from './boot-calls';
import { enclosingFunction, type FunctionLike, isFunctionLike, unwrap } from './syntax';
import type { WriteSite } from './writes';

/** What kind of in-process state a declaration holds. */
export type StateKind = 'Map' | 'Set' | 'array' | 'object' | 'cache' | 'counter' | 'variable';

/** In-memory cache packages whose instances are per process. */
const CACHE_PACKAGES = ['lru-cache', 'node-cache', 'quick-lru', 'mnemonist', 'memory-cache', 'flat-cache', 'tiny-lru', 'lru_map'];

/** The container an initializer creates: `new Map()`, `[]`, `{}`, `new NodeCache()`; undefined otherwise. */
export function containerKind(init: Node | undefined): StateKind | undefined {
  if (!init) return undefined;
  const n = unwrap(init);
  if (Node.isArrayLiteralExpression(n)) return 'array';
  if (Node.isObjectLiteralExpression(n)) return 'object';
  if (Node.isNewExpression(n)) {
    const callee = unwrap(n.getExpression());
    const text = callee.getText();
    if (text === 'Map') return 'Map';
    if (text === 'Set') return 'Set';
    if (text === 'Array') return 'array';
    if (CACHE_PACKAGES.some((p) => isFrom(callee, p) || isFrom(callee, p, 'LRUCache', 'LRU', 'LRUMap', 'Cache'))) return 'cache';
    return undefined;
  }
  if (Node.isCallExpression(n) && /^(Object\.create|Array\.from|Array\.of)$/.test(n.getExpression().getText()))
    return n.getExpression().getText() === 'Object.create' ? 'object' : 'array';
  return undefined;
}

/** The state a write changes: its module-level declaration (in this file or, through imports, another) and kind. */
export interface WrittenState {
  /** The module-level variable declaration. */
  decl: Node;
  /** What it holds. */
  kind: StateKind;
}

/**
 * The module-level state a write changes, or undefined for local variables, parameters,
 * `this`, and values that are not in-process containers (a client's `.set` is a network call).
 * `x = v` and `x++` count for `let`/`var` of any kind; member writes and mutating calls only
 * for Maps, Sets, arrays, plain objects and in-memory caches.
 */
export function writtenState(ctx: HazardContext, w: WriteSite): WrittenState | undefined {
  const chain = accessChain(
    w.kind === 'member' && (Node.isPropertyAccessExpression(w.target) || Node.isElementAccessExpression(w.target)) ? w.target.getExpression() : w.target,
  );
  for (const candidate of chain) {
    const value = resolveValue(ctx, candidate);
    if (!value) {
      if (Node.isIdentifier(candidate)) return undefined;
      continue;
    }
    if (!Node.isVariableDeclaration(value)) {
      // a container held inside the state (`stats.byStatus`) belongs to it; anything else
      // (`db.products` holding a class instance, a client) is not in-process container state
      if (Node.isIdentifier(candidate) || !containerKind(value)) return undefined;
      continue;
    }
    if (!isModuleLevel(value)) {
      // A container made inside a factory called once at boot (`const cache = makeCache()`)
      // lives as long as the process, as module state does, for every closure the factory returns.
      const kind = w.kind === 'member' || w.kind === 'call' ? containerKind(value.getInitializer()) : undefined;
      return kind && madeByBootFactory(ctx, value, w.node) ? { decl: value, kind } : undefined;
    }
    const direct = w.kind === 'assign' || w.kind === 'update';
    if (direct) {
      if (value.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const) return undefined;
      const init = value.getInitializer();
      const kind = containerKind(init) ?? (init && Node.isNumericLiteral(unwrap(init)) ? 'counter' : 'variable');
      return { decl: value, kind };
    }
    const kind = containerKind(value.getInitializer());
    return kind ? { decl: value, kind } : undefined;
  }
  return undefined;
}

/**
 * Whether a declaration sits directly in the body of a function the app calls at boot, and the
 * write `at` is in a closure made there (a method of what the factory returns, a listener it
 * adds): that container outlives the call. A write in the factory's own body is to a fresh
 * local of each call (`const changed = []` in a job), not state.
 */
export function madeByBootFactory(ctx: HazardContext, decl: Node, at: Node): boolean {
  const statement = Node.isVariableDeclaration(decl) ? decl.getVariableStatement() : undefined;
  const body = statement?.getParent();
  const factory = body && Node.isBlock(body) ? body.getParent() : undefined;
  if (!factory || !isFunctionLike(factory) || enclosingFunction(at) === factory) return false;
  return bootFunctions(ctx).has(factory as FunctionLike);
}

/** `a.b[c].d` as `[a.b[c].d, a.b[c], a.b, a]`. */
function accessChain(node: Node): Node[] {
  const out: Node[] = [];
  let n: Node = unwrap(node);
  for (;;) {
    out.push(n);
    if (Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n)) n = unwrap(n.getExpression());
    else break;
  }
  return out;
}
