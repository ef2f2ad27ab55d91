import * as fs from 'node:fs';
import * as path from 'node:path';

/** Extensions of the source files cleave analyses. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders never analysed: dependencies, build output, front-end assets, cleave's own output. */
const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'coverage', 'dist', 'build', 'out', '.next', '.nuxt',
  'bower_components', 'public', 'static', '.cache', '.serverless', '.aws-sam', 'tmp', '.tmp',
]);

/** A source file found under the app dir, read once. */
export interface SourceFileText {
  /** Absolute path. */
  path: string;
  /** The file's text. */
  text: string;
}

/** What the file walk found: readable sources and files it had to skip. */
export interface SourceScan {
  /** Source files, sorted by path. */
  files: SourceFileText[];
  /** Files skipped because they are binary, with their absolute paths. */
  binary: string[];
}

/**
 * Lists the app's source files (no symlinks followed, so a link loop cannot trap the walk),
 * skipping declaration files, minified bundles, binaries and the folders above.
 */
export function scanSourceFiles(appDir: string): SourceScan {
  const files: SourceFileText[] = [];
  const binary: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (dir !== appDir && entries.some((e) => e.name === '.cleave-manifest.json')) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && isSourceName(entry.name)) {
        const text = readText(full);
        if (text === undefined) binary.push(full);
        else files.push({ path: full, text });
      }
    }
  };
  walk(appDir);
  return { files, binary };
}

/** Whether a file name is an analysable source file. */
export function isSourceName(name: string): boolean {
  if (name.endsWith('.d.ts') || name.endsWith('.min.js')) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(name));
}

/** Reads a text file; `undefined` when it holds NUL bytes (a binary) or cannot be read. */
export function readText(file: string): string | undefined {
  try {
    const buffer = fs.readFileSync(file);
    if (buffer.subarray(0, 8000).includes(0)) return undefined;
    return buffer.toString('utf8');
  } catch {
    return undefined;
  }
}

/** Whether a path looks like a test, spec or fixture file (never an entry). */
export function isTestPath(relativePath: string): boolean {
  return (
    /(^|\/)(test|tests|__tests__|spec|specs|e2e|fixtures|__mocks__|cypress)\//.test(relativePath) ||
    /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(relativePath)
  );
}
