import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file of the app a function may read at run time (`config/settings.json`, `public/logo.svg`). */
export interface AppAsset {
  /** Path relative to the app dir, with '/'. */
  path: string;
  /** Bytes. */
  size: number;
}

/** What `appAssets` found, and what it left out. */
export interface AssetList {
  /** Files to ship next to every bundle, sorted by path. */
  assets: AppAsset[];
  /** Files left out because they are too large (or past the total budget). */
  skipped: AppAsset[];
}

const CODE = /\.(?:[cm]?[jt]sx?|d\.ts|map|tsbuildinfo)$/;
const SKIP_DIRS = new Set(['node_modules', 'coverage', 'test', 'tests', '__tests__', 'spec', '__mocks__']);
const SKIP_FILES = /^(package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|[tj]sconfig(\..*)?\.json|.*\.md|LICEN[CS]E.*|Dockerfile|Procfile|cleave\..*\.ya?ml)$/i;
const MAX_FILE = 5 * 1024 * 1024;
const MAX_TOTAL = 50 * 1024 * 1024;

/**
 * The app's non-code files (JSON settings, seeds, templates, public assets) that its modules may
 * read through `__dirname`: shipped beside each bundle at the same relative place, since a bundle
 * cannot inline what is read with `fs`. Left out: code (bundled), node_modules, dot files
 * (`.env` holds secrets), tests, package manifests, docs, the output folder, and files over 5 MiB.
 */
export function appAssets(appDir: string, outDir: string): AssetList {
  const root = path.resolve(appDir);
  const out = path.resolve(outDir);
  const found: AppAsset[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.') || full === out) continue;
      if (entry.isDirectory()) {
        // another cleave output folder (it holds bundles and their copies of these very assets)
        if (!SKIP_DIRS.has(entry.name) && !fs.existsSync(path.join(full, '.cleave-manifest.json'))) walk(full);
      } else if (entry.isFile() && !CODE.test(entry.name) && !SKIP_FILES.test(entry.name)) {
        found.push({ path: path.relative(root, full).split(path.sep).join('/'), size: fs.statSync(full).size });
      }
    }
  };
  walk(root);
  const result: AssetList = { assets: [], skipped: [] };
  let total = 0;
  for (const asset of found) {
    if (asset.size > MAX_FILE || total + asset.size > MAX_TOTAL) {
      result.skipped.push(asset);
      continue;
    }
    total += asset.size;
    result.assets.push(asset);
  }
  return result;
}
