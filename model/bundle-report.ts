import { z } from 'zod';

/** The measured esbuild bundle of one generated function or scheduled job. */
export const BuiltBundle = z.object({
  /** Function or schedule id. */
  id: z.string(),
  /** `function` or `schedule`. */
  kind: z.enum(['function', 'schedule']),
  /** The bundle, relative to the output folder (`dist/functions/<id>/handler.js`): what Lambda requires. */
  file: z.string(),
  /** Bytes of the bundle: what Lambda loads (tree-shaken, not minified, `@aws-sdk/*` left to the runtime). */
  bytes: z.number().int().min(0),
  /** Bytes from the monolith's own files and the generated handler. */
  appBytes: z.number().int().min(0),
  /**
   * Bytes from the monolith's own code alone: its files and the sliced copies of its registering
   * modules, not the handler and runtime cleave adds. What `ownShare` compares with the whole app.
   */
  ownBytes: z.number().int().min(0),
  /** `ownBytes` / the whole app's own bytes, 3 decimals (absent when the whole app could not be bundled). */
  ownShare: z.number().min(0).optional(),
  /** `bytes` / the whole-app bundle's bytes, 3 decimals (absent when the whole app could not be bundled). */
  bytesShare: z.number().min(0).optional(),
  /** Bytes from npm packages, by package, largest first. */
  packages: z.array(z.object({ name: z.string(), bytes: z.number().int().min(0) })),
  /**
   * The monolith's registering modules (the entry, routers mounting others) the bundle runs as
   * sliced copies (`functions/<id>/app/`), without other functions' registrations; absent when none.
   */
  slice: z
    .object({
      /** The copied files, relative to the app folder, sorted. */
      files: z.array(z.string()),
      /** Those whose original module is in the bundle too (another module imports it): it runs twice. */
      alsoOriginal: z.array(z.string()),
    })
    .optional(),
  /**
   * How the function gets hold of its routes (functions only; absent for schedules):
   * `imported`: the handler imports the routers that register them, the monolith's wiring stays out;
   * `sliced`: it builds the monolith's app from copies of its registering modules without the
   * other functions' registrations; `whole-app`: it runs the monolith's app as it is, with only
   * its routes let through. `reason` says why it is not `imported` (the generator's finding).
   */
  extraction: z
    .object({
      /** `imported`, `sliced` or `whole-app`. */
      kind: z.enum(['imported', 'sliced', 'whole-app']),
      /** Why the routers could not be imported alone, as the generator reported it. */
      reason: z.string().optional(),
    })
    .optional(),
  /**
   * Packages left out of the bundle and shipped installed in `node_modules/` beside it (with what
   * they need at run time), because their code requires a module whose name only run time knows.
   */
  externalized: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  /**
   * App modules the bundle carries for computed requires of the app's own files
   * (`readdirSync(models).forEach((f) => require(join(models, f)))`), answered from the bundle.
   */
  dynamicModules: z
    .object({
      /** App files whose code requires a computed path, sorted. */
      requirers: z.array(z.string()),
      /** Code files of the folders they name, carried in the bundle, sorted. */
      modules: z.array(z.string()),
    })
    .optional(),
  /**
   * Present when the function is bundled as an ES module (`handler.mjs`, which `file`, a CommonJS
   * wrapper, imports on the first invocation): a module it loads awaits at the top level, which a
   * CommonJS bundle cannot hold. The sizes are those of `handler.mjs`.
   */
  esModule: z
    .object({
      /** Where its modules await at the top level (`file:line`, relative to the app folder when it is the app's). */
      topLevelAwait: z.array(z.string()),
    })
    .optional(),
});
/** The measured bundle of one function. */
export type BuiltBundle = z.infer<typeof BuiltBundle>;

/**
 * `bundles.json` in the output folder: the bundles `cleave generate` built, for the report
 * (the plan's `bundle` is the planner's prediction of own code only; these are the deployed files).
 */
export const BundleReport = z.object({
  /** Version of this schema. */
  schemaVersion: z.literal(1),
  /** The esbuild options used, as on the command line. */
  options: z.string(),
  /**
   * The monolith bundled from its entry with the same options (its computed requires carried the
   * same way): the baseline the functions' `ownShare` and `bytesShare` compare with. The entry
   * carrying the most own code when there are several; absent when none could be bundled.
   */
  wholeApp: z
    .object({
      /** The entry bundled, relative to the app folder. */
      entry: z.string(),
      /** Bytes of its bundle. */
      bytes: z.number().int().min(0),
      /** Bytes of the monolith's own files in it. */
      ownBytes: z.number().int().min(0),
    })
    .optional(),
  /** One per bundle, sorted by kind then id. */
  bundles: z.array(BuiltBundle),
  /** Entries esbuild could not bundle, with its first error. */
  failures: z.array(z.object({ id: z.string(), message: z.string() })),
});
/** `bundles.json`. */
export type BundleReport = z.infer<typeof BundleReport>;
