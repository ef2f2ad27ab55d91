import type { Analysis, Hazard, Mount, Route } from '../../model/analysis';
import { parseConfigText } from '../../model/config-file';
import type { Config } from '../../model/config';

/** Options of a hand-built route. */
export interface RouteSpec {
  /** Registration file (default: `src/routes/<first segment>.ts`). */
  file?: string;
  /** Handler file (default: `src/controllers/<first segment>.ts`). */
  handler?: string;
  /** Closure files (default: the registration and handler files plus `src/config.ts`). */
  files?: string[];
  /** Entities. */
  entities?: string[];
}

/** A hand-built route `METHOD path` with a plausible closure. */
export function route(method: string, path: string, spec: RouteSpec = {}): Route {
  const resource = path.split('/').filter((s) => s && s !== 'api' && !s.startsWith(':'))[0] ?? 'root';
  const file = spec.file ?? `src/routes/${resource}.ts`;
  const handler = spec.handler ?? `src/controllers/${resource}.ts`;
  return {
    id: `${method} ${path}`,
    method,
    path,
    file,
    line: 1,
    entry: 'src/server.ts',
    handler: { name: 'handler', file: handler, line: 1 },
    middleware: [{ name: 'express.json()', file: 'src/app.ts', line: 3, scope: 'app', package: 'express' }],
    deps: {
      files: [...new Set(spec.files ?? [file, handler, 'src/config.ts'])].sort(),
      packages: ['express'],
      env: [],
      entities: [...(spec.entities ?? [])].sort(),
    },
  };
}

/** A hazard affecting `routes`. */
export function hazard(code: string, routes: string[], severity: Hazard['severity'] = 'warning', file = 'src/app.ts', line = 10): Hazard {
  return { code, severity, file, line, message: `${code} found`, routes: [...routes].sort(), advice: `fix ${code}` };
}

/** A hand-built analysis. */
export function analysisOf(routes: Route[], hazards: Hazard[] = [], mounts: Mount[] = []): Analysis {
  return {
    schemaVersion: 1,
    root: '.',
    entry: ['src/server.ts'],
    routes: [...routes].sort((a, b) => a.id.localeCompare(b.id)),
    mounts,
    static: [],
    hazards,
    diagnostics: [],
  };
}

/** A config from YAML text, defaults filled in. */
export function configOf(yaml = ''): Config {
  return parseConfigText(yaml);
}

/** The analysis with these file sizes on disk (the planner assumes 1 KiB for the rest) and no module graph: every size is an estimate. */
export function sized(analysis: Analysis, sizes: Record<string, number>): Analysis {
  return { ...analysis, fileBytes: sizes };
}

/** A small shop: products, reviews under products, orders and users, with entities. */
export function shopRoutes(): Route[] {
  const products = { files: ['src/routes/products.ts', 'src/controllers/products.ts', 'src/services/products.ts', 'src/config.ts'], entities: ['Product'] };
  const reviews = {
    file: 'src/routes/reviews.ts',
    handler: 'src/controllers/reviews.ts',
    files: ['src/routes/reviews.ts', 'src/controllers/reviews.ts', 'src/services/reviews.ts', 'src/config.ts'],
    entities: ['Review'],
  };
  const orders = {
    files: ['src/routes/orders.ts', 'src/controllers/orders.ts', 'src/services/orders.ts', 'src/services/pricing.ts', 'src/config.ts'],
    entities: ['Order', 'Product'],
  };
  const users = { files: ['src/routes/users.ts', 'src/controllers/users.ts', 'src/services/users.ts', 'src/config.ts'], entities: ['User'] };
  return [
    route('GET', '/api/products', products),
    route('POST', '/api/products', products),
    route('GET', '/api/products/:id', products),
    route('GET', '/api/products/:id/reviews', reviews),
    route('POST', '/api/products/:id/reviews', reviews),
    route('GET', '/api/orders', orders),
    route('POST', '/api/orders', orders),
    route('GET', '/api/orders/:id', orders),
    route('GET', '/api/users', users),
    route('GET', '/api/users/:id', users),
  ];
}

/** Mounts of `shopRoutes` (reviews mounted under products). */
export function shopMounts(): Mount[] {
  const mount = (path: string, file: string): Mount => ({ path, kind: 'router', file: 'src/app.ts', line: 5, target: { file, line: 1 } });
  return [
    mount('/api/products', 'src/routes/products.ts'),
    mount('/api/products/:id/reviews', 'src/routes/reviews.ts'),
    mount('/api/orders', 'src/routes/orders.ts'),
    mount('/api/users', 'src/routes/users.ts'),
  ];
}
