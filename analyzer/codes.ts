/**
 * Every code an analysis diagnostic may carry (`DiagnosticSink`), with its severity and meaning:
 * the one list the analyzer emits from and docs/routes.md documents (test/findings/codes.test.ts
 * holds them to each other). Hazards have their own list (`HAZARD_CODES`).
 */
export const DIAGNOSTIC_CODES = {
  DYNAMIC_ROUTE_PATH: 'warning: a path or prefix is not statically known',
  UNRESOLVED_MOUNT: 'warning: `use(prefix, x)` where `x` cannot be resolved to a router, app or function',
  UNRESOLVED_IMPORT: 'warning: an import or `require` of a relative or aliased module does not resolve',
  DYNAMIC_REQUIRE:
    'warning: a `require` or `import()` whose module the route evaluation cannot know, so it cannot follow what that module registers (the hazard of the same code says what a bundler cannot include)',
  UNMOUNTED_ROUTER: 'warning: a router with registrations is never mounted on an app cleave could follow',
  LIBRARY_ROUTES: 'warning: a library known to register routes itself',
  CONTROLLERS_FROM_GLOB: 'warning: routing-controllers loads controllers from a glob of files at run time, which a bundle does not hold',
  ROUTE_SHADOWED: 'warning: a parameter route registered earlier captures a later literal route',
  SYNTAX_ERROR: 'error: a file does not parse',
  ANALYSIS_DEPTH_LIMIT: 'info: call evaluation stopped at the depth limit',
  MOUNT_NESTING_LIMIT: 'warning: routers nested past the limit below the app, or a router mounted inside itself',
  LOOP_LIMIT: 'warning: a loop ran past its iteration limit',
  ANALYSIS_BUDGET_EXCEEDED: 'warning: the evaluation of an entry ran past its step budget',
  BUNDLE_NOT_MEASURED: 'warning: esbuild could not bundle the app from its entries',
  ANALYSIS_ERROR: 'error: cleave itself failed on one file',
  BINARY_SOURCE_FILE: 'warning: a file with a source extension holds binary data',
  BUNDLED_SOURCE_SKIPPED: 'info: files that look minified or bundled are not parsed',
  SYMLINK_OUTSIDE_APP: 'warning: a symbolic link inside the app leads outside its folder',
  TSCONFIG_INVALID: 'warning: tsconfig.json or jsconfig.json does not parse or has options of the wrong type',
  NO_PACKAGE_JSON: 'warning: the app folder has no package.json',
  PACKAGE_JSON_INVALID: 'error: package.json does not parse',
  NO_EXPRESS_DEPENDENCY: 'warning: the code imports express but package.json does not list it',
  ENTRY_CHOSEN: 'info: the entry found automatically imports another file that also calls `listen`',
  IMPORT_CYCLE: 'info: app modules import each other in a cycle',
} as const;

/** A code of an analysis diagnostic. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
