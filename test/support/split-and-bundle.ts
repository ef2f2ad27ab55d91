import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import { bundleHandlers } from '../../bundler/bundle';
import { bundleEntries, readAuthTexts, readHandlerModules, readLoadEffects, readRegisteringSources } from '../../cli/generate-into';
import { generateAll } from '../../generators/generate';
import type { GeneratorDiagnostic } from '../../generators/types';
import type { BuiltBundle } from '../../model/bundle-report';
import { Config } from '../../model/config';
import type { SplitPlan } from '../../model/plan';

/** What a Lambda handler answers (the adapter's result). */
export type LambdaAnswer = { statusCode: number; body: string; headers: Record<string, string> };

/** One function's bundle: its size record, its text, and its loaded handler. */
export interface LoadedBundle {
  size: BuiltBundle;
  text: string;
  handler: (event: unknown, context: unknown) => Promise<LambdaAnswer>;
}

/** A fixture split one function per route into `out`, every handler bundled and written. */
export interface SplitBundles {
  plan: SplitPlan;
  diagnostics: GeneratorDiagnostic[];
  /** The bundle of the function serving `route`, required from dist/ as Lambda would. */
  bundleOf(route: string): LoadedBundle;
}

/** Writes generated or built files (paths relative to `out`) under `out`, as the CLI's writer would. */
export function writeOutput(out: string, files: ReadonlyArray<{ path: string; contents: string | Uint8Array }>): void {
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    fs.writeFileSync(path.join(out, f.path), f.contents);
  }
}

/** Analyses, plans (per route), generates and bundles `appDir` into `out`, as `cleave split` does. */
export async function splitAndBundle(appDir: string, out: string): Promise<SplitBundles> {
  const plan = await planSplit(await analyzeApp({ appDir }), Config.parse({ strategy: 'per-route' }));
  const sources = readRegisteringSources(appDir, plan);
  const context = {
    appDir: path.relative(out, appDir).split(path.sep).join('/'),
    sources,
    authTexts: readAuthTexts(appDir, plan),
    handlerModules: readHandlerModules(appDir, plan, sources),
    loadEffects: readLoadEffects(appDir, plan, sources),
  };
  const generated = generateAll(plan, context, ['serverless']);
  writeOutput(out, generated.files);
  const built = await bundleHandlers(out, appDir, bundleEntries(plan, generated.servedElsewhere));
  if (built.failures.length > 0) throw new Error(`bundling failed: ${JSON.stringify(built.failures)}`);
  writeOutput(out, built.files);
  return {
    plan,
    diagnostics: generated.diagnostics,
    bundleOf(route) {
      const fn = plan.functions.find((f) => f.routes.includes(route))!;
      const size = built.sizes.find((s) => s.id === fn.id)!;
      const file = path.join(out, size.file);
      // Required at the first request: a bundle whose packages are not installed can still be read.
      return {
        size,
        text: fs.readFileSync(file, 'utf8'),
        handler: (event, context) => (require(file) as Pick<LoadedBundle, 'handler'>).handler(event, context),
      };
    },
  };
}
