import { Node } from 'ts-morph';
import type { Evaluator } from './evaluator';
import { compact } from './text';
import type { LibValue, Value } from './values';

/** Packages that serve routes of their own when mounted with `use(path, ...)`. */
export const ROUTE_SERVING_PACKAGES = new Set([
  'swagger-ui-express', 'express-status-monitor', '@bull-board/express', 'bull-board', '@adminjs/express',
  'admin-bro-expressjs', '@admin-bro/express', 'express-graphql', 'graphql-http', '@apollo/server',
  'apollo-server-express', 'express-openapi', 'swagger-stats', 'express-robots-txt', 'express-prom-bundle',
  'finale-rest', 'epilogue', 'express-restify-mongoose', 'json-server', 'express-basic-auth-ui',
]);

/** Calls of packages known to add routes to an app (`finale.resource({ endpoints })`). */
const ROUTE_REGISTERING_CALLS = new Set(['finale-rest:resource', 'epilogue:resource', 'express-restify-mongoose:serve']);

/**
 * Reports a library call that may register routes cleave cannot list: one of the known calls,
 * or any library call handed an app or router (directly or in an options object), unless the
 * call is itself mounted (`app.use(vhost(host, site))`): then it only dispatches to that router.
 */
export function libraryRouteCheck(ev: Evaluator, lib: LibValue, args: Value[], node: Node): void {
  if (lib.pkg === '<global>' || lib.pkg === 'http' || lib.pkg === 'https') return;
  const known = ROUTE_REGISTERING_CALLS.has(`${lib.pkg}:${lib.path.join('.')}`);
  const handedRouter = args.some((a) => a.kind === 'router' || (a.kind === 'object' && [...a.props.values()].some((v) => v.kind === 'router')));
  if (!known && (!handedRouter || isUseArgument(node))) return;
  ev.diagnostics.atNode(
    'LIBRARY_ROUTES',
    'warning',
    node,
    `${compact(node.getText()).slice(0, 120)} (package ${lib.pkg}) may register routes that cleave does not list`,
    'list them in cleave.config.yaml or keep them in the monolith; check the package\'s docs for the paths it serves',
  );
}

function isUseArgument(node: Node): boolean {
  const parent = node.getParent();
  if (!parent || !Node.isCallExpression(parent) || !parent.getArguments().includes(node)) return false;
  const callee = parent.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'use';
}
