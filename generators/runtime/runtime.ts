// The Lambda runtime cleave writes into every output folder as functions/_cleave/runtime.ts, shared
// by the generated handlers. It is type-checked and linted with cleave's own code; emitRuntime
// (generators/handlers/emit-runtime.ts) puts the generated header on top, keeps what follows the
// `begin` marker and drops the regions a plan does not need (`express4`: Express 4's async error
// fix; `capture-app`: for entries that export no app). After editing it, run `npm run runtime`
// to embed it (generators/handlers/runtime-source.ts; a test fails while they differ).
//#begin
import serverlessExpress from '@codegenie/serverless-express';
import express from 'express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
//#region capture-app
import * as net from 'node:net';
//#endregion capture-app

/** A route a function serves: the method (`GET`, `ALL`, or `USE` for a terminal `use(path, fn)`) and its Express path. */
export interface RouteSpec {
  /** Upper-case method, `ALL` or `USE`. */
  method: string;
  /** Full path in the syntax of the monolith's Express version. */
  path: string | RegExp;
}

const MATCHED = Symbol('cleave.matched');
const OUTER = Symbol('cleave.outer');

/**
 * Lets a request through to `target` only when one of `routes` matches it, matched by an Express router of
 * the monolith's own Express (same path syntax, HEAD for GET, case and trailing-slash rules); any other
 * request goes on past it (to a 404 when nothing else takes it).
 */
export function onlyRoutes(routes: RouteSpec[], target: RequestHandler): RequestHandler {
  const matcher = express.Router();
  // A `use` match only flags the request: inside the matcher its url is trimmed until `next` restores it.
  const flag = (req: Request, _res: Response, next: NextFunction): void => {
    (req as unknown as Record<symbol, boolean>)[MATCHED] = true;
    next();
  };
  // A method route hands over at once: Express 4 would finish the matcher on a later tick, after the
  // adapter has ended the request stream, and body parsers then fail with "stream is not readable".
  const handOver = (req: Request, res: Response): void => {
    const slot = req as unknown as Record<symbol, NextFunction | undefined>;
    const outer = slot[OUTER]!;
    slot[OUTER] = undefined;
    target(req, res, outer);
  };
  for (const route of routes) {
    if (route.method === 'USE') matcher.use(route.path, flag);
    else if (route.method === 'ALL') matcher.all(route.path, handOver);
    else (matcher as unknown as Record<string, (path: string | RegExp, fn: RequestHandler) => void>)[route.method.toLowerCase()]!(route.path, handOver);
  }
  return function cleaveOnlyRoutes(req: Request, res: Response, next: NextFunction): void {
    (req as unknown as Record<symbol, NextFunction | undefined>)[OUTER] = next;
    matcher(req, res, (err?: unknown) => {
      const flags = req as unknown as Record<symbol, boolean | NextFunction | undefined>;
      const matched = flags[MATCHED] === true;
      flags[MATCHED] = undefined;
      flags[OUTER] = undefined;
      if (err) return next(err);
      if (matched) return target(req, res, next);
      next();
    });
  };
}

/** Response content types sent base64-encoded through API Gateway (wildcards allowed). */
const BINARY_CONTENT_TYPES = [
  'image/*',
  'audio/*',
  'video/*',
  'font/*',
  'application/octet-stream',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-tar',
  'application/vnd.*',
  'multipart/*',
];

//#region express4
/**
 * Express 4 ignores the promise an async handler returns: a rejection never reaches the error handlers and
 * ends the process. Patch the layer of the monolith's own Express 4 (the bundler resolves `express` from the
 * app) so a rejected promise goes to `next(err)`, as in Express 5. Idempotent; nothing to do on Express 5.
 */
export function routeAsyncErrorsToNext(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without types
  const Layer = require('express/lib/router/layer') as { prototype: LayerPrototype };
  const proto = Layer.prototype;
  if (!proto || proto.cleaveAsync) return;
  proto.cleaveAsync = true;
  proto.handle_request = function handle(this: { handle: AnyHandler }, req: Request, res: Response, next: NextFunction): void {
    const fn = this.handle;
    if (fn.length > 3) return next();
    settle(() => fn(req, res, next), next);
  };
  proto.handle_error = function handle(this: { handle: AnyHandler }, err: unknown, req: Request, res: Response, next: NextFunction): void {
    const fn = this.handle;
    if (fn.length !== 4) return next(err);
    settle(() => fn(err, req, res, next), next);
  };
}

type AnyHandler = (...args: unknown[]) => unknown;

