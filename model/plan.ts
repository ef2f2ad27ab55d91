import { z } from 'zod';
import { AppModules, AuthStrategy, Hazard, Mount, Route, StaticMount } from './analysis';
import { FunctionId, Strategy, TargetOptions } from './config';

/** Predicted size of a function's bundle. */
export const BundleSize = z.object({
  /** Bytes of the bundled own code (npm packages external, not minified). */
  bytes: z.number().int().min(0).describe('Bytes of the bundled own code (npm packages external, not minified).'),
  /** `false`: the files its handler files reach in the app's module graph, at the bytes esbuild's whole-app bundle gives each; `true`: the sum of the closure files' sizes on disk (esbuild could not bundle the app). */
  estimated: z
    .boolean()
    .describe(
      "`false`: the files its handler files reach in the app's module graph, at the bytes esbuild's whole-app bundle gives each; `true`: the sum of the closure files' sizes on disk (esbuild could not bundle the app).",
    ),
});
/** Predicted size of a function's bundle. */
export type BundleSize = z.infer<typeof BundleSize>;

/** One serverless function: the routes it serves and what they need. */
export const PlanFunction = z.strictObject({
  /** Stable id (kebab-case); the user may rename it and re-planning keeps the new name. */
  id: FunctionId.describe('Stable id (kebab-case); the user may rename it and re-planning keeps the new name.'),
  /** Route ids it serves (`GET /api/users/:id`, as in the analysis), sorted; move a route to another function by moving its line. */
  routes: z
    .array(z.string())
    .min(1)
    .describe('Route ids it serves (`GET /api/users/:id`, as in the analysis), sorted; move a route to another function by moving its line.'),
  /** Why these routes are together, naming the evidence (shared files, entities, hazards, config). */
  reason: z.string().describe('Why these routes are together, naming the evidence (shared files, entities, hazards, config).'),
  /** Memory in MB (128 to 10240); an edit is kept by re-planning. */
  memory: z.number().int().min(128).max(10240).describe('Memory in MB (128 to 10240); an edit is kept by re-planning.'),
  /** Timeout in seconds (1 to 900); an edit is kept by re-planning. */
  timeout: z.number().int().min(1).max(900).describe('Timeout in seconds (1 to 900); an edit is kept by re-planning.'),
  /** Monolith files its routes need: their closure (or, without one, the files their handler files import), sorted. */
  files: z
    .array(z.string())
    .optional()
    .describe('Monolith files its routes need: their closure (or, without one, the files their handler files import), sorted.'),
  /** npm packages its routes import, sorted. */
  packages: z.array(z.string()).optional().describe('npm packages its routes import, sorted.'),
  /** Environment variables and config keys its routes read, sorted. */
  env: z.array(z.string()).optional().describe('Environment variables and config keys its routes read, sorted.'),
  /** Data entities its routes touch, sorted. */
  entities: z.array(z.string()).optional().describe('Data entities its routes touch, sorted.'),
  /** Hazards that affect its routes but do not stop them running in a function (`CODE file:line`), sorted. */
  hazards: z.array(z.string()).optional().describe('Hazards that affect its routes but do not stop them running in a function (`CODE file:line`), sorted.'),
  /** Predicted bundle size. */
  bundle: BundleSize.optional().describe('Predicted bundle size.'),
});
/** One serverless function. */
export type PlanFunction = z.infer<typeof PlanFunction>;

/** A route that stays in the monolith, reached through the fallback route. */
export const KeptRoute = z.strictObject({
  /** The route id, as in the analysis (`POST /api/orders`). */
  route: z.string().describe('The route id, as in the analysis (`POST /api/orders`).'),
  /** Why it stays, naming the hazard and its location, or the config rule; required when you move a route here by hand (say why, for the next reviewer). */
  reason: z
    .string()
    .describe(
      'Why it stays, naming the hazard and its location, or the config rule; required when you move a route here by hand (say why, for the next reviewer).',
    ),
});
/** A route that stays in the monolith. */
export type KeptRoute = z.infer<typeof KeptRoute>;

