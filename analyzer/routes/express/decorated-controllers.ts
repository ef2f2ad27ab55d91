import * as path from 'node:path';
import { type ClassDeclaration, type Decorator, Node } from 'ts-morph';
import { globSync } from 'tinyglobby';
import { describeArgument } from './describe';
import { joinPath } from './paths';
import type { EvalContext, Evaluator } from '../evaluator/evaluator';
import { layerArgs } from './express-api';
import type { LayerArg, RouterModel } from './router-model';
import { type FunctionValue, type LibValue, type Value, str } from '../evaluator/values';

/** The package whose decorated controller classes register routes on an Express app. */
const PACKAGE = 'routing-controllers';
/** Class decorators that make a controller, with its route prefix as first argument. */
const CONTROLLERS = new Set(['Controller', 'JsonController']);
/** Method decorators that make a route, by the method they answer. */
const ROUTE_METHODS: Readonly<Record<string, string>> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', All: 'ALL' };

/** What `modelDecoratedControllers` made of a call. */
export interface DecoratedControllers {
  /** The app `createExpressServer(...)` returns, which the routes were added to; absent for `useExpressServer(app, ...)`. */
  app?: RouterModel;
}

/**
 * Models routing-controllers: `useExpressServer(app, { routePrefix, controllers: [UserController] })`
 * and `createExpressServer({ ... })` (which makes the app) add, per `@Controller('/users')` (or
 * `@JsonController`) class, a route per method decorated `@Get('/:id')`, `@Post()`, ... at
 * routePrefix + controller prefix + method path, answered by that method and marked with the
 * package. Controllers may be classes or glob patterns of their files (`__dirname +
 * '/controllers/*.js'`, which also matches the `.ts` sources), whose exported controller classes
 * count. Undefined (left to the LIBRARY_ROUTES warning) when a controller is neither, a pattern
 * matches no file, or a prefix or path is not a literal.
 */
export function modelDecoratedControllers(
  ev: Evaluator,
  newApp: () => RouterModel,
  lib: LibValue,
  args: Value[],
  node: Node,
  ctx: EvalContext,
): DecoratedControllers | undefined {
  const conditions = ctx.conditions;
  if (lib.pkg !== PACKAGE || lib.path.length !== 1) return undefined;
  const creates = lib.path[0] === 'createExpressServer';
  if (!creates && lib.path[0] !== 'useExpressServer') return undefined;
  const target = creates ? undefined : args[0];
  const options = creates ? args[0] : args[1];
  if ((!creates && target?.kind !== 'router') || options?.kind !== 'object') return undefined;
  const prefix = options.props.get('routePrefix');
  const controllers = options.props.get('controllers');
  if ((prefix && !(prefix.kind === 'string' && !prefix.dynamic)) || controllers?.kind !== 'array') return undefined;
  const classes = controllers.elements.flatMap((c): Array<{ node: ClassDeclaration; scope: FunctionValue['scope'] } | undefined> => {
    if (c.kind === 'class') return [Node.isClassDeclaration(c.node) ? { node: c.node, scope: c.scope } : undefined];
    if (c.kind !== 'string' || c.dynamic) return [undefined];
    const found = controllerClasses(ev, c.value, node, ctx);
    if (found.length > 0) {
      ev.diagnostics.atNode(
        'CONTROLLERS_FROM_GLOB',
        'warning',
        node,
        `routing-controllers loads the controllers of ${c.value.startsWith(ev.appDir) ? path.relative(ev.appDir, c.value) : c.value} from the files a glob matches at run time; their routes are listed, but a function's bundle holds no such files, so the library would find none`,
        'import the controller classes and pass them (`controllers: [UserController]`), so the bundler carries them',
      );
    }
    return found.length > 0 ? found : [undefined];
  });
  if (classes.some((c) => c === undefined)) return undefined;
  const routes = classes.map((c) => routesOf(c!.node));
  if (routes.some((r) => r === undefined)) return undefined;
  const app = target?.kind === 'router' ? target.router : newApp();
  const checker = options.props.get('authorizationChecker');
  classes.forEach((c, i) => {
    const classUses = useBefore(ev, c!.node.getDecorators(), c!.scope, ctx);
    for (const route of routes[i]!) {
      const handler: FunctionValue = { kind: 'function', node: route.method, scope: c!.scope };
      const described = describeArgument(ev, handler, route.method, 'handler');
      const decorators = Node.isMethodDeclaration(route.method) ? route.method.getDecorators() : [];
      const authorized = [...c!.node.getDecorators(), ...decorators].some((d) => d.getName() === 'Authorized');
      const checks = authorized && checker?.kind === 'function' ? layerArgs(ev, [{ value: checker, node: checker.node }]) : [];
      app.layers.push({
        type: 'route',
        method: route.verb,
        paths: str(joinPaths(prefix?.kind === 'string' ? prefix.value : '', route.prefix, route.path)),
        pathNode: route.decorator,
        args: [
          ...classUses,
          ...useBefore(ev, decorators, c!.scope, ctx),
          ...checks,
          { value: handler, node: route.method, asMiddleware: described, asHandler: described },
        ],
        node: route.decorator,
        conditions,
        library: PACKAGE,
        controller: { node: c!.node, ...exportName(c!.node), call: node },
      });
    }
  });
  return creates ? { app } : {};
}

