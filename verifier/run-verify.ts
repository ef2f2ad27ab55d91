import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_FILE, bundleDir } from '../generators/layout';
import type { SplitPlan } from '../model/plan';
import type { Route } from '../model/analysis';
import type { VerificationResult, VerificationSummary, VerificationWarning } from '../model/verification';
import type { VerifyConfig } from '../model/verify-config';
import { alikeCounts } from './alike-counts';
import { appFilesOf, bootModuleWarnings, bundleAppFiles } from './boot-modules';
import type { PayloadVersion } from './events';
import { hookCommands, runHook } from './hooks';
import { buildRequests } from './requests';
import { interleavedTurns, sidesTurns } from './turns';
import { compilePatterns } from './volatile-values';

/** One request, answered by the monolith and by the function. */
export type VerifyResult = VerificationResult;

/** What `cleave verify` found (the model's {@link VerificationSummary}). */
export type VerifyReport = VerificationSummary;

/** Options of {@link runVerify}. */
export interface VerifyOptions {
  /** The monolith's folder. */
  appDir: string;
  /** The generated output folder (functions/<id>/handler.ts). */
  outDir: string;
  /** The plan the functions were generated from. */
  plan: SplitPlan;
  /** The file the monolith starts from, relative to `appDir`. @default the plan's first `app.entry` */
  entry?: string;
  /** The `verify` section of the config. */
  config: VerifyConfig;
  /** API Gateway payload format. */
  payload: PayloadVersion;
  /** A stage prefix in the path (`prod`), for base-path handling. */
  stage?: string;
  /** Progress lines. */
  onProgress?: (message: string) => void;
  /** Where the monolith's and the functions' own output (their logs) goes. @default process.stderr */
  appOutput?: (chunk: Uint8Array) => void;
  /** Warnings found before the run (an entry other than the plan's), put first in the report. */
  warnings?: VerificationWarning[];
}

/**
 * Sends each request to the monolith (its entry running in a child process on a loopback port)
 * and to the generated handler of the function serving its route (run in another child process,
 * each function with its own copy of the app's modules, invoked with an API Gateway event), and
 * compares the answers. Runs `verify.setup` first. Requests go out one at a time, the same to both
 * sides, in the order of {@link buildRequests}: interleaved, or side after side with `verify.reset`
 * between (see {@link sidesTurns}). Both children are stopped before this returns or throws.
 * Warns when the monolith loads at boot a module a function lacks ({@link bootModuleWarnings}).
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyReport> {
  const { plan, config } = options;
  const entry = options.entry ?? plan.app.entry[0];
  if (!entry) throw new Error('the plan names no entry file');
  const appDir = path.resolve(options.appDir);
  const outDir = path.resolve(options.outDir);
  const output = options.appOutput ?? ((chunk: Uint8Array) => void process.stderr.write(chunk));
  const reset = hookCommands(config.reset);
  const mode = config.mode ?? (reset.length > 0 ? 'sides' : 'interleaved');
  const owner = new Map<string, string>();
  for (const fn of plan.functions) for (const id of fn.routes) owner.set(id, fn.id);
  const routes = [...owner.keys()].map((id) => plan.routes[id]).filter((r) => r !== undefined);
  const built = buildRequests(routes, config);
  const otherEntry = otherEntryRoutes(plan, routes, entry);
  const requests = built.requests.filter((r) => !otherEntry.has(r.route));
  const skipped = [
    ...built.skipped,
    ...[...otherEntry].filter(([id]) => built.requests.some((r) => r.route === id)).map(([route, reason]) => ({ route, reason })),
  ];
  // What Lambda runs: the bundle (with what generate shipped beside it); the TypeScript handler
  // only when nothing was bundled (`generate --no-bundle`).
  const bundleFile = (id: string): string => path.resolve(outDir, bundleDir('function', id), BUNDLE_FILE);
  const handlerFile = (id: string): string => (fs.existsSync(bundleFile(id)) ? bundleFile(id) : path.resolve(outDir, 'functions', id, 'handler.ts'));
  for (const fn of plan.functions) {
    if (!fs.existsSync(handlerFile(fn.id))) throw new Error(`no generated handler at ${handlerFile(fn.id)} (run cleave generate first)`);
    const n = requests.filter((r) => owner.get(r.route) === fn.id).length;
    options.onProgress?.(`${fn.id}: ${n} request${n === 1 ? '' : 's'}`);
  }
  const setup = hookCommands(config.setup);
  if (setup.length > 0) {
    options.onProgress?.(`setup: ${setup.join('; ')}`);
    await runHook('setup', setup, appDir, output);
  }
  const patterns = compilePatterns(config.ignore.values);
  const turns = await (mode === 'sides' ? sidesTurns : interleavedTurns)({
    appDir,
    outDir,
    entry,
    requests,
    owner,
    handlerFile,
    ignoreFor: (spec) => ({
      bodyPaths: [...config.ignore.bodyPaths, ...(spec.ignoreBodyPaths ?? [])],
      values: patterns,
      headers: config.ignore.headers.map((h) => h.toLowerCase()),
    }),
    payload: options.payload,
    cookies: config.cookies,
    ...(options.stage ? { stage: options.stage } : {}),
    reset,
    output,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { results, functions } = turns;
  const initTimes = functions.initTimes();
  const inits = plan.functions.filter((f) => initTimes.has(f.id)).map((f) => ({ function: f.id, initMs: Math.round(initTimes.get(f.id)! * 10) / 10 }));
  const functionFiles = new Map<string, string[]>();
  for (const fn of plan.functions) {
    const files = fs.existsSync(bundleFile(fn.id))
      ? bundleAppFiles(bundleFile(fn.id), outDir, appDir)
      : functions.loadedModules().has(fn.id)
        ? appFilesOf(functions.loadedModules().get(fn.id)!, appDir, outDir)
        : undefined;
    if (files) functionFiles.set(fn.id, files);
  }
  const warnings = [...(options.warnings ?? []), ...bootModuleWarnings(plan, entry, appFilesOf(turns.bootModules, appDir, outDir), functionFiles)];
  const mismatched = results.filter((r) => r.differences.length > 0).length;
  const exercised = new Set(results.map((r) => r.route)).size;
  const { bodyPaths, values, headers } = config.ignore;
  return {
    payload: options.payload,
    ...(options.stage ? { stage: options.stage } : {}),
    mode,
    ...(bodyPaths.length + values.length + headers.length > 0 ? { ignore: { bodyPaths, values: patterns.map((p) => p.name), headers } } : {}),
    results,
    ...(warnings.length > 0 ? { warnings } : {}),
    skipped,
    ...(inits.length > 0 ? { inits } : {}),
    ...(built.unknown.length > 0 ? { unknownRoutes: built.unknown } : {}),
    summary: {
      requests: results.length,
      matched: results.length - mismatched,
      mismatched,
      ...alikeCounts(results),
      routes: routes.length,
      exercised,
      skipped: skipped.length,
    },
  };
}

/**
 * Routes another server of the plan serves (a plan with two entries): the monolith verify runs
 * does not serve them, so comparing would show only that. By route id, with the reason.
 */
function otherEntryRoutes(plan: SplitPlan, routes: readonly Route[], entry: string): Map<string, string> {
  const other = new Map<string, string>();
  if (plan.app.entry.length < 2) return other;
  for (const r of routes)
    if (r.entry && r.entry !== entry && plan.app.entry.includes(r.entry))
      other.set(r.id, `served by ${r.entry}, not by the entry verify ran (${entry}): run verify again with --entry ${r.entry}`);
  return other;
}

export { requestLine } from './turns';