/** A timer or cron job the monolith starts at boot; the generators turn it into a scheduled function. */
export const Schedule = z.object({
  /** Stable id (kebab-case), unique among schedules. */
  id: FunctionId.describe('Stable id (kebab-case), unique among schedules.'),
  /** Code of the hazard that found it (`TIMER_AT_BOOT`, `CRON_JOB`). */
  hazard: z.string().describe('Code of the hazard that found it (`TIMER_AT_BOOT`, `CRON_JOB`).'),
  /** File of the timer or cron call. */
  file: z.string().describe('File of the timer or cron call.'),
  /** Line of the timer or cron call. */
  line: z.number().int().describe('Line of the timer or cron call.'),
  /** The interval or cron expression as found in the source (`60_000`, `'*\/5 * * * *'`, `everyMs`), or `unknown`. */
  expression: z.string().describe("The interval or cron expression as found in the source (`60_000`, `'*/5 * * * *'`, `everyMs`), or `unknown`."),
  /** An EventBridge expression (`rate(1 minute)`, `cron(...)`) when the expression is a literal cleave could convert. */
  rate: z.string().optional().describe('An EventBridge expression (`rate(1 minute)`, `cron(...)`) when the expression is a literal cleave could convert.'),
  /** What it is and what to do, with the hazard's message. */
  reason: z.string().describe("What it is and what to do, with the hazard's message."),
});
/** A timer or cron job found at boot. */
export type Schedule = z.infer<typeof Schedule>;

/** One score of the plan, with its fixed definition. */
export const Metric = z.object({
  /** The value; `null` when it could not be measured (the note says why). */
  value: z.number().nullable().describe('The value; `null` when it could not be measured (the note says why).'),
  /** The fixed definition, printed in the report. */
  definition: z.string().describe('The fixed definition, printed in the report.'),
  /** What the value rests on, or why it is missing. */
  note: z.string().optional().describe('What the value rests on, or why it is missing.'),
});
/** One score of the plan. */
export type Metric = z.infer<typeof Metric>;

/** Scores of the plan; each carries its definition. */
export const PlanMetrics = z.object({
  /** Mancoridis' MQ over the import graph partitioned by owning function: mean cohesion minus mean coupling. */
  structuralModularity: Metric.describe("Mancoridis' MQ over the import graph partitioned by owning function: mean cohesion minus mean coupling."),
  /** Inter-function dependency share: import edges that cross a function boundary / all import edges. */
  icp: Metric.describe('Inter-function dependency share: import edges that cross a function boundary / all import edges.'),
  /** Interface number: mean routes per function. */
  ifn: Metric.describe('Interface number: mean routes per function.'),
  /** Mean entropy (bits) of the distribution of each entity's routes over functions. */
  entitySpread: Metric.describe("Mean entropy (bits) of the distribution of each entity's routes over functions."),
  /** Bytes of files in two or more functions / bytes of files in any function. */
  sharedCodeRatio: Metric.describe('Bytes of files in two or more functions / bytes of files in any function.'),
  /** Bytes of the whole app's bundle (its entries, same esbuild options). */
  appBundleBytes: Metric.describe("Bytes of the whole app's bundle (its entries, same esbuild options)."),
  /** Largest function bundle / whole app bundle. */
  largestBundleRatio: Metric.describe('Largest function bundle / whole app bundle.'),
  /** Mean function bundle / whole app bundle. */
  meanBundleRatio: Metric.describe('Mean function bundle / whole app bundle.'),
});
/** Scores of the plan. */
export type PlanMetrics = z.infer<typeof PlanMetrics>;

/** A planner finding the user should read (a config rule that matched nothing, a constraint it could not meet). */
export const PlanWarning = z.object({
  /** Stable UPPER_SNAKE code. */
  code: z.string().describe('Stable UPPER_SNAKE code.'),
  /** What happened and what to do. */
  message: z.string().describe('What happened and what to do.'),
  /** The function it is about, when it is about one (`BUNDLE_IS_WHOLE_APP`): the report sets it beside the function as built. */
  function: z
    .string()
    .optional()
    .describe('The function it is about, when it is about one (`BUNDLE_IS_WHOLE_APP`): the report sets it beside the function as built.'),
});
/** A planner finding. */
export type PlanWarning = z.infer<typeof PlanWarning>;

/** What changed since the previous plan (present only when re-planning). */
export const PlanChanges = z.object({
  /** Routes the analysis has now that the previous plan did not, sorted. */
  added: z.array(z.string()).describe('Routes the analysis has now that the previous plan did not, sorted.'),
  /** Routes of the previous plan the analysis no longer has, sorted. */
  removed: z.array(z.string()).describe('Routes of the previous plan the analysis no longer has, sorted.'),
});
/** What changed since the previous plan. */
export type PlanChanges = z.infer<typeof PlanChanges>;

