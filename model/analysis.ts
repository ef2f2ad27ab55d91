import { z } from 'zod';

/** Severity of a diagnostic or hazard. `error` makes `cleave analyze` exit 1. */
export const Severity = z.enum(['error', 'warning', 'info']);
/** Severity of a diagnostic or hazard. */
export type Severity = z.infer<typeof Severity>;

/** A place in the monolith's source. */
export const SourceRef = z.object({
  /** Declared or inferred name (`getUser`, `<anonymous>`, `requireRole('admin')`). */
  name: z.string(),
  /** Path relative to the app dir, with '/'. */
  file: z.string(),
  /** 1-based line. */
  line: z.number().int(),
  /**
   * How generated code can import it from `file`: `default`, a named export, or `*` for the whole
   * `module.exports`, then `.member` for a property (`productController.list`). Absent when the
   * function is not reachable from its module's exports (inline arrows, instance methods).
   */
  export: z.string().optional(),
});
/** A place in the monolith's source. */
export type SourceRef = z.infer<typeof SourceRef>;

/** Where a middleware was registered relative to the route it runs for. */
export const MiddlewareScope = z.enum(['app', 'router', 'route']);
/** Where a middleware was registered relative to the route it runs for. */
export type MiddlewareScope = z.infer<typeof MiddlewareScope>;

/** A module-level name that a middleware's `source` uses, and where generated code imports it from. */
export const SourceImport = z.object({
  /** The name as written in `source`. */
  local: z.string(),
  /** What to import: `default`, `*` (the namespace, or the whole `module.exports`), or an export name. */
  imported: z.string(),
  /** An app file (relative to the app dir, with its extension) to import from. */
  file: z.string().optional(),
  /** Or a package (or Node builtin) specifier as written (`express`, `node:path`, `lodash/fp`). */
  package: z.string().optional(),
});
/** A module-level name that a middleware's `source` uses. */
export type SourceImport = z.infer<typeof SourceImport>;

/** One middleware in a route's chain, in the order Express runs it. */
export const Middleware = SourceRef.extend({
  /** `app`: registered on the root app; `router`: on a router or sub-app; `route`: in the route's own arguments. */
  scope: MiddlewareScope,
  /** The npm package the middleware comes from (`helmet`, `express`), when it is not the monolith's own code. */
  package: z.string().optional(),
  /** Path prefix the middleware was registered under (`app.use('/api', auth)`), full mounted path. */
  path: z.string().optional(),
  /** The guard around its registration, as source text, when registration is conditional. */
  conditional: z.string().optional(),
  /** The argument's source text at the registration (`express.json({ limit: '1mb' })`). */
  source: z.string().optional(),
  /** The file of the registration (where `source` is written and its names are in scope). */
  sourceFile: z.string().optional(),
  /** Index in the route's `stack` of the app or router it is registered on (0: the root app). */
  level: z.number().int().min(0).optional(),
  /**
   * What generated code must import to rebuild `source` outside `sourceFile`: one entry per name
   * `source` uses. Present only when every name is importable (an import of `sourceFile`, or one of
   * its exports) and `source` holds no inline function; absent when it reads a local variable, an
   * unexported declaration, `__dirname` or the like — then only the original module can run it.
   */
  imports: z.array(SourceImport).optional(),
});
/** One middleware in a route's chain, in the order Express runs it. */
export type Middleware = z.infer<typeof Middleware>;

/** What a route needs to run: its dependency closure. */
export const RouteDeps = z.object({
  /** Monolith files the route's handler and middleware reach, sorted. */
  files: z.array(z.string()),
  /** npm packages imported along the way, sorted. */
  packages: z.array(z.string()),
  /** Environment variables and config keys read, sorted. */
  env: z.array(z.string()),
  /** Data entities touched (models, tables), sorted. */
  entities: z.array(z.string()),
  /** Files in `files` only because a file on the way imports them for their side effects, sorted. */
  sideEffects: z.array(z.string()).optional(),
});
/** What a route needs to run: its dependency closure. */
export type RouteDeps = z.infer<typeof RouteDeps>;

