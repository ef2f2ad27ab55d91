import type { Middleware, Route, RouterRef } from '../../model/analysis';
import type { SplitPlan } from '../../model/plan';

const NONE = { value: null, definition: 'not measured in generator tests' };

/** The root app of hand-built generator routes: `export function createApp()` in src/app.ts. */
export const ROOT: RouterRef = {
  file: 'src/app.ts',
  line: 5,
  factory: 'createApp',
  mountPath: '/',
  kind: 'app',
  settings: [{ method: 'set', args: ["'trust proxy'", '1'] }],
};

/** An app-level middleware rebuilt from its source (`express.json()`). */
export const JSON_BODY: Middleware = {
  name: 'express.json()',
  file: 'src/app.ts',
  line: 7,
  scope: 'app',
  package: 'express',
  source: 'express.json()',
  sourceFile: 'src/app.ts',
  level: 0,
  imports: [{ local: 'express', imported: 'default', package: 'express' }],
};

/** The app-level error handler, registered after the routes. */
export const ERRORS: Middleware = {
  name: 'errorHandler',
  file: 'src/errors.ts',
  line: 1,
  export: 'errorHandler',
  scope: 'app',
  source: 'errorHandler',
  sourceFile: 'src/app.ts',
  level: 0,
  imports: [{ local: 'errorHandler', imported: 'errorHandler', file: 'src/errors.ts' }],
};

/** A route registered on the last router of `stack`, behind `middleware`. */
export function genRoute(method: string, path: string, stack: RouterRef[], middleware: Middleware[] = [JSON_BODY], extra: Partial<Route> = {}): Route {
  const router = stack[stack.length - 1]!;
  return {
    id: `${method} ${path}`,
    method,
    path,
    file: router.file,
    line: 10,
    handler: { name: 'handler', file: router.file, line: 10 },
    middleware,
    router,
    stack,
    trailing: [ERRORS],
    deps: { files: [router.file], packages: ['express'], env: ['NODE_ENV'], entities: [] },
    ...extra,
  };
}

/** A router mounted at `mountPath`, exported (or not) from `file`. */
export function router(file: string, mountPath: string, exported?: string): RouterRef {
  return { file, line: 3, ...(exported ? { export: exported } : {}), mountPath, kind: 'router' };
}

/** A plan with these functions (id → route ids) over these routes; everything else minimal. */
export function genPlan(routes: Route[], functions: Record<string, string[]>, keep: string[] = []): SplitPlan {
  return {
    schemaVersion: 1,
    app: { name: 'demo', entry: ['src/server.ts'], language: 'typescript', expressMajor: 4 },
    strategy: 'per-router',
    targets: { region: 'eu-west-1', stage: 'dev', runtime: 'nodejs22.x' },
    functions: Object.entries(functions).map(([id, ids]) => ({ id, routes: ids, reason: 'test', memory: 256, timeout: 5 })),
    keep: keep.map((route) => ({ route, reason: 'test' })),
    schedules: [],
    metrics: {
      structuralModularity: NONE,
      icp: NONE,
      ifn: NONE,
      entitySpread: NONE,
      sharedCodeRatio: NONE,
      appBundleBytes: NONE,
      largestBundleRatio: NONE,
      meanBundleRatio: NONE,
    },
    warnings: [],
    hazards: [],
    mounts: [],
    static: [],
    routes: Object.fromEntries(routes.map((r) => [r.id, r])),
  };
}
