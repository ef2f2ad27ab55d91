import * as fs from 'node:fs';
import * as path from 'node:path';
import { outsideLinkTarget } from './app-boundary';
import { MANIFEST_FILE } from '../../model/output-files';
import { CODE_EXTENSIONS } from '../../model/module-paths';

/** Folders never analysed: dependencies, build output, front-end assets, cleave's own output. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'coverage',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  'bower_components',
  'public',
  'static',
  '.cache',
  '.serverless',
  '.aws-sam',
  'tmp',
  '.tmp',
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
  /** Files skipped because they are minified or bundled output, with their absolute paths. */
  bundled: string[];
  /** Symbolic links that lead outside the app folder (never followed): absolute path and target as written. */
  outsideLinks: Array<{ path: string; target: string }>;
}

/**
 * Lists the app's source files (no symlinks followed, so a link loop cannot trap the walk),
 * skipping declaration files, minified bundles, binaries and the folders above, and the links
 * that lead outside the app folder.
 */
export function scanSourceFiles(appDir: string): SourceScan {
  const files: SourceFileText[] = [];
  const binary: string[] = [];
  const bundled: string[] = [];
  const outsideLinks: SourceScan['outsideLinks'] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (dir !== appDir && entries.some((e) => e.name === MANIFEST_FILE)) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && isSourceName(entry.name)) {
        const text = readText(full);
        if (text === undefined) binary.push(full);
        else if (isBundled(text)) bundled.push(full);
        else files.push({ path: full, text });
      } else if (entry.isSymbolicLink() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
        const target = outsideLinkTarget(appDir, full);
        if (target !== undefined) outsideLinks.push({ path: full, target });
      }
    }
  };
  walk(appDir);
  return { files, binary, bundled, outsideLinks };
}

const BUNDLE_MIN_SIZE = 20_000;
const BUNDLE_AVERAGE_LINE = 150;
const BUNDLE_LONGEST_LINE = 20_000;

/**
 * Whether a file is minified or bundled output (a front-end build checked in next to the server):
 * its lines average far longer than hand-written code, or one line holds a whole module. Such
 * files register no routes, and parsing megabytes of them costs more than the whole app.
 */
export function isBundled(text: string): boolean {
  if (text.length < BUNDLE_MIN_SIZE) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
    longest = Math.max(longest, i - start);
    start = i + 1;
  }
  longest = Math.max(longest, text.length - start);
  return text.length / lines > BUNDLE_AVERAGE_LINE || longest > BUNDLE_LONGEST_LINE;
}

/** Whether a file name is an analysable source file. */
export function isSourceName(name: string): boolean {
  if (name.endsWith('.d.ts') || name.endsWith('.min.js')) return false;
  return CODE_EXTENSIONS.includes(path.extname(name));
}

/** Reads a text file; `undefined` when it looks binary or cannot be read. */
export function readText(file: string): string | undefined {
  try {
    const buffer = fs.readFileSync(file);
    return looksBinary(buffer.subarray(0, 8000)) ? undefined : buffer.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether the start of a file is binary: a NUL byte, or more than 1% control characters other than
 * tab, newlines, form feed and escape (source text has next to none; random bytes have about 9%).
 */
function looksBinary(head: Buffer): boolean {
  if (head.includes(0)) return true;
  let control = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  return control > head.length / 100;
}

/** Whether a path looks like a test, spec or fixture file (never an entry). */
export function isTestPath(relativePath: string): boolean {
  return /(^|\/)(test|tests|__tests__|spec|specs|e2e|fixtures|__mocks__|cypress)\//.test(relativePath) || /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(relativePath);
}