/** A registration site of a route. */
export const Site = z.object({
  /** Path relative to the app dir. */
  file: z.string(),
  /** 1-based line. */
  line: z.number().int(),
});
/** A registration site of a route. */
export type Site = z.infer<typeof Site>;

/** A setting call on an app (`app.set('trust proxy', 1)`, `app.disable('x-powered-by')`). */
export const AppSetting = z.object({
  /** `set`, `enable` or `disable`. */
  method: z.enum(['set', 'enable', 'disable']),
  /** Source text of each argument. */
  args: z.array(z.string()),
  /** The guard around the call, as source text, when it is conditional. */
  conditional: z.string().optional(),
});
/** A setting call on an app. */
export type AppSetting = z.infer<typeof AppSetting>;

/** An app or router: where it is created, how generated code can import it, where it is mounted. */
export const RouterRef = z.object({
  /** File creating the router. */
  file: z.string(),
  /** Line of the creating call. */
  line: z.number().int(),
  /** Import path of the router from `file` (see SourceRef.export); absent when built in a function. */
  export: z.string().optional(),
  /**
   * When it is built in a function: the import path (see SourceRef.export) of that function when it
   * is exported, takes no parameters and returns it (`createApp`), so generated code can call it.
   */
  factory: z.string().optional(),
  /** Full path the router is mounted at. */
  mountPath: z.string(),
  /** `app` when the route is registered on an app, `router` otherwise. */
  kind: z.enum(['app', 'router']),
  /** Settings made on it (apps only), in source order. */
  settings: z.array(AppSetting).optional(),
});
/** An app or router and where it is mounted. */
export type RouterRef = z.infer<typeof RouterRef>;

/**
 * The decorated controller class whose action a route is (routing-controllers' `@Get('/:id')`
 * method of a `@JsonController('/users')` class), and the call that registered the class.
 */
export const DecoratedController = z.object({
  /** File of the class, relative to the app dir. */
  file: z.string(),
  /** The name its file exports the class under (`default` for a default export); absent when the file does not export it. */
  export: z.string().optional(),
  /** The call that registered the class: `useExpressServer(app, { controllers })` or `createExpressServer({ controllers })`. */
  registeredAt: Site,
});
/** The decorated controller class of a route, and the call that registered it. */
export type DecoratedController = z.infer<typeof DecoratedController>;

/** One HTTP endpoint the monolith serves. */
export const Route = z.object({
  /** `METHOD path`, unique within the analysis. */
  id: z.string(),
  /** Upper-case HTTP method; `ALL` for `app.all`; `USE` for a terminal `use(path, fn)`. */
  method: z.string(),
  /** Full mounted path in Express syntax; `regex:/src/flags` for regular expressions; `{?}` for an unknown prefix. */
  path: z.string(),
  /** File of the registration call. */
  file: z.string(),
  /** Line of the registration call. */
  line: z.number().int(),
  /** The entry file (server) whose app serves this route. */
  entry: z.string().optional(),
  /** The final handler. */
  handler: SourceRef,
  /** Middleware chain in execution order: app, router, then route level. */
  middleware: z.array(Middleware),
  /** The guard around the registration (or an enclosing mount), as source text. */
  conditional: z.string().optional(),
  /** The app or router the route is registered on: where it is created and how to import it. */
  router: RouterRef.optional(),
  /**
   * The apps and routers the request passes through, from the root app (index 0) to the one the
   * route is registered on (last, the same as `router`), each with its full mount path.
   */
  stack: z.array(RouterRef).optional(),
  /**
   * Middleware registered after the route on its router and on the routers above it that Express
   * reaches when the route calls `next()` or `next(err)`: 404 catch-alls and error handlers (four
   * parameters), innermost first, in registration order. Routers mounted later are not listed.
   */
  trailing: z.array(Middleware).optional(),
  /** Later registrations of the same method and path (guards first, real handler later). */
  alsoAt: z.array(Site).optional(),
  /** The npm package that serves the route, when a library answers it (`swagger-ui-express` mounted at `/docs`). */
  library: z.string().optional(),
  /**
   * For an action of a decorated controller class: the class and the call that registered it, so
   * that a function's copy of that call can list only the controllers its routes need.
   */
  controller: DecoratedController.optional(),
  /** Dependency closure. */
  deps: RouteDeps,
});
/** One HTTP endpoint the monolith serves. */
export type Route = z.infer<typeof Route>;

