import * as path from 'node:path';
import { Project, ScriptKind, type SourceFile, ts } from 'ts-morph';
import type { DiagnosticSink } from '../diagnostics';
import { type InternalErrorListener, reportInternalError } from '../internal-errors';
import { lineAndColumnAt } from '../positions';
import type { AppRoot } from './app-root';
import { isBundled, scanSourceFiles, readText } from './source-files';

/** The parsed monolith: one ts-morph Project, built once and only queried afterwards. */
export interface LoadedProject {
  /** The ts-morph project (no type checking is done on it in hot paths). */
  project: Project;
  /** Source files by absolute path. */
  files: Map<string, SourceFile>;
  /** Files that do not parse (absolute paths): never evaluated, their routes are unknown. */
  broken: Set<string>;
  /** Files the scan skipped as binary or minified (absolute paths): never parsed, even when required. */
  skipped: Set<string>;
  /** Receives unexpected errors met while parsing (they also become `ANALYSIS_ERROR` diagnostics). */
  onInternalError?: InternalErrorListener;
}

/** Parses every source file of the app once; files that do not parse get a `SYNTAX_ERROR`. */
export function loadProject(root: AppRoot, diagnostics: DiagnosticSink, onInternalError?: InternalErrorListener): LoadedProject {
  const project = new Project({
    compilerOptions: { ...root.compilerOptions, ignoreDeprecations: '6.0' } as ts.CompilerOptions,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
  });
  const scan = scanSourceFiles(root.dir);
  for (const file of scan.binary) {
    diagnostics.atFile(
      'BINARY_SOURCE_FILE',
      'warning',
      file,
      0,
      `${path.basename(file)} holds binary data and was skipped`,
      'remove it or give it a non-source extension',
    );
  }
  for (const link of scan.outsideLinks) {
    diagnostics.atFile(
      'SYMLINK_OUTSIDE_APP',
      'warning',
      link.path,
      0,
      `${path.basename(link.path)} is a symbolic link to ${link.target}, outside the app folder: not followed, nothing there is read`,
      'copy what the app needs into its folder, or install it as a package; routes registered there are missing',
    );
  }
  const [firstBundle] = scan.bundled;
  if (firstBundle) {
    const more = scan.bundled.length > 1 ? ` and ${scan.bundled.length - 1} more` : '';
    diagnostics.atFile(
      'BUNDLED_SOURCE_SKIPPED',
      'info',
      firstBundle,
      0,
      `${path.basename(firstBundle)}${more} look minified or bundled and were not parsed`,
      'pass --entry if the server itself runs from a bundle',
    );
  }
  const loaded: LoadedProject = { project, files: new Map(), broken: new Set(), skipped: new Set([...scan.binary, ...scan.bundled]), onInternalError };
  for (const { path: file, text } of scan.files) addSource(loaded, file, text, diagnostics);
  return loaded;
}

/**
 * Adds a file outside the scan (an extension-less `bin/www`), parsed as JavaScript. A file the scan
 * skipped stays unparsed: a required minified vendor file would cost minutes and invent hazards.
 */
export function addExtraSource(loaded: LoadedProject, file: string, diagnostics: DiagnosticSink): SourceFile | undefined {
  const existing = loaded.files.get(file);
  if (existing) return existing;
  if (loaded.skipped.has(file)) return undefined;
  const text = readText(file);
  if (text === undefined || file.endsWith('.min.js') || isBundled(text)) {
    loaded.skipped.add(file);
    return undefined;
  }
  return addSource(loaded, file, text, diagnostics);
}

function addSource(loaded: LoadedProject, file: string, text: string, diagnostics: DiagnosticSink): SourceFile | undefined {
  let sourceFile: SourceFile;
  try {
    sourceFile = loaded.project.createSourceFile(file, text, { overwrite: true, scriptKind: scriptKindOf(file) });
  } catch (error) {
    // The compiler's recursive parser overflows the stack on absurdly deep nesting.
    reportInternalError(diagnostics, file, 'parsing', error, loaded.onInternalError);
    loaded.broken.add(file);
    return undefined;
  }
  loaded.files.set(file, sourceFile);
  if (reportSyntaxErrors(sourceFile, diagnostics)) loaded.broken.add(file);
  return sourceFile;
}

function scriptKindOf(file: string): ScriptKind {
  const ext = path.extname(file);
  if (ext === '.tsx') return ScriptKind.TSX;
  if (ext === '.jsx') return ScriptKind.JSX;
  if (['.ts', '.mts', '.cts'].includes(ext)) return ScriptKind.TS;
  return ScriptKind.JS;
}

/** Reports the first parse error of a file; true when there was one. */
function reportSyntaxErrors(sourceFile: SourceFile, diagnostics: DiagnosticSink): boolean {
  const parse = (sourceFile.compilerNode as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = parse[0];
  if (!first) return false;
  const { line } = lineAndColumnAt(sourceFile, first.start);
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  const more = parse.length > 1 ? ` (+${parse.length - 1} more)` : '';
  diagnostics.atFile(
    'SYNTAX_ERROR',
    'error',
    sourceFile.getFilePath(),
    line,
    `syntax error: ${message}${more}`,
    'fix the syntax; routes registered in this file are not analysed',
  );
  return true;
}
