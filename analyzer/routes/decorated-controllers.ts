import { type ClassDeclaration, type Decorator, Node } from 'ts-morph';
import { describeArgument } from './describe';
import type { Evaluator } from './evaluator';
import type { RouterModel } from './router-model';
import { type FunctionValue, type LibValue, type Value, str } from './values';

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
 * package. Undefined (left to the LIBRARY_ROUTES warning) when the controllers are not all
 * classes of the app (a glob string), or a prefix or path is not a literal.
 */
export function modelDecoratedControllers(ev: Evaluator, lib: LibValue, args: Value[], node: Node, conditions: string[]): DecoratedControllers | undefined {
  if (lib.pkg !== PACKAGE || lib.path.length !== 1) return undefined;
  const creates = lib.path[0] === 'createExpressServer';
  if (!creates && lib.path[0] !== 'useExpressServer') return undefined;
  const target = creates ? undefined : args[0];
  const options = creates ? args[0] : args[1];
  if ((!creates && target?.kind !== 'router') || options?.kind !== 'object') return undefined;
  const prefix = options.props.get('routePrefix');
  const controllers = options.props.get('controllers');
  if ((prefix && !(prefix.kind === 'string' && !prefix.dynamic)) || controllers?.kind !== 'array') return undefined;
  const classes = controllers.elements.map((c) => (c.kind === 'class' && Node.isClassDeclaration(c.node) ? { node: c.node, scope: c.scope } : undefined));
  if (classes.some((c) => c === undefined)) return undefined;
  const routes = classes.map((c) => routesOf(c!.node));
  if (routes.some((r) => r === undefined)) return undefined;
  const app = target?.kind === 'router' ? target.router : ev.newRouter('app', node);
  classes.forEach((c, i) => {
    for (const route of routes[i]!) {
      const handler: FunctionValue = { kind: 'function', node: route.method, scope: c!.scope };
      const described = describeArgument(ev, handler, route.method, 'handler');
      app.layers.push({
        type: 'route',
        method: route.verb,
        paths: str(joinPaths(prefix?.kind === 'string' ? prefix.value : '', route.prefix, route.path)),
        pathNode: route.decorator,
        args: [{ value: handler, node: route.method, asMiddleware: described, asHandler: described }],
        node: route.decorator,
        conditions,
        library: PACKAGE,
      });
    }
  });
  return creates ? { app } : {};
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

/** `'/api' + '/users' + '/:id'` as routing-controllers concatenates them, without doubled slashes; `/` when all are empty. */
function joinPaths(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').map((p) => (p.startsWith('/') ? p : `/${p}`)).join('').replace(/\/{2,}/g, '/');
  return joined === '' ? '/' : joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