/** A router or sub-app mounted under a path. */
export const Mount = z.object({
  /** Full mounted path. */
  path: z.string(),
  /** `router` or `app` (a sub-app made with `express()`). */
  kind: z.enum(['router', 'app']),
  /** File of the `use` call. */
  file: z.string(),
  /** Line of the `use` call. */
  line: z.number().int(),
  /** Where the mounted router or app was created. */
  target: Site.optional(),
  /** The guard around the mount, when conditional. */
  conditional: z.string().optional(),
});
/** A router or sub-app mounted under a path. */
export type Mount = z.infer<typeof Mount>;

/**
 * A passport strategy registered at boot (`passport.use(strategy)`, `passport.use('jwt', strategy)`):
 * a function none of whose routes authenticates with it can leave the registration, and the
 * strategy's code and packages, out of its bundle.
 */
export const AuthStrategy = z.object({
  /** File of the `use` call. */
  file: z.string(),
  /** Line of the `use` call. */
  line: z.number().int(),
  /** The name routes authenticate with (`passport.authenticate('github')`): given in the call, or the strategy package's default; absent when neither is known. */
  name: z.string().optional(),
  /** The strategy's package (`passport-github`), when the strategy is built from one. */
  package: z.string().optional(),
});
/** A passport strategy registered at boot. */
export type AuthStrategy = z.infer<typeof AuthStrategy>;

/** A folder served by `express.static` (or a similar file server). */
export const StaticMount = z.object({
  /** Full mounted path. */
  path: z.string(),
  /** The served folder relative to the app dir, or the source text when not static. */
  dir: z.string(),
  /** File of the `use` call. */
  file: z.string(),
  /** Line of the `use` call. */
  line: z.number().int(),
});
/** A folder served by `express.static`. */
export type StaticMount = z.infer<typeof StaticMount>;

/** Something that breaks or misbehaves when a route runs in a stateless, short-lived function. */
export const Hazard = z.object({
  /** Stable UPPER_SNAKE code (`MODULE_STATE_SHARED`, `LISTEN_CALL`, ...). */
  code: z.string(),
  /** `error` hazards cannot run in a function at all. */
  severity: Severity,
  /** File of the hazard. */
  file: z.string(),
  /** 1-based line. */
  line: z.number().int(),
  /** 1-based column. */
  column: z.number().int().optional(),
  /** What was found. */
  message: z.string(),
  /** Ids of the routes it affects, sorted. */
  routes: z.array(z.string()),
  /** What to do about it on a serverless target. */
  advice: z.string(),
  /** For timers and cron jobs (`TIMER_AT_BOOT`, `CRON_JOB`): the interval or cron expression as written (`60_000`, `'*\/5 * * * *'`). */
  expression: z.string().optional(),
  /** For a hazard started by boot code in another place (a timer a `startJobs()` call at boot starts): that call, which a function must not run. */
  startedAt: z.object({ file: z.string(), line: z.number().int() }).optional(),
  /**
   * For a hazard in a module the app loads only through a computed `require` of its folder
   * (`require('./drivers/' + driver)`): that require. It picks one module of the folder at run
   * time, so the hazard holds only when this module is the one picked.
   */
  pickedBy: z.object({ file: z.string(), line: z.number().int() }).optional(),
});
/** A serverless hazard. */
export type Hazard = z.infer<typeof Hazard>;

