import * as path from 'node:path';
import { stringifyPlan } from '../../model/plan-file';
import { ANALYSIS_FILE } from '../../model/output-files';
import { analysisText } from '../../model/plan-join';
import { generateReport } from '../../generators/report';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { writeOutputFiles } from '../output';
import { planHasErrors } from '../plan-outcome';
import { analyzeAndPlan } from '../plan-pipeline';

/** Options of `cleave plan`. */
export interface PlanCommandOptions {
  /** `cleave.config.yaml` to use (default: the one in the app folder, when present). */
  config?: string;
  /** Entry files relative to the app dir (over `entry:` of the config; found automatically without either). */
  entry?: string[];
  /** Plan file to write; an existing one is re-planned, keeping its edits. Without it the YAML goes to stdout. */
  output?: string;
  /** Folder to write SPLIT-REPORT.md and report.html to. */
  report?: string;
  /** A saved analysis to plan from instead of analysing the app. */
  analysis?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** `cleave plan`: analyse, plan, write (or print) the plan and optionally the report; exit 1 on error-level findings. */
export async function planCommand(appDir: string, options: PlanCommandOptions, io: CliIo): Promise<number> {
  const output = options.output ? path.resolve(options.output) : undefined;
  const { analysis, plan } = await analyzeAndPlan(appDir, { config: options.config, entry: options.entry, analysisFile: options.analysis, previousPlanFile: output, quiet: options.quiet }, io);
  const yaml = stringifyPlan(plan);
  // The plan names the analysis it was made from; generate reads the two together.
  if (output) writeOutputFiles(path.dirname(output), [{ path: path.basename(output), contents: yaml }, { path: ANALYSIS_FILE, contents: analysisText(analysis) }]);
  else io.stdout(yaml);
  if (options.report) writeOutputFiles(options.report, generateReport(plan));
  return planHasErrors(analysis, plan) ? EXIT.findings : EXIT.ok;
}
