import * as path from 'node:path';
import { InputError } from '../../analyzer/errors';
import { stringifyPlan } from '../../analyzer/plan/plan-file';
import { generateReport } from '../../generators/report';
import type { GeneratedFile } from '../../model/generated-file';
import type { SplitPlan } from '../../model/plan';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { writeOutputFiles } from '../output';
import { analyzeAndPlan } from '../plan-pipeline';
import { hasErrors } from './analyze';

/** File names `split` writes in the output folder (DESIGN.md, "Output folder"). */
export const SPLIT_FILES = { analysis: 'analysis.json', plan: 'cleave.plan.yaml' } as const;

/** Options of `cleave split`. */
export interface SplitCommandOptions {
  /** The output folder. */
  output: string;
  /** `cleave.config.yaml` to use (default: the one in the app folder, when present). */
  config?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/**
 * Files the generate step adds for a plan (handlers, serverless.yml, template.yaml). Empty until
 * the generators land: `generate` plugs in here, so `split` writes everything in one pass.
 */
export function generatedFiles(plan: SplitPlan): GeneratedFile[] {
  void plan;
  return [];
}

/** `cleave split`: analyse, plan (keeping the edits of a plan already in the folder), report, generate. */
export async function splitCommand(appDir: string, options: SplitCommandOptions, io: CliIo): Promise<number> {
  const outDir = path.resolve(options.output);
  if (outDir === path.resolve(appDir)) {
    throw new InputError('OUTPUT_IS_APP_ROOT', `the output folder ${options.output} is the app folder itself`, 'choose a folder inside it, e.g. -o functions');
  }
  const { analysis, plan } = await analyzeAndPlan(appDir, { config: options.config, previousPlanFile: path.join(outDir, SPLIT_FILES.plan), quiet: options.quiet }, io);
  const files: GeneratedFile[] = [
    { path: SPLIT_FILES.analysis, contents: JSON.stringify(analysis, null, 2) + '\n' },
    { path: SPLIT_FILES.plan, contents: stringifyPlan(plan) },
    ...generateReport(plan),
    ...generatedFiles(plan),
  ];
  const { written } = writeOutputFiles(outDir, files);
  if (!options.quiet) io.stderr(`cleave: split: wrote ${written.length} files to ${path.relative(process.cwd(), outDir) || '.'}\n`);
  return hasErrors(analysis) ? EXIT.findings : EXIT.ok;
}