/** A finding about the analysis itself: what could not be resolved, or bad input. */
export const Diagnostic = z.object({
  /** Stable UPPER_SNAKE code (`DYNAMIC_ROUTE_PATH`, `SYNTAX_ERROR`, ...). */
  code: z.string(),
  /** Severity. */
  severity: Severity,
  /** File relative to the app dir (empty for app-wide findings). */
  file: z.string(),
  /** 1-based line (0 when not tied to a line). */
  line: z.number().int(),
  /** 1-based column. */
  column: z.number().int().optional(),
  /** What happened. */
  message: z.string(),
  /** What the user can do about it. */
  advice: z.string().optional(),
});
/** A finding about the analysis itself. */
export type Diagnostic = z.infer<typeof Diagnostic>;

/** One app file of the whole-app bundle esbuild builds from the entries. */
export const ModuleFile = z.object({
  /** Bytes it contributes to the bundle (not minified; npm packages external). */
  bytes: z.number().int().min(0),
  /** App files it imports, sorted. */
  imports: z.array(z.string()),
  /** npm packages it imports (bare names, builtins left out), sorted. */
  packages: z.array(z.string()),
  /**
   * Its import specifiers that are not relative paths yet lead to app files (tsconfig path
   * aliases such as `@routes/users`, `baseUrl` imports), each with the app file it leads to;
   * absent when it has none. Generated copies of the file rewrite them to reach the same files
   * from wherever the output folder is.
   */
  aliases: z.record(z.string(), z.string()).optional(),
});
/** One app file of the whole-app bundle. */
export type ModuleFile = z.infer<typeof ModuleFile>;

/** The app's module graph with sizes, from one esbuild bundle of its entries: what the planner weighs and predicts bundles from. */
export const AppModules = z.object({
  /** Bytes of the whole-app bundle. */
  appBytes: z.number().int().min(0),
  /** Every app file in it, by path relative to the app dir. */
  files: z.record(z.string(), ModuleFile),
});
/** The app's module graph with sizes. */
export type AppModules = z.infer<typeof AppModules>;

/** What package.json says about the app. */
export const AppPackage = z.object({
  /** `name` of package.json, else the app folder's name. */
  name: z.string(),
  /** The express version range of package.json (dependencies, else devDependencies) when it names a version, else the version installed where Node would load it from the app folder. */
  express: z.string().optional(),
});
/** What package.json says about the app. */
export type AppPackage = z.infer<typeof AppPackage>;

/** The result of `cleave analyze`: the one model the later stages read. */
export const Analysis = z.object({
  /** Version of this schema. */
  schemaVersion: z.literal(1),
  /** The app dir; every path below is relative to it. Always `.`. */
  root: z.string(),
  /** Entry files (servers) analysed. */
  entry: z.array(z.string()),
  /** Every route, sorted by path then method. */
  routes: z.array(Route),
  /** Every router and sub-app mount. */
  mounts: z.array(Mount),
  /** Passport strategies registered at boot, by file then line; absent when there are none. */
  authStrategies: z.array(AuthStrategy).optional(),
  /** Every static folder. */
  static: z.array(StaticMount),
  /** Serverless hazards. */
  hazards: z.array(Hazard),
  /** Analysis diagnostics. */
  diagnostics: z.array(Diagnostic),
  /** The app's name and Express version range. */
  package: AppPackage.optional(),
  /** Size on disk of every app file a route, mount or the module graph names, sorted by path. */
  fileBytes: z.record(z.string(), z.number().int().min(0)).optional(),
  /** The module graph with sizes; absent when esbuild could not bundle the app (diagnostic `BUNDLE_NOT_MEASURED`). */
  modules: AppModules.optional(),
});
/** The result of `cleave analyze`. */
export type Analysis = z.infer<typeof Analysis>;
