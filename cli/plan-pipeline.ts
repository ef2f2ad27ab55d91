import * as fs from 'node:fs';
import { analyzeApp } from '../analyzer/analyze';
import type { Analysis } from '../model/analysis';
import { InputError } from '../model/errors';
import type { SplitPlan } from '../model/plan';
import { planSplit } from '../planner/plan-split';
import { loadConfig, loadPreviousPlan } from './config';
import { parseAnalysisText } from './plan-loader';
import { entryOptions } from './entry-option';
import type { CliIo } from './io';
import { progressPrinter } from './progress';

/** Inputs of the analyze-and-plan pipeline shared by `plan` and `split`. */
export interface PlanPipelineOptions {
  /** `--config` file. */
  config?: string;
  /** `--entry` files, relative to the app dir (over `entry:` of the config). */
  entry?: string[];
  /** A saved analysis to plan from (the app is not analysed); `--entry` cannot be given with it. */
  analysisFile?: string;
  /** A previous plan to carry edits over from, when the file exists. */
  previousPlanFile?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** Analyses the app and plans the split; prints progress and what changed since the previous plan. */
export async function analyzeAndPlan(appDir: string, options: PlanPipelineOptions, io: CliIo): Promise<{ analysis: Analysis; plan: SplitPlan }> {
  const config = loadConfig(appDir, options.config);
  const previous = options.previousPlanFile ? loadPreviousPlan(options.previousPlanFile) : undefined;
  const onProgress = progressPrinter(!!options.quiet, io.stderr, io.stderrIsTTY);
  const analysis = options.analysisFile
    ? savedAnalysis(options.analysisFile, options.entry)
    : await analyzeApp({ appDir, onProgress, ...entryOptions(appDir, options.entry, config, options.config) });
  const plan = planSplit(analysis, config, previous, { onProgress });
  onProgress({
    stage: 'plan',
    message: `${plan.functions.length} functions, ${plan.keep.length} routes kept in the monolith, ${plan.warnings.length} warnings`,
  });
  if (plan.changes) {
    for (const id of plan.changes.added) onProgress({ stage: 'plan', message: `new route since the previous plan: ${id}` });
    for (const id of plan.changes.removed) onProgress({ stage: 'plan', message: `route gone since the previous plan: ${id}` });
  }
  return { analysis, plan };
}

function savedAnalysis(file: string, entry: string[] | undefined): Analysis {
  if (entry?.length)
    throw new InputError(
      'ENTRY_WITH_ANALYSIS',
      '--entry and --analysis cannot be given together: the saved analysis was made from its own entries',
      'drop --entry, or drop --analysis to analyse the app again',
    );
  if (!fs.existsSync(file))
    throw new InputError('ANALYSIS_NOT_FOUND', `analysis file ${file} does not exist`, 'write one with `cleave analyze <app-dir> -o analysis.json`');
  return parseAnalysisText(fs.readFileSync(file, 'utf8'), file);
}