interface LayerPrototype {
  cleaveAsync?: boolean;
  handle_request: (req: Request, res: Response, next: NextFunction) => void;
  handle_error: (err: unknown, req: Request, res: Response, next: NextFunction) => void;
}

/** Runs a handler; a throw or a rejected promise goes to `next`. */
function settle(run: () => unknown, next: NextFunction): void {
  try {
    const result = run() as { then?: unknown } | undefined;
    if (result && typeof result.then === 'function') {
      (result as Promise<unknown>).then(undefined, (err: unknown) => next(err ?? new Error('Rejected promise')));
    }
  } catch (err) {
    next(err);
  }
}

//#endregion express4
//#region capture-app
/** How long an entry may take to start its server after loading (it awaits its loaders, the database): `CLEAVE_BOOT_WAIT_MS`, else 20 s. */
function bootWaitMs(): number {
  const set = Number(process.env.CLEAVE_BOOT_WAIT_MS);
  return set > 0 ? set : 20_000;
}

/**
 * The app a server entry builds and listens with, for monoliths that export neither the app nor a factory,
 * or whose entry does at boot what the routes need (connects the database, registers auth strategies):
 * runs `load` (the entry's require) with `listen` intercepted, so no port is opened, and returns the request
 * listener of the server it would have started. The entry's other boot code (timers, sockets, connections)
 * runs too. When it starts no server while loading (`if (require.main === module)`), the app is `exported()`
 * (its module, loaded after the entry). Without one, the entry may listen after an await
 * (`async function start() { await loaders({ app }); app.listen(port) }`): `listen` stays intercepted until
 * it does, and the handler waits for it before its first request (see `createHandler`); one that starts no
 * server within `CLEAVE_BOOT_WAIT_MS` (20 s) fails the invocation saying so.
 */
export function captureApp(load: () => unknown, exported?: () => unknown): Express {
  const listen = net.Server.prototype.listen;
  const appOf = (server: net.Server): unknown => server.listeners('request').find((l) => typeof l === 'function');
  // One interceptor: it records the servers started while loading, then hands over the first
  // one an entry starts after an await (`later`, set below).
  const servers: net.Server[] = [];
  let later: ((app: unknown) => void) | undefined;
  net.Server.prototype.listen = function intercepted(this: net.Server): net.Server {
    servers.push(this);
    const found = appOf(this);
    if (found !== undefined) later?.(found);
    return this;
  } as typeof listen;
  let app: unknown;
  try {
    load();
    app = servers.map(appOf).find((l) => l !== undefined) ?? exported?.();
  } catch (error) {
    net.Server.prototype.listen = listen;
    throw error;
  }
  if (app !== undefined) {
    net.Server.prototype.listen = listen;
    return app as Express;
  }
  let resolved: RequestHandler | undefined;
  const waitMs = bootWaitMs();
  const ready = new Promise<RequestHandler>((resolve, reject) => {
    const timer = setTimeout(() => {
      net.Server.prototype.listen = listen;
      reject(
        new Error(
          `cleave: the entry started no server within ${waitMs} ms of loading (CLEAVE_BOOT_WAIT_MS); export the app (or a factory) so the handler can import it`,
        ),
      );
    }, waitMs);
    timer.unref();
    later = (found) => {
      clearTimeout(timer);
      net.Server.prototype.listen = listen;
      later = undefined;
      resolve((resolved = found as RequestHandler));
    };
  });
  ready.catch(() => undefined);
  BOOTING.push(ready);
  const deferred = (req: Request, res: Response, next: NextFunction): void => {
    if (resolved) resolved(req, res, next);
    else ready.then((a) => a(req, res, next), next);
  };
  return deferred as unknown as Express;
}

//#endregion capture-app
/** Boot work a handler waits for before its first request: entries that start their server after an await. */
const BOOTING: Array<Promise<unknown>> = [];

/**
 * The Lambda handler of an Express app (API Gateway HTTP API payload 2.0, REST API / payload 1.0, ALB
 * events). When the server entry it serves is still starting (it listens after an await), the first
 * invocation waits for it.
 */
export function createHandler(app: Express) {
  // The adapter base64-encodes only image/* by default: list the other binary types a monolith sends.
  const handler = serverlessExpress({ app, binarySettings: { contentTypes: BINARY_CONTENT_TYPES } });
  if (BOOTING.length === 0) return handler;
  // The entries captured before it are its own (a handler module captures, then creates its handler).
  const booting = Promise.all(BOOTING.splice(0));
  return (async (event: unknown, context: unknown) => {
    await booting;
    return (handler as (event: unknown, context: unknown) => unknown)(event, context);
  }) as unknown as typeof handler;
}
