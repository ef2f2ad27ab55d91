import * as path from 'node:path';
import { stringifyPlan } from '../../model/plan-file';
import { generateReport } from '../../generators/report';
import type { GeneratedFile } from '../../model/generated-file';
import { ANALYSIS_FILE, PLAN_FILE } from '../../model/output-files';
import { analysisText } from '../../model/plan-join';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { changedFiles, reportDrift } from '../drift';
import type { CliCommand } from '../command';
import { ENTRY_OPTION_HELP } from '../entry-option';
import { formatOption, isJson } from '../format-option';
import { commandResultText, generatorFindings, planFindings, planSummary, resultFiles } from '../reporters/command-json';
import { generateInto } from '../generate-into';
import { assertOutputFolder } from '../output-folder';
import { planHasErrors } from '../plan-outcome';
import { analyzeAndPlan } from '../plan-pipeline';
import { progressPrinter } from '../progress';
import { findingLine } from '../reporters/finding-line';

/** Options of `cleave split`. */
export interface SplitCommandOptions {
  /** The output folder. */
  output: string;
  /** `cleave.config.yaml` to use (default: the one in the app folder, when present). */
  config?: string;
  /** Entry files relative to the app dir (over `entry:` of the config; found automatically without either). */
  entry?: string[];
  /** Overwrite files in the output folder that cleave did not write or that were edited since. */
  force?: boolean;
  /** Write nothing; exit 1 listing the files that would change (drift check of committed output). */
  check?: boolean;
  /** `text` (default) or `json`. */
  format?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** `cleave split`: analyse, plan (keeping the edits of a plan already in the folder), report, generate and bundle. */
/** `cleave split <app-dir> -o <dir>`. */
export const split: CliCommand<Omit<SplitCommandOptions, 'quiet'>> = {
  name: 'split',
  define: (command) =>
    command
      .description('analyze + plan + report (+ generate) into one output folder')
      .argument('<app-dir>', 'the app folder (holds package.json)')
      .requiredOption('-o, --output <dir>', 'the output folder (e.g. functions/ inside the app repo)')
      .option('--config <file>', 'cleave.config.yaml to use (default: <app-dir>/cleave.config.yaml when present)')
      .option('--entry <file...>', ENTRY_OPTION_HELP)
      .option('--force', 'overwrite files in the output folder that cleave did not write or that were edited since')
      .option('--check', 'write nothing; exit 1 listing the files that would change (committed output out of date)')
      .addOption(formatOption()),
  run: ([appDir], options, { io, quiet }) => splitCommand(appDir!, { ...options, quiet }, io),
};

export async function splitCommand(appDir: string, options: SplitCommandOptions, io: CliIo): Promise<number> {
  const outDir = path.resolve(options.output);
  assertOutputFolder(outDir, appDir, options.output);
  const { analysis, plan } = await analyzeAndPlan(
    appDir,
    { config: options.config, entry: options.entry, previousPlanFile: path.join(outDir, PLAN_FILE), quiet: options.quiet },
    io,
  );
  const files: GeneratedFile[] = [
    { path: ANALYSIS_FILE, contents: analysisText(analysis) },
    { path: PLAN_FILE, contents: stringifyPlan(plan) },
  ];
  // One checked pass: the plan's edits were carried over by re-planning, so it may be overwritten.
  const generated = await generateInto(outDir, plan, {
    appDir,
    extraFiles: files,
    builtFiles: (bundles) => generateReport(plan, undefined, bundles),
    mergedEdits: [PLAN_FILE],
    force: options.force,
    check: options.check,
    onProgress: progressPrinter(!!options.quiet, io.stderr, io.stderrIsTTY),
  });
  const changed = changedFiles(generated);
  const code =
    planHasErrors(analysis, plan) || generated.diagnostics.some((d) => d.severity === 'error') || (options.check && changed > 0) ? EXIT.findings : EXIT.ok;
  if (isJson(options.format)) {
    const summary = { ...planSummary(plan), bundles: generated.bundles.bundles.length, ...(options.check ? { changed } : {}) };
    io.stdout(
      commandResultText({
        command: 'split',
        exitCode: code,
        findings: [...planFindings(analysis, plan), ...generatorFindings(generated.diagnostics)],
        files: resultFiles(generated),
        summary,
      }),
    );
    return code;
  }
  if (options.check) {
    for (const d of generated.diagnostics) if (d.severity === 'error') io.stderr(findingLine('split', d));
    reportDrift(generated, options.output, io);
    return code;
  }
  for (const d of generated.diagnostics) if (!options.quiet || d.severity === 'error') io.stderr(findingLine('split', d));
  if (!options.quiet) {
    for (const file of generated.removed) io.stderr(`cleave: split: removed ${file} (its function is no longer in the plan)\n`);
    const removed = generated.removed.length > 0 ? `, ${generated.removed.length} removed` : '';
    io.stderr(
      `cleave: split: wrote ${generated.written.length} files to ${path.relative(process.cwd(), outDir) || '.'} (${generated.unchanged.length} unchanged${removed})\n`,
    );
  }
  return code;
}
