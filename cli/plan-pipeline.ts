import { analyzeApp } from '../analyzer/analyze';
import { planSplit } from '../planner/plan-split';
import type { Analysis } from '../model/analysis';
import type { SplitPlan } from '../model/plan';
import { loadConfig, loadPreviousPlan } from './config';
import { entryOptions } from './entry-option';
import type { CliIo } from './io';
import { progressPrinter } from './progress';

/** Inputs of the analyze-and-plan pipeline shared by `plan` and `split`. */
export interface PlanPipelineOptions {
  /** `--config` file. */
  config?: string;
  /** `--entry` files, relative to the app dir (over `entry:` of the config). */
  entry?: string[];
  /** A previous plan to carry edits over from, when the file exists. */
  previousPlanFile?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** Analyses the app and plans the split; prints progress and what changed since the previous plan. */
export async function analyzeAndPlan(appDir: string, options: PlanPipelineOptions, io: CliIo): Promise<{ analysis: Analysis; plan: SplitPlan }> {
  const config = loadConfig(appDir, options.config);
  const previous = options.previousPlanFile ? loadPreviousPlan(options.previousPlanFile) : undefined;
  const onProgress = progressPrinter(!!options.quiet, io.stderr);
  const analysis = await analyzeApp({ appDir, onProgress, ...entryOptions(appDir, options.entry, config, options.config) });
  const plan = await planSplit(analysis, config, previous, { appDir, onProgress });
  onProgress({ stage: 'plan', message: `${plan.functions.length} functions, ${plan.keep.length} routes kept in the monolith, ${plan.warnings.length} warnings` });
  if (plan.changes) {
    for (const id of plan.changes.added) onProgress({ stage: 'plan', message: `new route since the previous plan: ${id}` });
    for (const id of plan.changes.removed) onProgress({ stage: 'plan', message: `route gone since the previous plan: ${id}` });
  }
  return { analysis, plan };
}
