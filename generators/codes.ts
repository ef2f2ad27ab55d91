/**
 * Every code a generation finding may carry (`GeneratorDiagnostic.code`), with what it means: the
 * one list the generators, the bundling step of `cleave generate` and docs/findings.md follow
 * (test/generators/finding-codes.test.ts holds them to each other).
 */
export const GENERATOR_CODES = {
  ROUTE_NOT_REPRODUCIBLE:
    'error: a route is left out of its handler (nothing of the monolith that registers it can be imported); it reaches the monolith through the fallback route',
  WHOLE_APP_FALLBACK:
    "info: a function's handler takes the monolith app as its entry builds it (only its routes let through), since no router it could import alone serves them",
  REGISTRATIONS_SLICED:
    "info: a function imports copies of the monolith's registering modules without other functions' registrations, and the imports only those used",
  EXPORTS_PRUNED: 'info: a function imports copies of controllers without the exports its routes do not use, nor what only those used',
  SLICE_ORIGINAL_ALSO_LOADED:
    "warning: a bundle holds a sliced copy and the monolith's original of the same module, because another of its modules imports the original",
  SCHEDULE_NOT_WIRED: 'warning: a timer or cron job is generated as a scheduled function with its event disabled: its job cannot be imported on its own',
  SCHEDULE_NOT_TRANSLATED: 'warning: the interval of a timer or cron job cannot be written as an EventBridge schedule',
  SCHEDULE_RATE_ROUNDED: 'info: an interval under a minute, or not whole minutes, became the nearest EventBridge rate',
  PATH_NOT_EXPRESSIBLE:
    'warning: an Express path has no API Gateway route (a regular expression, an optional segment in the middle); the fallback route sends it to the monolith',
  GATEWAY_ROUTE_CONFLICT: 'warning: two functions would take the same API Gateway route; the later one gets none',
  FALLBACK_NEEDS_URL: "info: routes stay in the monolith; the fallback route to it is created once the monolith's URL is given",
  ENV_NOT_PASSED: 'info: names a function reads are not passed as environment variables (config keys, or names Lambda reserves)',
  BOOT_ENV_ADDED: "info: environment variables read by modules a bundle loads at boot, beyond its routes' code, were added to its environment",
  ASSETS_WITHHELD: 'warning: app files that look like keys or secrets are not copied beside the bundles',
  ASSETS_NOT_SHIPPED: 'warning: app files over 5 MiB (or past 50 MiB in all) are not copied beside the bundles',
  NATIVE_ADDON_NOT_BUILT:
    'error: a package shipped with a function builds a native addon, but no compiled one is installed (npm ran without its install scripts), or takes it from a platform package none of which is installed: the function fails as it loads',
  NATIVE_ADDON_OTHER_PLATFORM:
    "warning: a package shipped with a function holds native addons built only for another OS or CPU than Lambda's (a Mac, arm64), or has only another platform's platform package installed (sharp's @img/sharp-darwin-arm64, a musl build)",
  OPTIONAL_PACKAGES_LEFT_OUT:
    'info: optional packages that are not installed stay runtime require() calls in the bundles (they throw only when reached, as in the monolith)',
  BUNDLE_FAILED: 'error: esbuild could not bundle a handler',
  BUNDLE_ES_MODULE:
    'info: a module a function loads awaits at the top level, which a CommonJS bundle cannot hold: the function is bundled as an ES module (handler.mjs), imported by its handler.js',
  OUTPUT_EDITED: 'warning: a file of the output folder was edited since cleave wrote it: kept, the generated version is not written (--force replaces it)',
  STALE_FILE_EDITED: 'warning: a file no function of the plan makes any more was edited since cleave wrote it, so it stays',
} as const;

/** A code of a generation finding. */
export type GeneratorCode = keyof typeof GENERATOR_CODES;
