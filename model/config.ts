import { z } from 'zod';
import { VerifyConfig } from './verify-config';

/** A function id: kebab-case, valid as a Lambda name part, a CloudFormation logical id stem and a folder name. */
export const FunctionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,47}$/, 'expected a kebab-case id matching ^[a-z][a-z0-9-]{0,47}$')
  .describe('Function id: kebab-case, starts with a letter, at most 48 characters.');
/** A function id. */
export type FunctionId = z.infer<typeof FunctionId>;

/** How routes are grouped into functions. */
export const Strategy = z
  .enum(['per-route', 'per-router', 'clustered'])
  .describe('per-route: one function per route; per-router: one per mounted router; clustered: routes grouped by what they share.');
/** How routes are grouped into functions. */
export type Strategy = z.infer<typeof Strategy>;

/**
 * Selects routes: an exact route id (`GET /api/users/:id`), a path glob (`/debug/**`), or a method
 * and a path glob (`POST /api/v1/orders/*`, `* /admin/**`). `*` matches one path segment, `**` any number.
 */
export const RouteSelector = z
  .string()
  .min(1)
  .describe('Route id (`GET /api/users`), path glob (`/debug/**`) or method plus glob (`POST /orders/*`); `*` = one segment, `**` = any.');

/** Lambda memory in MB. */
const Memory = z.number().int().min(128).max(10240).describe('Memory in MB (128 to 10240).');
/** Lambda timeout in seconds. */
const Timeout = z.number().int().min(1).max(900).describe('Timeout in seconds (1 to 900).');

/** Memory and timeout every function gets unless overridden. */
export const FunctionDefaults = z
  .strictObject({
    /** Memory in MB. @default 512 */
    memory: Memory.default(512),
    /** Timeout in seconds. @default 10 */
    timeout: Timeout.default(10),
  })
  .describe('Memory and timeout every function gets unless `functions` overrides them.');

/** Per-function overrides, keyed by function id. */
export const FunctionOverride = z
  .strictObject({
    /** Memory in MB; the default from `defaults.memory` when absent. */
    memory: Memory.optional(),
    /** Timeout in seconds; the default from `defaults.timeout` when absent. */
    timeout: Timeout.optional(),
  })
  .describe('Overrides for one function.');

/** A route forced to stay in the monolith. */
export const KeepRule = z
  .strictObject({
    /** The route (or routes) to keep. */
    route: RouteSelector,
    /** Why; printed in the plan and the report. */
    reason: z.string().min(1).describe('Why the route stays in the monolith; printed in the plan and report.'),
  })
  .describe('Routes that stay in the monolith, reached through the fallback route.');

/** Options of the deployment targets (copied into the plan for the generators). */
export const TargetOptions = z
  .strictObject({
    /** AWS region. @default "us-east-1" */
    region: z.string().min(1).default('us-east-1').describe('AWS region.'),
    /** Deployment stage. @default "dev" */
    stage: z
      .string()
      .regex(/^[a-zA-Z0-9-]+$/, 'expected letters, digits and dashes')
      .default('dev')
      .describe('Deployment stage name.'),
    /** Base URL of the running monolith; routes in `keep` are proxied to it. No fallback route when absent. */
    monolithUrl: z.url().optional().describe('Base URL of the monolith that serves the kept routes (strangler-fig fallback).'),
    /** Lambda runtime. @default "nodejs22.x" */
    runtime: z.enum(['nodejs20.x', 'nodejs22.x']).default('nodejs22.x').describe('Lambda runtime.'),
  })
  .describe('Deployment target options, copied into the plan for the generators.');

/** Tuning of the `clustered` strategy. */
export const ClusteringOptions = z
  .strictObject({
    /** Louvain resolution: above 1 gives more, smaller functions; below 1 fewer, larger ones. @default 1 */
    resolution: z.number().positive().max(10).default(1).describe('Louvain resolution: >1 more, smaller functions; <1 fewer, larger ones.'),
    /** Seed of the random number generator, so the same input gives the same plan. @default 1 */
    seed: z.number().int().min(0).default(1).describe('Seed of the clustering random number generator.'),
  })
  .describe('Tuning of the clustered strategy.');

