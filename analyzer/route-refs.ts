import { Node } from 'ts-morph';
import type { AppSetting, Middleware, RouterRef, SourceRef } from '../model/analysis';
import { exportPath } from './closure/export-path';
import { sourceImports } from './closure/source-imports';
import type { ModuleResolver } from './load/module-resolver';
import { lineOf } from './positions';
import type { FunctionRef } from './routes/express/describe';
import type { ChainEntry, StackEntry } from './routes/express/flatten';
import type { RouterModel } from './routes/express/router-model';
import { compact } from './routes/evaluator/text';

/** What turning the evaluator's findings into Analysis records needs. */
export interface RefContext {
  /** Absolute path → path relative to the app dir, with '/'. */
  rel: (file: string) => string;
  /** Absolute app dir. */
  appDir: string;
  /** Resolves import specifiers (for the imports of middleware sources). */
  resolver: ModuleResolver;
}

/** An app or router of a route's stack: where it is created and how generated code gets hold of it. */
export function routerRef(entry: Pick<StackEntry, 'router' | 'mountPath'>, ctx: RefContext): RouterRef {
  const { router, mountPath } = entry;
  let known = refs.get(router);
  if (!known) {
    const holder = router.node.getParent();
    const exported = holder ? exportPath(Node.isVariableDeclaration(holder) ? holder : router.node) : undefined;
    const factory = exported ? undefined : factoryOf(router.node);
    const settings = router.kind === 'app' ? appSettings(router.settings ?? []) : [];
    known = { exported, factory, settings };
    refs.set(router, known);
  }
  const { exported, factory, settings } = known;
  return {
    ...site(router.node, ctx.rel),
    ...(exported ? { export: exported } : {}),
    ...(factory ? { factory } : {}),
    mountPath,
    kind: router.kind,
    ...(settings.length > 0 ? { settings } : {}),
  };
}

/** Export, factory and settings of each router, worked out once (every route below it asks). */
const refs = new WeakMap<RouterModel, { exported?: string; factory?: string; settings: AppSetting[] }>();

/** A middleware of a route's chain, with what generated code needs to rebuild it. */
export function middlewareRef(entry: ChainEntry, ctx: RefContext): Middleware {
  const result: Middleware = { ...sourceRef(entry.ref, ctx.rel), scope: entry.scope };
  if (entry.ref.expr) {
    result.source = compact(entry.ref.expr.getText());
    result.sourceFile = ctx.rel(entry.ref.expr.getSourceFile().getFilePath());
  }
  if (entry.ref.pkg) result.package = entry.ref.pkg;
  if (entry.path) result.path = entry.path;
  if (entry.conditions.length > 0) result.conditional = entry.conditions.join(' && ');
  result.level = entry.level;
  const imports = entry.ref.expr ? sourceImports(entry.ref.expr, ctx.appDir, ctx.resolver) : undefined;
  if (imports) result.imports = imports;
  return result;
}

/** A handler or middleware function: its name, place and export path. */
export function sourceRef(ref: FunctionRef, rel: (f: string) => string): SourceRef {
  const exported = ref.fn ? exportPath(ref.fn) : undefined;
  return { name: ref.name, ...site(ref.node, rel), ...(exported ? { export: exported } : {}) };
}

/** File and line of a node. */
export function site(node: Node, rel: (f: string) => string): { file: string; line: number } {
  return { file: rel(node.getSourceFile().getFilePath()), line: lineOf(node) };
}

/**
 * The export path of the function that creates `created` and returns it, when that function is
 * exported and can be called without arguments (`export function createApp() { const app = express(); ...; return app; }`).
 */
function factoryOf(created: Node): string | undefined {
  const fn = created.getFirstAncestor((n) => Node.isFunctionDeclaration(n) || Node.isArrowFunction(n) || Node.isFunctionExpression(n));
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return undefined;
  if (fn.getParameters().some((p) => !p.hasInitializer() && !p.hasQuestionToken() && !p.isRestParameter())) return undefined;
  const holder = created.getParent();
  const name = holder && Node.isVariableDeclaration(holder) ? holder.getName() : undefined;
  const returned = (text: string): boolean => text === created.getText() || (name !== undefined && text === name);
  const returns =
    Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody())
      ? returned(fn.getBody().getText())
      : fn
          .getDescendants()
          .some(
            (n) =>
              Node.isReturnStatement(n) &&
              n.getFirstAncestor((a) => a === fn || Node.isFunctionLikeDeclaration(a) || Node.isArrowFunction(a) || Node.isFunctionExpression(a)) === fn &&
              returned(n.getExpression()?.getText() ?? ''),
          );
  if (!returns) return undefined;
  return exportPath(fn);
}

/** Settings made on an app, deduplicated (an app factory evaluated twice records them twice). */
function appSettings(calls: NonNullable<RouterModel['settings']>): AppSetting[] {
  const seen = new Set<Node>();
  const out: AppSetting[] = [];
  for (const call of calls) {
    const key = call.args[0];
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({
      method: call.method,
      args: call.args.map((a) => compact(a.getText())),
      ...(call.conditions.length > 0 ? { conditional: call.conditions.join(' && ') } : {}),
    });
  }
  return out;
}
