import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE } from '../model/output-files';

/** A file of the app a function may read at run time (`config/settings.json`, `public/logo.svg`). */
export interface AppAsset {
  /** Path relative to the app dir, with '/'. */
  path: string;
  /** Bytes. */
  size: number;
  /** What cleave writes there instead of a copy of the app's file (the `.env` placeholder). */
  contents?: string;
}

/** What `appAssets` found, and what it left out. */
export interface AssetList {
  /** Files to ship next to every bundle, sorted by path. */
  assets: AppAsset[];
  /** Files left out because they are too large (or past the total budget). */
  skipped: AppAsset[];
  /** Files left out because they hold keys or secrets (`*.pem`, `*.key`, `id_rsa`, `production.env`, `secrets.json`). */
  withheld: AppAsset[];
}

const CODE = /\.(?:[cm]?[jt]sx?|d\.ts|map|tsbuildinfo)$/;
/**
 * Folders of tests and of the container tooling around the app, never read by it at run time.
 * (`docs/` and `scripts/` stay: an app may serve its API docs or read a SQL file from them.)
 */
const SKIP_DIRS = new Set(['node_modules', 'coverage', 'test', 'tests', '__tests__', 'spec', '__mocks__', 'docker']);
/** Manifests, docs and the files of the tools that build, run, lint or deploy the app (nodemon, pm2, make, shell scripts). */
const SKIP_FILES =
  /^(package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|[tj]sconfig(\..*)?\.json|.*\.md|LICEN[CS]E.*|Dockerfile(\..*)?|Procfile|cleave\..*\.ya?ml|(docker-)?compose(\..*)?\.ya?ml|fly\.toml|nodemon\.json|Makefile|Jenkinsfile|Vagrantfile|.*\.(sh|bash|bat|cmd|ps1))$/i;
/** Pictures and diagrams beside the code at the app's top level (`diagram.svg`, `screenshot.png`): documentation, not assets, which live in a folder. */
const TOP_LEVEL_PICTURE = /\.(svg|png|jpe?g|gif|webp)$/i;
/** Key material and secret stores: never copied into the output folder, whatever the app reads. */
const SECRET_FILES =
  /(\.(pem|key|p12|pfx|jks|keystore|kdbx|ppk|asc|gpg)|\.env(\..*)?|^id_(rsa|dsa|ecdsa|ed25519)(\.pub)?|^(secrets?|credentials?)(\..*)?|^\.?htpasswd)$/i;
/**
 * The committed template of the environment (`.env.example`), which `dotenv-safe` and the like
 * read at boot to check that every variable is set: names and placeholders, shipped.
 */
const ENV_TEMPLATE = /^\.env\.(example|sample|template)$/;
/** `.env`, `.env.local`, `.env.production`: the environment's values, often secrets. */
const ENV_FILE = /^\.env(\..*)?$/;
/** Packages that read `.env` from the working folder at boot (`dotenv.config()`), some failing without it. */
const DOTENV_PACKAGES = ['dotenv', 'dotenv-safe', 'dotenv-flow', 'dotenv-extended', '@dotenvx/dotenvx'];
/**
 * What stands where `.env` would be beside a bundle of an app using dotenv: no values (the
 * function's variables come from its deployment config), but a file, so `dotenv.config()` finds
 * one: a config module that throws when it finds none (`if (envFound.error) throw ...`, the
 * bulletproof-nodejs layout) would fail every function as it loads.
 */
export const ENV_PLACEHOLDER = "# Written by cleave: a function's variables come from its environment (serverless.yml, template.yaml), not from this file.\n";
const MAX_FILE = 5 * 1024 * 1024;
const MAX_TOTAL = 50 * 1024 * 1024;

/**
 * The app's non-code files (JSON settings, seeds, templates, public assets) that its modules may
 * read through `__dirname`: shipped beside each bundle at the same relative place, since a bundle
 * cannot inline what is read with `fs`. Left out: code (bundled), node_modules, dot files
 * (`.env` holds secrets; its committed template `.env.example` is shipped), tests, package manifests, docs (and pictures at the top level), deployment and
 * tooling files of the monolith (Dockerfile, docker-compose, fly.toml: they often hold credentials; shell scripts, nodemon.json, docker/), scripts without an extension (`bin/www`), the output folder, and files over 5 MiB;
 * key files and secret stores are withheld (listed, so the user can provide them another way).
 * An app that depends on dotenv gets an empty `.env` (see `ENV_PLACEHOLDER`) instead of its own.
 */
export function appAssets(appDir: string, outDir: string): AssetList {
  const root = path.resolve(appDir);
  const out = path.resolve(outDir);
  const found: AppAsset[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      // Dot files stay out, but `.env` files reach the secret check below, so they are listed as withheld.
      if ((entry.name.startsWith('.') && !ENV_TEMPLATE.test(entry.name) && !(entry.isFile() && ENV_FILE.test(entry.name))) || full === out) continue;
      if (entry.isDirectory()) {
        // another cleave output folder (it holds bundles and their copies of these very assets)
        if (!SKIP_DIRS.has(entry.name) && !fs.existsSync(path.join(full, MANIFEST_FILE))) walk(full);
      } else if (
        entry.isFile() &&
        !CODE.test(entry.name) &&
        !SKIP_FILES.test(entry.name) &&
        !(dir === root && TOP_LEVEL_PICTURE.test(entry.name)) &&
        !isScript(full)
      ) {
        found.push({ path: path.relative(root, full).split(path.sep).join('/'), size: fs.statSync(full).size });
      }
    }
  };
  walk(root);
  const result: AssetList = { assets: [], skipped: [], withheld: [] };
  let total = 0;
  for (const asset of found) {
    const name = asset.path.split('/').pop()!;
    if (SECRET_FILES.test(name) && !ENV_TEMPLATE.test(name)) {
      result.withheld.push(asset);
      continue;
    }
    if (asset.size > MAX_FILE || total + asset.size > MAX_TOTAL) {
      result.skipped.push(asset);
      continue;
    }
    total += asset.size;
    result.assets.push(asset);
  }
  if (usesDotenv(root)) result.assets.unshift({ path: '.env', size: Buffer.byteLength(ENV_PLACEHOLDER), contents: ENV_PLACEHOLDER });
  return result;
}

/** Whether a file without a code extension is a script all the same (`bin/www`, `#!/usr/bin/env node`): code the bundle holds or a tool runs, never data. */
function isScript(file: string): boolean {
  if (path.extname(file) !== '') return false;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the app's package.json lists a dotenv package among its dependencies. */
function usesDotenv(root: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    return DOTENV_PACKAGES.some((name) => Object.hasOwn(pkg.dependencies ?? {}, name));
  } catch {
    return false;
  }
}