/** Entry files of the app: one path or a list, relative to the app folder. */
export const EntryFiles = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected a file path or a non-empty list of file paths' })
  .describe('Entry file(s) relative to the app folder (the file that starts the server); `--entry` overrides; found automatically when absent.');
/** Entry files of the app as written in the config. */
export type EntryFiles = z.infer<typeof EntryFiles>;

/** `cleave.config.yaml`: the user's decisions that the planner must honour. */
export const Config = z
  .strictObject({
    /** Entry file(s) relative to the app folder; `--entry` overrides; found automatically when absent. */
    entry: EntryFiles.optional(),
    /** Grouping strategy. @default "clustered" */
    strategy: Strategy.default('clustered'),
    /** Groups of routes that must share one function, by group name. */
    pin: z
      .record(FunctionId, z.array(RouteSelector).min(1))
      .default({})
      .describe('Named groups of routes that must share one function; the group name becomes the function id unless `names` says otherwise.'),
    /** Routes that stay in the monolith, with the reason. */
    keep: z.array(KeepRule).default([]).describe('Routes that stay in the monolith, with the reason.'),
    /** Function ids by route id or pin group name: the function holding that route (or group) gets this id. */
    names: z
      .record(z.string().min(1), FunctionId)
      .default({})
      .describe('Function id for the function holding a route (by route id) or a pin group (by group name).'),
    /** Memory and timeout per function id. */
    functions: z.record(FunctionId, FunctionOverride).default({}).describe('Memory and timeout per function id.'),
    /** Path globs of routes that stay in the monolith without further analysis (`/debug/**`). */
    exclude: z.array(RouteSelector).default([]).describe('Routes (path globs or ids) left in the monolith, e.g. `/debug/**`.'),
    /** Largest predicted bundle of one function in bytes (own code; npm packages are external). @default 1048576 */
    maxBundleBytes: z
      .number()
      .int()
      .positive()
      .default(1048576)
      .describe('Largest predicted bundle of one function in bytes (own code, packages external); larger clusters are split.'),
    /**
     * Most functions a plan makes. Past it, neighbouring groups (in route path order) are merged,
     * the routes spread evenly, so the stack stays deployable: each function costs CloudFormation
     * about five resources (function, version, log group, permission, integration) of its 500.
     * Pinned groups are never merged; a merge whose bundle would pass `maxBundleBytes` is not made. @default 50
     */
    maxFunctions: z
      .number()
      .int()
      .positive()
      .default(50)
      .describe(
        'Most functions a plan makes; past it, neighbouring groups (by path) are merged, pins never. Each function costs CloudFormation about five of its 500 resources.',
      ),
    /**
     * Largest share of all routes that one shared-state hazard may bind into one function (or
     * keep in the monolith). State shared more widely (a request counter every route bumps) cannot
     * be preserved by grouping: it is reported with advice to move it out of process instead. @default 0.5
     */
    stateGroupLimit: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Largest share of all routes one shared-state hazard may bind together; wider state is reported instead (move it out of process).'),
    /** Memory and timeout of every function. */
    defaults: FunctionDefaults.prefault({}),
    /** Tuning of the clustered strategy. */
    clustering: ClusteringOptions.prefault({}),
    /** Deployment target options. */
    targets: TargetOptions.prefault({}),
    /** How `cleave verify` exercises the routes (sample parameters, bodies, ignored fields). */
    verify: VerifyConfig.prefault({}).describe('How `cleave verify` exercises the routes: sample parameters, bodies, ignored fields.'),
  })
  .describe('cleave.config.yaml: decisions the split planner must honour.');
/** A parsed `cleave.config.yaml` with every default filled in. */
export type Config = z.output<typeof Config>;
/** `cleave.config.yaml` as a user writes it (every key optional). */
export type ConfigInput = z.input<typeof Config>;
