import type { Node } from 'ts-morph';
import { type LibValue, UNDEFINED, type Value } from '../evaluator/values';
import './router-model';

/**
 * Packages whose routers are Express routers that also take async handlers, with the export that
 * makes one (`''` for the module itself): `require('express-promise-router')()`, node-postgres'
 * recommended router, `require('express-async-router').AsyncRouter()`, and @awaitjs/express's
 * `Router()`, whose `getAsync`, `useAsync`, ... register as `get`, `use`, ... (see `baseMethod`).
 * Their routes register and mount as Express's own.
 */
const ROUTER_PACKAGES: Readonly<Record<string, string>> = { 'express-promise-router': '', 'express-async-router': 'AsyncRouter', '@awaitjs/express': 'Router' };

/** Calls of the router packages that hand back the app they are given: @awaitjs/express's `addAsync(app)` adds the `Async` methods to it. */
const APP_DECORATORS: Readonly<Record<string, string>> = { '@awaitjs/express': 'addAsync' };

/**
 * The value of an import the Express model knows: `express` itself, the router packages (their
 * factories, and `addAsync`), and a subpath of express (`express/lib/router`), which is not
 * express; `undefined` for any other package.
 */
export function expressPackageValue(pkg: string, specifier: string, node: Node): Value | undefined {
  if (pkg === 'express') return specifier.startsWith('express/') ? { kind: 'lib', pkg: specifier, path: [], text: specifier, node } : { kind: 'express' };
  const factory = ROUTER_PACKAGES[pkg];
  if (factory === '') return { kind: 'express-router-factory' };
  if (factory === undefined) return undefined;
  const exports = new Map<string, Value>([[factory, { kind: 'express-router-factory' }]]);
  const decorator = APP_DECORATORS[pkg];
  if (decorator) exports.set(decorator, { kind: 'lib', pkg, path: [decorator], text: decorator, node });
  return { kind: 'object', props: new Map<string, Value>([...exports, ['default', { kind: 'object', props: new Map(exports) }]]) };
}

/**
 * Calls of package exports that make Express values: `http.createServer(app)` a server,
 * `express.static(dir)` and `serveStatic(dir)` a static middleware, `addAsync(app)` the app it is
 * given; `undefined` for any other.
 */
export function expressPackageCall(lib: LibValue, args: Value[], node: Node): Value | undefined {
  const member = lib.path.join('.');
  if ((lib.pkg === 'http' || lib.pkg === 'https') && member === 'createServer') return { kind: 'server', node };
  if (lib.pkg === 'express' && member === 'static') return { kind: 'express-static', dir: args[0] ?? UNDEFINED, node };
  if (lib.pkg === 'serve-static' && member === '') return { kind: 'express-static', dir: args[0] ?? UNDEFINED, node };
  if (APP_DECORATORS[lib.pkg] === member && args[0]?.kind === 'router') return args[0];
  return undefined;
}
