import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PackageJson } from './app-root';

/**
 * The Express the app runs on: the version of the `express` Node would load from the app folder
 * (the nearest `node_modules/express` up the tree), which is also the one its bundles take; else
 * the range its package.json lists (dependencies, else devDependencies). An app listing `^4`
 * whose install holds Express 5 runs on 5, and so must its handlers; an example app without a
 * package.json of its own, inside a repo that installs Express 5, runs on Express 5; one inside
 * the Express repository itself runs on that repository's version.
 */
export function expressRange(pkg: PackageJson | undefined, appDir: string): { express?: string } {
  if (pkg?.name === 'express' && typeof pkg.version === 'string') return { express: pkg.version };
  const installed = installedExpressVersion(appDir);
  if (installed) return { express: installed };
  const range = pkg?.dependencies?.express ?? pkg?.devDependencies?.express;
  return typeof range === 'string' ? { express: range } : {};
}

function installedExpressVersion(appDir: string): string | undefined {
  for (let dir = path.resolve(appDir); ; dir = path.dirname(dir)) {
    const version = versionIn(path.join(dir, 'node_modules', 'express', 'package.json'));
    if (version) return version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function versionIn(file: string): string | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}
