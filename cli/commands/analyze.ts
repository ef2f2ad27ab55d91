import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option } from 'commander';
import { analyzeApp } from '../../analyzer/analyze';
import { InputError } from '../../model/errors';
import type { Analysis } from '../../model/analysis';
import { analysisText } from '../../model/plan-join';
import { loadConfig } from '../config';
import type { CliCommand } from '../command';
import { ENTRY_OPTION_HELP, entryOptions } from '../entry-option';
import { EXIT, internalErrorPrinter } from '../errors';
import type { CliIo } from '../io';
import { progressPrinter } from '../progress';
import { renderAnalysisText } from '../reporters/analysis-text';
import { writeFileAtomic } from '../write-file';

/** Options of `cleave analyze`. */
export interface AnalyzeCommandOptions {
  /** Entry files, relative to the app dir (over `entry:` of the config; found automatically without either). */
  entry?: string[];
  /** `cleave.config.yaml` to read `entry:` from (default: the one in the app folder, when present). */
  config?: string;
  /** File to write the Analysis JSON to. */
  output?: string;
  /** `json` or `text`. */
  format?: string;
  /** No progress on stderr. */
  quiet?: boolean;
  /** Print stack traces of unexpected errors. */
  debug?: boolean;
}

/** `cleave analyze`: prints or writes the Analysis; exit 1 when it holds error-level findings. */
/** `cleave analyze <app-dir>`. */
export const analyze: CliCommand<Omit<AnalyzeCommandOptions, 'quiet' | 'debug'>> = {
  name: 'analyze',
  define: (command) =>
    command
      .description('find every route with its full path, handler, middleware, closure and hazards')
      .argument('<app-dir>', 'the app folder (holds package.json)')
      .option('--entry <file...>', ENTRY_OPTION_HELP)
      .option('--config <file>', 'cleave.config.yaml to read entry: from (default: <app-dir>/cleave.config.yaml when present)')
      .option('-o, --output <file>', 'write the Analysis JSON to this file')
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'text'])),
  run: ([appDir], options, { io, quiet, debug }) => analyzeCommand(appDir!, { ...options, quiet, debug }, io),
};

export async function analyzeCommand(appDir: string, options: AnalyzeCommandOptions, io: CliIo): Promise<number> {
  const format = options.format ?? (options.output ? 'json' : 'text');
  const output = options.output === undefined ? undefined : path.resolve(options.output);
  if (output) checkOutputFile(output, options.output!);
  const config = loadConfig(appDir, options.config);
  const analysis = await analyzeApp({
    appDir,
    ...entryOptions(appDir, options.entry, config, options.config),
    onProgress: progressPrinter(!!options.quiet, io.stderr, io.stderrIsTTY),
    onInternalError: internalErrorPrinter(!!options.debug, io.stderr),
  });
  const json = analysisText(analysis);
  if (output) {
    writeFileAtomic(output, json);
    if (format === 'text') io.stdout(renderAnalysisText(analysis, path.resolve(appDir)));
  } else {
    io.stdout(format === 'json' ? json : renderAnalysisText(analysis, path.resolve(appDir)));
  }
  if (!hasErrors(analysis)) return EXIT.ok;
  io.stderr(errorSummary(analysis));
  return EXIT.findings;
}

/** Whether an analysis holds a hazard or diagnostic at error level. */
export function hasErrors(analysis: Analysis): boolean {
  return [...analysis.hazards, ...analysis.diagnostics].some((f) => f.severity === 'error');
}

/** One stderr line per error-level finding (at most ten), so exit 1 never comes unexplained. */
function errorSummary(analysis: Analysis): string {
  const errors = [...analysis.hazards, ...analysis.diagnostics].filter((f) => f.severity === 'error');
  const lines = errors.slice(0, 10).map((f) => `cleave: ${f.code} ${f.file || '(app)'}${f.line > 0 ? `:${f.line}` : ''}: ${f.message.split('\n')[0]}\n`);
  if (errors.length > 10) lines.push(`cleave: ... and ${errors.length - 10} more error-level findings\n`);
  return lines.join('');
}

/**
 * `-o` names a file: refuse a folder, and refuse to overwrite a file that is not an analysis
 * (a typo such as `-o src/server.ts` must never replace the app's code). A missing parent
 * folder is fine: it is created.
 */
function checkOutputFile(output: string, given: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(output);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    throw new InputError('OUTPUT_IS_A_FOLDER', `-o names a folder: ${given}`, 'give -o the path of the JSON file to write, e.g. analysis.json');
  }
  if (!isAnalysisFile(output)) {
    throw new InputError('OUTPUT_NOT_AN_ANALYSIS', `refusing to overwrite ${given}: it is not an analysis cleave wrote`, 'remove it or choose another -o file');
  }
}

function isAnalysisFile(file: string): boolean {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { schemaVersion?: unknown; routes?: unknown };
    return typeof parsed.schemaVersion === 'number' && Array.isArray(parsed.routes);
  } catch {
    return false;
  }
}
