import { Node } from 'ts-morph';
import type { Evaluator } from '../evaluator/evaluator';
import { compact } from '../evaluator/text';
import type { LibValue, Value } from '../evaluator/values';

/** Packages that serve routes of their own when mounted with `use(path, ...)`. */
export const ROUTE_SERVING_PACKAGES = new Set([
  'swagger-ui-express',
  'express-status-monitor',
  '@bull-board/express',
  'bull-board',
  '@adminjs/express',
  'admin-bro-expressjs',
  '@admin-bro/express',
  'express-graphql',
  'graphql-http',
  '@apollo/server',
  'apollo-server-express',
  'express-openapi',
  'swagger-stats',
  'express-robots-txt',
  'express-prom-bundle',
  'finale-rest',
  'epilogue',
  'express-restify-mongoose',
  'json-server',
  'express-basic-auth-ui',
]);

/**
 * Packages whose middleware answers the path it is mounted at and everything below it
 * (`app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec))`, `app.use('/listing', serveIndex('public'))`,
 * `app.use('/graphql', createHandler({ schema }))`): such a mount is reported as one `USE` route,
 * marked with the package, so the plan places it like any other.
 */
export const SERVES_UNDER_MOUNT = new Set([
  'swagger-ui-express',
  'serve-index',
  'agendash',
  '@bull-board/express',
  'express-graphql',
  'graphql-http',
  '@apollo/server',
  'apollo-server-express',
  'json-server',
]);

/**
 * Packages that, mounted without a path, answer one path of their own and pass every other
 * request on: that route (its default path, or the `path` option written in the call).
 */
export const PATHLESS_SERVED: Readonly<Record<string, { method: string; path: string }>> = {
  'express-robots-txt': { method: 'GET', path: '/robots.txt' },
  'express-status-monitor': { method: 'GET', path: '/status' },
};

/** The `path: '/x'` option written in a library call's first argument (`statusMonitor({ path: '/metrics' })`). */
export function libraryPathOption(node: Node): string | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const options = node.getArguments()[0];
  if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
  const property = options.getProperty('path');
  const value = property && Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  return value && Node.isStringLiteral(value) && value.getLiteralValue().startsWith('/') ? value.getLiteralValue() : undefined;
}

/**
 * Calls of packages known to add routes to an app (`finale.resource({ endpoints })`), and
 * constructors of servers that build the app and its routes themselves from decorated
 * controllers (inversify-express-utils' `new InversifyExpressServer(container)`).
 */
const ROUTE_REGISTERING_CALLS = new Set([
  'finale-rest:resource',
  'epilogue:resource',
  'express-restify-mongoose:serve',
  'inversify-express-utils:InversifyExpressServer',
]);

/** Whether a package call or constructor is one known to register routes (see `ROUTE_REGISTERING_CALLS`). */
export function registersRoutes(lib: LibValue): boolean {
  return ROUTE_REGISTERING_CALLS.has(`${lib.pkg}:${lib.path.join('.')}`);
}

/**
 * Reports a library call that may register routes cleave cannot list: one of the known calls,
 * or any library call handed an app or router (directly or in an options object), unless the
 * call is itself mounted (`app.use(vhost(host, site))`): then it only dispatches to that router.
 */
export function libraryRouteCheck(ev: Evaluator, lib: LibValue, args: Value[], node: Node): void {
  if (lib.pkg === '<global>' || lib.pkg === 'http' || lib.pkg === 'https') return;
  const known = registersRoutes(lib);
  const handedRouter = args.some((a) => a.kind === 'router' || (a.kind === 'object' && [...a.props.values()].some((v) => v.kind === 'router')));
  if (!known && (!handedRouter || isUseArgument(node))) return;
  ev.diagnostics.atNode(
    'LIBRARY_ROUTES',
    'warning',
    node,
    `${compact(node.getText()).slice(0, 120)} (package ${lib.pkg}) may register routes that cleave does not list`,
    "list them in cleave.config.yaml or keep them in the monolith; check the package's docs for the paths it serves",
  );
}

function isUseArgument(node: Node): boolean {
  const parent = node.getParent();
  if (!parent || !Node.isCallExpression(parent) || !parent.getArguments().includes(node)) return false;
  const callee = parent.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'use';
}
