import type { GeneratedFile } from '../model/generated-file';
import type { SplitPlan } from '../model/plan';
import { type GatewayRoute, gatewayRoutes } from './http-routes';
import { bundleDir, handlerFile, scheduleFile } from './layout';
import { roundedRateDiagnostic } from './schedule-rounding';
import type { GeneratorDiagnostic } from './types';

/** A Lambda function as every deployment target describes it. */
export interface DeployFunction {
  /** Function id, or schedule id for scheduled jobs. */
  id: string;
  /** An HTTP function of the plan, or a scheduled job. */
  kind: 'function' | 'schedule';
  /** The bundle folder (relative to the output folder) holding `handler.js`. */
  codeDir: string;
  /** Memory in MB. */
  memory: number;
  /** Timeout in seconds. */
  timeout: number;
  /** Environment variable names it reads (values are never copied). */
  env: string[];
  /** API Gateway HTTP API routes it answers. */
  routes: GatewayRoute[];
  /** EventBridge schedule (`rate(...)`/`cron(...)`) and whether the event starts enabled. */
  schedule?: { expression: string; enabled: boolean };
}

/** Everything the Serverless Framework and SAM generators share. */
export interface Deployment {
  /** Service / stack name. */
  service: string;
  /** Functions then scheduled jobs, sorted by id within each. */
  functions: DeployFunction[];
  /** Default of the monolith URL parameter (empty: no fallback until one is given at deploy time). */
  monolithUrl: string;
  /** Findings while translating the plan. */
  diagnostics: GeneratorDiagnostic[];
}

/** Memory and timeout of scheduled jobs (the plan has none for them). */
export const SCHEDULE_DEFAULTS = { memory: 512, timeout: 60 } as const;

/** Routes the fallback sends to the monolith; no function may take these gateway routes. */
export const FALLBACK_ROUTES = ['ANY /', 'ANY /{proxy+}'];

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_ENV = /^(AWS_|LAMBDA_|_HANDLER$|_X_AMZN_TRACE_ID$|TZ$|LANG$|PATH$|LD_LIBRARY_PATH$|NODE_PATH$)/;

/**
 * Translates the plan to functions, gateway routes and schedules, once for every target; `served`
 * holds the routes each function's handler really serves (see `generateHandlers`), `file` names
 * the target file for diagnostics. Pure.
 */
export function deploymentOf(plan: SplitPlan, served: ReadonlyMap<string, ReadonlySet<string>>, file: string): Deployment {
  const diagnostics: GeneratorDiagnostic[] = [];
  const taken = new Map<string, string>(FALLBACK_ROUTES.map((key) => [normalizedKey(key), 'the fallback route to the monolith']));
  const functions: DeployFunction[] = [];
  for (const fn of plan.functions) {
    const routes: GatewayRoute[] = [];
    for (const id of fn.routes.filter((r) => served.get(fn.id)?.has(r))) {
      const route = plan.routes[id]!;
      const translation = gatewayRoutes(route.method, route.path);
      if ('reason' in translation) {
        diagnostics.push({
          code: 'PATH_NOT_EXPRESSIBLE',
          severity: 'warning',
          file,
          subject: fn.id,
          route: id,
          message: `no gateway route: ${translation.reason}; the fallback route sends it to the monolith`,
          advice: 'keep it in the monolith, or give it a path API Gateway can express',
        });
        continue;
      }
      for (const gateway of translation.routes) {
        const key = normalizedKey(`${gateway.method} ${gateway.path}`);
        const owner = taken.get(key);
        if (owner) {
          diagnostics.push({
            code: 'GATEWAY_ROUTE_CONFLICT',
            severity: 'warning',
            file,
            subject: fn.id,
            route: id,
            message: `gateway route ${gateway.method} ${gateway.path} is already taken by ${owner}; this function does not get it`,
          });
          continue;
        }
        taken.set(key, `function ${fn.id}`);
        routes.push(gateway);
      }
    }
    functions.push({
      id: fn.id,
      kind: 'function',
      codeDir: bundleDir('function', fn.id),
      memory: fn.memory,
      timeout: fn.timeout,
      env: envNames(fn.id, fn.env ?? routeEnv(plan, fn.routes), diagnostics, file),
      routes,
    });
  }
  for (const schedule of plan.schedules) {
    if (!schedule.rate) {
      diagnostics.push({
        code: 'SCHEDULE_NOT_TRANSLATED',
        severity: 'warning',
        file,
        subject: schedule.id,
        message: `the interval of the ${schedule.hazard} at ${schedule.file}:${schedule.line} (${schedule.expression}) is not a literal cleave can turn into a schedule`,
        advice: 'add a scheduled function by hand with the right rate',
      });
      continue;
    }
    const rounded = roundedRateDiagnostic(schedule, file);
    if (rounded) diagnostics.push(rounded);
    functions.push({
      id: schedule.id,
      kind: 'schedule',
      codeDir: bundleDir('schedule', schedule.id),
      ...SCHEDULE_DEFAULTS,
      env: [],
      routes: [],
      schedule: { expression: schedule.rate, enabled: false },
    });
  }
  if (plan.keep.length > 0 && !plan.targets.monolithUrl) {
    diagnostics.push({
      code: 'FALLBACK_NEEDS_URL',
      severity: 'info',
      file,
      message: `${plan.keep.length} routes stay in the monolith; the fallback route to it is created once its URL is given (parameter monolithUrl)`,
      advice: 'set targets.monolithUrl in cleave.config.yaml, or pass the URL at deploy time',
    });
  }
  return { service: plan.app.name, functions, monolithUrl: (plan.targets.monolithUrl ?? '').replace(/\/+$/, ''), diagnostics };
}

/** The handler source of a deployed function (for comments). */
export function sourceOf(fn: DeployFunction): string {
  return fn.kind === 'function' ? handlerFile(fn.id) : scheduleFile(fn.id);
}

/** `GET /a/{id}` and `GET /a/{name}` are the same gateway route. */
function normalizedKey(key: string): string {
  return key.replace(/\{[^}]*\+\}/g, '{+}').replace(/\{[^}+]*\}/g, '{}');
}

function routeEnv(plan: SplitPlan, routes: string[]): string[] {
  return [...new Set(routes.flatMap((id) => plan.routes[id]?.deps.env ?? []))].sort();
}

function envNames(fnId: string, names: string[], diagnostics: GeneratorDiagnostic[], file: string): string[] {
  const skipped = names.filter((n) => !ENV_NAME.test(n) || RESERVED_ENV.test(n));
  if (skipped.length > 0) {
    diagnostics.push({
      code: 'ENV_NOT_PASSED',
      severity: 'info',
      file,
      subject: fnId,
      message: `not passed as environment variables: ${skipped.join(', ')} (config keys, or names Lambda reserves)`,
    });
  }
  return names.filter((n) => !skipped.includes(n)).sort();
}

/** One deployment target (Serverless Framework, AWS SAM, ...): one folder in `generators/`, one entry in `TARGETS`. */
export interface Target {
  /** Name used by `--target`. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** The config file it writes (relative to the output folder); the deployment's findings name the first chosen target's. */
  file: string;
  /** Pure: the plan and its deployment (translated once for every target) in, the target's files out. */
  generate(plan: SplitPlan, deployment: Deployment): GeneratedFile[];
}
