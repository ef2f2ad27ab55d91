import * as path from 'node:path';
import { stringifyPlan } from '../../model/plan-file';
import { ANALYSIS_FILE } from '../../model/output-files';
import { analysisText } from '../../model/plan-join';
import { InputError } from '../../model/errors';
import type { CliCommand } from '../command';
import { ENTRY_OPTION_HELP } from '../entry-option';
import { formatOption, isJson } from '../format-option';
import { commandResultText, planFindings, planSummary, resultFiles } from '../reporters/command-json';
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
  /** `text` (default) or `json`. */
  format?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** `cleave plan`: analyse, plan, write (or print) the plan and optionally the report; exit 1 on error-level findings. */
/** `cleave plan <app-dir>`. */
export const plan: CliCommand<Omit<PlanCommandOptions, 'quiet'>> = {
  name: 'plan',
  define: (command) =>
    command
      .description('group the routes into functions: write the editable split plan (and the report)')
      .argument('<app-dir>', 'the app folder (holds package.json)')
      .option('--config <file>', 'cleave.config.yaml to use (default: <app-dir>/cleave.config.yaml when present)')
      .option('--entry <file...>', ENTRY_OPTION_HELP)
      .option('-o, --output <file>', 'write the plan to this file; an existing plan is re-planned, keeping its edits (default: stdout)')
      .option('--report <dir>', 'also write SPLIT-REPORT.md and report.html to this folder')
      .option('--analysis <file>', "plan from this saved analysis (cleave analyze -o, or a split folder's analysis.json) instead of analysing the app")
      .addOption(formatOption()),
  run: ([appDir], options, { io, quiet }) => planCommand(appDir!, { ...options, quiet }, io),
};

export async function planCommand(appDir: string, options: PlanCommandOptions, io: CliIo): Promise<number> {
  const output = options.output ? path.resolve(options.output) : undefined;
  const json = isJson(options.format);
  if (json && !output) throw new InputError('FORMAT_NEEDS_OUTPUT', '--format json prints the result object, not the plan', 'give -o the plan file to write');
  const { analysis, plan } = await analyzeAndPlan(
    appDir,
    { config: options.config, entry: options.entry, analysisFile: options.analysis, previousPlanFile: output, quiet: options.quiet },
    io,
  );
  const yaml = stringifyPlan(plan);
  // The report first: a --report that cannot be written fails before the plan is printed (exit 2 prints nothing on stdout).
  const reports = options.report ? writeOutputFiles(options.report, generateReport(plan)).written : [];
  // The plan names the analysis it was made from; generate reads the two together.
  if (output)
    writeOutputFiles(path.dirname(output), [
      { path: path.basename(output), contents: yaml },
      { path: ANALYSIS_FILE, contents: analysisText(analysis) },
    ]);
  else io.stdout(yaml);
  const code = planHasErrors(analysis, plan) ? EXIT.findings : EXIT.ok;
  if (json && output) {
    const written = [path.basename(output), ANALYSIS_FILE, ...reports.map((f) => path.relative(path.dirname(output), f))];
    io.stdout(
      commandResultText({
        command: 'plan',
        exitCode: code,
        findings: planFindings(analysis, plan),
        files: resultFiles({ written, unchanged: [] }),
        summary: planSummary(plan),
      }),
    );
  }
  return code;
}
