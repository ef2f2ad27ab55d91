import { z } from 'zod';
import { Hazard, Mount, Route, StaticMount } from './analysis';
import { FunctionId, Strategy, TargetOptions } from './config';

/** Predicted size of a function's bundle. */
export const BundleSize = z.object({
  /** Bytes of the bundled own code (npm packages external, not minified). */
  bytes: z.number().int().min(0),
  /** `false`: the files its handler files reach in the app's module graph, at the bytes esbuild's whole-app bundle gives each; `true`: the sum of the closure files' sizes on disk (esbuild could not bundle the app). */
  estimated: z.boolean(),
});
/** Predicted size of a function's bundle. */
export type BundleSize = z.infer<typeof BundleSize>;

/** One serverless function: the routes it serves and what they need. */
export const PlanFunction = z.strictObject({
  /** Stable id (kebab-case); the user may rename it and re-planning keeps the new name. */
  id: FunctionId,
  /** Route ids it serves (keys of `routes`), sorted. */
  routes: z.array(z.string()).min(1),
  /** Why these routes are together, naming the evidence (shared files, entities, hazards, config). */
  reason: z.string(),
  /** Memory in MB. */
  memory: z.number().int().min(128).max(10240),
  /** Timeout in seconds. */
  timeout: z.number().int().min(1).max(900),
  /** Monolith files its routes need: their closure (or, without one, the files their handler files import), sorted. */
  files: z.array(z.string()).optional(),
  /** npm packages its routes import, sorted. */
  packages: z.array(z.string()).optional(),
  /** Environment variables and config keys its routes read, sorted. */
  env: z.array(z.string()).optional(),
  /** Data entities its routes touch, sorted. */
  entities: z.array(z.string()).optional(),
  /** Hazards that affect its routes but do not stop them running in a function (`CODE file:line`), sorted. */
  hazards: z.array(z.string()).optional(),
  /** Predicted bundle size. */
  bundle: BundleSize.optional(),
});
/** One serverless function. */
export type PlanFunction = z.infer<typeof PlanFunction>;

/** A route that stays in the monolith, reached through the fallback route. */
export const KeptRoute = z.strictObject({
  /** The route id (a key of `routes`). */
  route: z.string(),
  /** Why it stays, naming the hazard and its location, or the config rule. */
  reason: z.string(),
});
/** A route that stays in the monolith. */
export type KeptRoute = z.infer<typeof KeptRoute>;

/** A timer or cron job the monolith starts at boot; the generators turn it into a scheduled function. */
export const Schedule = z.object({
  /** Stable id (kebab-case), unique among schedules. */
  id: FunctionId,
  /** Code of the hazard that found it (`TIMER_AT_BOOT`, `CRON_JOB`). */
  hazard: z.string(),
  /** File of the timer or cron call. */
  file: z.string(),
  /** Line of the timer or cron call. */
  line: z.number().int(),
  /** The interval or cron expression as found in the source (`60_000`, `'*\/5 * * * *'`, `everyMs`), or `unknown`. */
  expression: z.string(),
  /** An EventBridge expression (`rate(1 minute)`, `cron(...)`) when the expression is a literal cleave could convert. */
  rate: z.string().optional(),
  /** What it is and what to do, with the hazard's message. */
  reason: z.string(),
});
/** A timer or cron job found at boot. */
export type Schedule = z.infer<typeof Schedule>;

/** One score of the plan, with its fixed definition. */
export const Metric = z.object({
  /** The value; `null` when it could not be measured (the note says why). */
  value: z.number().nullable(),
  /** The fixed definition, printed in the report. */
  definition: z.string(),
  /** What the value rests on, or why it is missing. */
  note: z.string().optional(),
});
/** One score of the plan. */
export type Metric = z.infer<typeof Metric>;

/** Scores of the plan; each carries its definition. */
export const PlanMetrics = z.object({
  /** Mancoridis' MQ over the import graph partitioned by owning function: mean cohesion minus mean coupling. */
  structuralModularity: Metric,
  /** Inter-function dependency share: import edges that cross a function boundary / all import edges. */
  icp: Metric,
  /** Interface number: mean routes per function. */
  ifn: Metric,
  /** Mean entropy (bits) of the distribution of each entity's routes over functions. */
  entitySpread: Metric,
  /** Bytes of files in two or more functions / bytes of files in any function. */
  sharedCodeRatio: Metric,
  /** Bytes of the whole app's bundle (its entries, same esbuild options). */
  appBundleBytes: Metric,
  /** Largest function bundle / whole app bundle. */
  largestBundleRatio: Metric,
  /** Mean function bundle / whole app bundle. */
  meanBundleRatio: Metric,
});
/** Scores of the plan. */
export type PlanMetrics = z.infer<typeof PlanMetrics>;