/** The app the plan splits: what the generators need to know about it. */
export const PlanApp = z.object({
  /** Name (package.json `name`, or the folder name), kebab-case. */
  name: FunctionId.describe('Name (package.json `name`, or the folder name), kebab-case.'),
  /** Entry files (servers), relative to the app dir. */
  entry: z.array(z.string()).describe('Entry files (servers), relative to the app dir.'),
  /** Source language. */
  language: z.enum(['typescript', 'javascript']).describe('Source language.'),
  /** Express major version, from package.json (4 when unknown). */
  expressMajor: z.union([z.literal(4), z.literal(5)]).describe('Express major version, from package.json (4 when unknown).'),
});
/** The app the plan splits. */
export type PlanApp = z.infer<typeof PlanApp>;

/** The analysis a plan was made from: `analysis.json` beside the plan, and the hash of its bytes. */
export const AnalysisRef = z.object({
  /** Path of the analysis file, relative to the plan file's folder. */
  file: z.string().min(1).describe("Path of the analysis file, relative to the plan file's folder."),
  /** sha256 (hex) of the analysis file's bytes, as cleave writes them. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits')
    .describe("sha256 (hex) of the analysis file's bytes, as cleave writes them."),
});
/** The analysis a plan was made from. */
export type AnalysisRef = z.infer<typeof AnalysisRef>;

/** The decisions of a plan: what a person reviews and edits in `cleave.plan.yaml`. Unknown keys are refused (a typo such as `memroy` must not pass silently). */
export const PlanDecisions = z.strictObject({
  /** Version of this schema. */
  schemaVersion: z.literal(1).describe('Version of this schema.'),
  /** The app. */
  app: PlanApp.describe('The app.'),
  /** Strategy that produced the plan. */
  strategy: Strategy.describe('Strategy that produced the plan.'),
  /** Deployment target options (from the config, defaults filled in). */
  targets: TargetOptions.describe('Deployment target options (from the config, defaults filled in).'),
  /** The analysis the plan was made from (absent in plans that embed it, as cleave 0.1 wrote them). */
  analysis: AnalysisRef.optional().describe('The analysis the plan was made from (absent in plans that embed it, as cleave 0.1 wrote them).'),
  /** The functions, sorted by id. */
  functions: z.array(PlanFunction).describe('The functions, sorted by id.'),
  /** Routes that stay in the monolith, sorted by route id. */
  keep: z.array(KeptRoute).describe('Routes that stay in the monolith, sorted by route id.'),
  /** Timers and cron jobs to turn into scheduled functions, sorted by id. */
  schedules: z.array(Schedule).describe('Timers and cron jobs to turn into scheduled functions, sorted by id.'),
  /** Scores with their definitions. */
  metrics: PlanMetrics.describe('Scores with their definitions.'),
  /** Planner findings. */
  warnings: z.array(PlanWarning).describe('Planner findings.'),
  /** Routes that appeared or vanished since the previous plan. */
  changes: PlanChanges.optional().describe('Routes that appeared or vanished since the previous plan.'),
});
/** The decisions of a plan. */
export type PlanDecisions = z.infer<typeof PlanDecisions>;

/** What the generators read of the analysis, joined to the decisions from `analysis.json`. */
const PlanAnalysisParts = z.object({
  /** The analysis' hazards (for the report and the generators' advice). */
  hazards: z.array(Hazard).describe("The analysis' hazards (for the report and the generators' advice)."),
  /** Router and sub-app mounts of the analysis. */
  mounts: z.array(Mount).describe('Router and sub-app mounts of the analysis.'),
  /** Passport strategies the analysis found registered at boot, when any. */
  authStrategies: z.array(AuthStrategy).optional().describe('Passport strategies the analysis found registered at boot, when any.'),
  /** Static folders of the analysis. */
  static: z.array(StaticMount).describe('Static folders of the analysis.'),
  /** Every route of the analysis, by id: handler, middleware and mount data for the generators. */
  routes: z.record(z.string(), Route).describe('Every route of the analysis, by id: handler, middleware and mount data for the generators.'),
  /** The analysis' module graph (what each app file imports), when it was measured: the generators weigh boot code by it. */
  modules: AppModules.optional().describe(
    "The analysis' module graph (what each app file imports), when it was measured: the generators weigh boot code by it.",
  ),
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
