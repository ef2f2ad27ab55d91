import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option } from 'commander';
import { checkAppFolder } from '../../analyzer/load/app-root';
import { InputError } from '../../model/errors';
import type { ProgressListener } from '../../model/progress';
import { TARGET_NAMES, type TargetName } from '../../generators/targets';
import { PLAN_FILE } from '../../model/output-files';
import { EXIT } from '../errors';
import { changedFiles, reportDrift } from '../drift';
import type { CliCommand } from '../command';
import { formatOption, isJson } from '../format-option';
import { commandResultText, generatorFindings, resultFiles } from '../reporters/command-json';
import { generateInto, type GenerateIntoResult } from '../generate-into';
import type { CliIo } from '../io';
import { assertOutputFolder } from '../output-folder';
import { readPlan, type ReadPlan } from '../plan-loader';
import { progressPrinter } from '../progress';
import { findingLine } from '../reporters/finding-line';

/** Options of `cleave generate`. */
export interface GenerateCommandOptions {
  /** The output folder. */
  output: string;
  /** The plan (default: `<out>/cleave.plan.yaml`, else `<app-dir>/cleave.plan.yaml`, else `./cleave.plan.yaml`). */
  plan?: string;
  /** `serverless`, `sam` or `all` (default). */
  target?: string;
  /** Overwrite files cleave did not write or that were edited since. */
  force?: boolean;
  /** List what would be written and write nothing. */
  dryRun?: boolean;
  /** Write nothing; exit 1 listing the files that would change (drift check of committed output). */
  check?: boolean;
  /** `text` (default) or `json`. */
  format?: string;
  /** Skip the esbuild bundles (commander's `--no-bundle`). */
  bundle?: boolean;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** `cleave generate`: handlers, serverless.yml and template.yaml from a plan; exit 1 when a route could not be generated. */
/** `cleave generate <app-dir> -o <dir>`. */
export const generate: CliCommand<Omit<GenerateCommandOptions, 'quiet'>> = {
  name: 'generate',
  define: (command) =>
    command
      .description('write the handlers, serverless.yml and template.yaml of a split plan, and bundle each function')
      .argument('<app-dir>', 'the app folder (holds package.json)')
      .requiredOption('-o, --output <dir>', 'the output folder (e.g. functions/ inside the app repo; not the app folder itself)')
      .option('--plan <file>', 'the split plan (default: <out>/cleave.plan.yaml, else <app-dir>/cleave.plan.yaml)')
      .addOption(new Option('--target <target>', 'deployment config to write').choices([...TARGET_NAMES, 'all']).default('all'))
      .option('--force', 'overwrite files cleave did not write or that were edited since')
      .option('--dry-run', 'list what would be written; write nothing')
      .option('--check', 'write nothing; exit 1 listing the files that would change (committed output out of date)')
      .option('--no-bundle', 'do not bundle the handlers with esbuild')
      .addOption(formatOption()),
  run: ([appDir], options, { io, quiet }) => generateCommand(appDir!, { ...options, quiet }, io),
};

export async function generateCommand(appDir: string, options: GenerateCommandOptions, io: CliIo): Promise<number> {
  checkAppFolder(appDir);
  assertOutputFolder(options.output, appDir, options.output);
  const targets = targetNames(options.target);
  const onProgress = progressPrinter(!!options.quiet, io.stderr, io.stderrIsTTY);
  const json = isJson(options.format);
  const { plan, notices } = await loadPlan(appDir, options, onProgress);
  if (!json) for (const n of notices) io.stderr(`cleave: generate: warning ${n.code}: ${n.message}\n`);
  const result = await generateInto(options.output, plan, {
    appDir,
    targets,
    force: options.force,
    dryRun: options.dryRun,
    check: options.check,
    bundle: options.bundle,
    onProgress,
  });
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  const changed = changedFiles(result);
  const code = failed || (options.check && changed > 0) ? EXIT.findings : EXIT.ok;
  if (json) {
    const findings = [
      ...notices.map((n) => ({ code: n.code, severity: 'warning' as const, file: '', message: n.message })),
      ...generatorFindings(result.diagnostics),
    ];
    const summary = {
      functions: plan.functions.length,
      schedules: plan.schedules.length,
      bundles: result.bundles.bundles.length,
      ...(options.check ? { changed } : {}),
    };
    io.stdout(commandResultText({ command: 'generate', exitCode: code, findings, files: resultFiles(result), summary }));
    return code;
  }
  if (options.check) {
    for (const d of result.diagnostics) if (d.severity === 'error') io.stderr(findingLine('generate', d));
    reportDrift(result, options.output, io);
    return code;
  }
  printResult(result, options, io);
  return code;
}

/** `--target` as target names. */
export function targetNames(target: string | undefined): TargetName[] {
  if (target === undefined || target === 'all') return [...TARGET_NAMES];
  if ((TARGET_NAMES as string[]).includes(target)) return [target as TargetName];
  throw new InputError('UNKNOWN_TARGET', `unknown target ${target}`, `use one of ${[...TARGET_NAMES, 'all'].join(', ')}`);
}

function loadPlan(appDir: string, options: GenerateCommandOptions, onProgress: ProgressListener): Promise<ReadPlan> {
  const candidates = options.plan ? [options.plan] : [path.join(options.output, PLAN_FILE), path.join(appDir, PLAN_FILE), PLAN_FILE];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) {
    const what = options.plan ? `plan ${options.plan} does not exist` : `no ${PLAN_FILE} in ${options.output}, ${appDir} or here`;
    throw new InputError(
      'PLAN_NOT_FOUND',
      what,
      `write one with \`cleave plan ${appDir} -o ${path.join(options.output, PLAN_FILE)}\`, or run \`cleave split\``,
    );
  }
  return readPlan(file, { appDir, onProgress });
}

function printResult(result: GenerateIntoResult, options: GenerateCommandOptions, io: CliIo): void {
  for (const d of result.diagnostics) if (!options.quiet || d.severity === 'error') io.stderr(findingLine('generate', d));
  const verb = options.dryRun ? 'would write' : 'wrote';
  for (const file of result.written) io.stdout(`${verb} ${path.join(options.output, file)}\n`);
  for (const file of result.removed) io.stdout(`${options.dryRun ? 'would remove' : 'removed'} ${path.join(options.output, file)}\n`);
  if (result.unchanged.length > 0) io.stdout(`${result.unchanged.length} files unchanged\n`);
  for (const b of result.bundles.bundles) {
    const top = b.packages
      .slice(0, 3)
      .map((p) => `${p.name} ${kb(p.bytes)}`)
      .join(', ');
    io.stdout(`bundle ${b.kind} ${b.id}: ${kb(b.bytes)} (app code ${kb(b.appBytes)}${top ? `; ${top}` : ''})\n`);
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