/** A planner finding the user should read (a config rule that matched nothing, a constraint it could not meet). */
export const PlanWarning = z.object({
  /** Stable UPPER_SNAKE code. */
  code: z.string(),
  /** What happened and what to do. */
  message: z.string(),
});
/** A planner finding. */
export type PlanWarning = z.infer<typeof PlanWarning>;

/** What changed since the previous plan (present only when re-planning). */
export const PlanChanges = z.object({
  /** Routes the analysis has now that the previous plan did not, sorted. */
  added: z.array(z.string()),
  /** Routes of the previous plan the analysis no longer has, sorted. */
  removed: z.array(z.string()),
});
/** What changed since the previous plan. */
export type PlanChanges = z.infer<typeof PlanChanges>;

/** The app the plan splits: what the generators need to know about it. */
export const PlanApp = z.object({
  /** Name (package.json `name`, or the folder name), kebab-case. */
  name: FunctionId,
  /** Entry files (servers), relative to the app dir. */
  entry: z.array(z.string()),
  /** Source language. */
  language: z.enum(['typescript', 'javascript']),
  /** Express major version, from package.json (4 when unknown). */
  expressMajor: z.union([z.literal(4), z.literal(5)]),
});
/** The app the plan splits. */
export type PlanApp = z.infer<typeof PlanApp>;

/** The analysis a plan was made from: `analysis.json` beside the plan, and the hash of its bytes. */
export const AnalysisRef = z.object({
  /** Path of the analysis file, relative to the plan file's folder. */
  file: z.string().min(1),
  /** sha256 (hex) of the analysis file's bytes, as cleave writes them. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
});
/** The analysis a plan was made from. */
export type AnalysisRef = z.infer<typeof AnalysisRef>;

/** The decisions of a plan: what a person reviews and edits in `cleave.plan.yaml`. Unknown keys are refused (a typo such as `memroy` must not pass silently). */
export const PlanDecisions = z.strictObject({
  /** Version of this schema. */
  schemaVersion: z.literal(1),
  /** The app. */
  app: PlanApp,
  /** Strategy that produced the plan. */
  strategy: Strategy,
  /** Deployment target options (from the config, defaults filled in). */
  targets: TargetOptions,
  /** The analysis the plan was made from (absent in plans that embed it, as cleave 0.1 wrote them). */
  analysis: AnalysisRef.optional(),
  /** The functions, sorted by id. */
  functions: z.array(PlanFunction),
  /** Routes that stay in the monolith, sorted by route id. */
  keep: z.array(KeptRoute),
  /** Timers and cron jobs to turn into scheduled functions, sorted by id. */
  schedules: z.array(Schedule),
  /** Scores with their definitions. */
  metrics: PlanMetrics,
  /** Planner findings. */
  warnings: z.array(PlanWarning),
  /** Routes that appeared or vanished since the previous plan. */
  changes: PlanChanges.optional(),
});
/** The decisions of a plan. */
export type PlanDecisions = z.infer<typeof PlanDecisions>;

/** What the generators read of the analysis, joined to the decisions from `analysis.json`. */
const PlanAnalysisParts = z.object({
  /** The analysis' hazards (for the report and the generators' advice). */
  hazards: z.array(Hazard),
  /** Router and sub-app mounts of the analysis. */
  mounts: z.array(Mount),
  /** Static folders of the analysis. */
  static: z.array(StaticMount),
  /** Every route of the analysis, by id: handler, middleware and mount data for the generators. */
  routes: z.record(z.string(), Route),
});

/**
 * `cleave.plan.yaml` as written: the decisions and a reference to the analysis. The analysis
 * parts are optional so that plans which embed them (cleave 0.1) still load.
 */
export const PlanFile = PlanDecisions.extend(PlanAnalysisParts.partial().shape);
/** `cleave.plan.yaml` as written. */
export type PlanFile = z.infer<typeof PlanFile>;

/** The plan the generators read: the decisions joined with the parts of the analysis they need. */
export const SplitPlan = PlanDecisions.extend(PlanAnalysisParts.shape);
/** The plan the generators read. */
export type SplitPlan = z.infer<typeof SplitPlan>;
