import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import type { Analysis } from '../../model/analysis';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { progressPrinter } from '../progress';
import { renderAnalysisText } from '../reporters/analysis-text';
import { writeFileAtomic } from '../write-file';

/** Options of `cleave analyze`. */
export interface AnalyzeCommandOptions {
  /** Entry files, relative to the app dir. */
  entry?: string[];
  /** File to write the Analysis JSON to. */
  output?: string;
  /** `json` or `text`. */
  format?: string;
  /** No progress on stderr. */
  quiet?: boolean;
}

/** `cleave analyze`: prints or writes the Analysis; exit 1 when it holds error-level findings. */
export async function analyzeCommand(appDir: string, options: AnalyzeCommandOptions, io: CliIo): Promise<number> {
  const format = options.format ?? (options.output ? 'json' : 'text');
  const analysis = await analyzeApp({ appDir, entry: options.entry, onProgress: progressPrinter(!!options.quiet, io.stderr) });
  const json = JSON.stringify(analysis, null, 2) + '\n';
  if (options.output) {
    writeFileAtomic(path.resolve(options.output), json);
    if (format === 'text') io.stdout(renderAnalysisText(analysis, path.resolve(appDir)));
  } else {
    io.stdout(format === 'json' ? json : renderAnalysisText(analysis, path.resolve(appDir)));
  }
  return hasErrors(analysis) ? EXIT.findings : EXIT.ok;
}

/** Whether an analysis holds a hazard or diagnostic at error level. */
export function hasErrors(analysis: Analysis): boolean {
  return [...analysis.hazards, ...analysis.diagnostics].some((f) => f.severity === 'error');
}