/**
 * The middleware `@UseBefore(fn, ...)` decorators run before an action, in source order: those of
 * the controller class apply to each of its actions, before the action's own; the check
 * `@Authorized()` makes (the `authorizationChecker` of the options) runs after them, as
 * routing-controllers' Express driver registers them.
 */
function useBefore(ev: Evaluator, decorators: Decorator[], scope: FunctionValue['scope'], ctx: EvalContext): LayerArg[] {
  const args = decorators.filter((d) => d.getName() === 'UseBefore').flatMap((d) => d.getArguments());
  return layerArgs(
    ev,
    args.map((node) => ({ value: ev.evaluate(node, scope, ctx), node })),
  );
}

/** The exported controller classes of the app files a glob pattern matches (a `.js` pattern matching the `.ts` sources when no `.js` file is there). */
function controllerClasses(ev: Evaluator, pattern: string, node: Node, ctx: EvalContext): Array<{ node: ClassDeclaration; scope: FunctionValue['scope'] }> {
  const relative = path.isAbsolute(pattern) ? path.relative(ev.appDir, pattern).split(path.sep).join('/') : pattern;
  if (relative.startsWith('..')) return [];
  const list = (p: string) => globSync([p], { cwd: ev.appDir, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] }).sort();
  let files = list(relative);
  if (files.length === 0 && /\.js$/.test(relative)) files = list(relative.replace(/\.js$/, '.ts'));
  const out: Array<{ node: ClassDeclaration; scope: FunctionValue['scope'] }> = [];
  for (const file of files) {
    const exported = ev.loadPath(file, node, ctx);
    const values = exported.kind === 'object' ? [...exported.props.values()] : [exported];
    for (const v of values)
      if (v.kind === 'class' && Node.isClassDeclaration(v.node) && v.node.getDecorators().some((d) => CONTROLLERS.has(d.getName())))
        out.push({ node: v.node, scope: v.scope });
  }
  return out;
}

/** The name a controller class's file exports it under (`default` for a default export), when it does. */
function exportName(cls: ClassDeclaration): { export?: string } {
  if (cls.isDefaultExport()) return { export: 'default' };
  const name = cls.getName();
  return name !== undefined && cls.isExported() ? { export: name } : {};
}

/** One decorated method of a controller class. */
interface DecoratedRoute {
  verb: string;
  prefix: string;
  path: string;
  method: Node;
  decorator: Node;
}

/** The routes of a controller class, in source order; undefined when a prefix or path is not a literal, or the class is no controller. */
function routesOf(cls: ClassDeclaration): DecoratedRoute[] | undefined {
  const controller = cls.getDecorators().find((d) => CONTROLLERS.has(d.getName()));
  if (!controller) return undefined;
  const prefix = literalArgument(controller);
  if (prefix === undefined) return undefined;
  const out: DecoratedRoute[] = [];
  for (const method of cls.getMethods()) {
    for (const decorator of method.getDecorators()) {
      const verb = ROUTE_METHODS[decorator.getName()];
      if (!verb) continue;
      const path = literalArgument(decorator);
      if (path === undefined) return undefined;
      out.push({ verb, prefix, path, method, decorator });
    }
  }
  return out;
}

/** The decorator's first argument when it is a string literal, `''` when it has none, else undefined. */
function literalArgument(decorator: Decorator): string | undefined {
  const first = decorator.getArguments()[0];
  if (!first) return '';
  return Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first) ? first.getLiteralValue() : undefined;
}

/** `'/api' + '/users' + '/:id'` as routing-controllers concatenates them (a part without its leading slash gets one), joined as Express joins mount paths. */
function joinPaths(...parts: string[]): string {
  return (
    parts
      .filter((p) => p !== '')
      .map((p) => (p.startsWith('/') ? p : `/${p}`))
      .reduce(joinPath, '') || '/'
  );
}
