import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Route } from '../model/analysis';
import type { SplitPlan } from '../model/plan';
import type { VerificationWarning } from '../model/verification';
import { ES_MODULE_BUNDLE_FILE } from '../generators/layout';

/** Code of the warning for a module the monolith loads at boot and a function does not. */
export const BOOT_MODULE_MISSING = 'VERIFY_BOOT_MODULE_MISSING';

/**
 * The app's own files among loaded module files (absolute paths, `require.cache` keys): inside
 * `appDir`, outside `node_modules` and outside the output folder, as app-relative paths with `/`,
 * sorted.
 */
export function appFilesOf(files: readonly string[], appDir: string, outDir: string): string[] {
  const app = path.resolve(appDir);
  const out = path.resolve(outDir);
  const own = files.filter((f) => path.isAbsolute(f) && inside(app, f) && !inside(out, f) && !f.split(path.sep).includes('node_modules'));
  return [...new Set(own.map((f) => path.relative(app, f).split(path.sep).join('/')))].sort();
}

/**
 * The app files a function's bundle holds, from the module comments esbuild writes above each
 * module (`// ../lib/db.js`, relative to the output folder, where generate bundles from); a
 * sliced copy (`functions/<id>/app/routes/users.js`) counts as its original. Undefined when the
 * file cannot be read.
 */
export function bundleAppFiles(bundle: string, outDir: string, appDir: string): string[] | undefined {
  let text: string;
  try {
    // A function bundled as an ES module holds its code in handler.mjs, beside its wrapper.
    const esModule = path.join(path.dirname(bundle), ES_MODULE_BUNDLE_FILE);
    text = fs.readFileSync(fs.existsSync(esModule) ? esModule : bundle, 'utf8');
  } catch {
    return undefined;
  }
  const out = path.resolve(outDir);
  const files: string[] = [];
  for (const match of text.matchAll(/^\/\/ ([^\s].*\.(?:[cm]?[jt]sx?|json))$/gm)) {
    const input = match[1]!;
    const sliced = /^functions\/[^/]+\/app\/(.+)$/.exec(input);
    const file = sliced ? path.resolve(appDir, sliced[1]!) : path.resolve(out, input);
    if (fs.existsSync(file)) files.push(file);
  }
  return appFilesOf(files, appDir, outDir);
}

/** The app files a route's own code stands in: registration, handler, middleware, routers, closure. */
function routeFiles(route: Route): string[] {
  return [
    route.file,
    route.handler.file,
    ...route.middleware.map((m) => m.file),
    ...(route.trailing ?? []).map((m) => m.file),
    ...(route.stack ?? []).map((r) => r.file),
    ...(route.router ? [route.router.file] : []),
    ...route.deps.files,
  ];
}

/**
 * Modules the monolith loaded at boot (`bootFiles`, app-relative) that a function does not load
 * (`functionFiles` by function id, app-relative), leaving out the entry and every file some
 * route's own code stands in (the routes of other functions, and of the monolith, need not be in
 * this one): what remains is loaded by the entry for its side effects alone (a hook, an event
 * subscription, a registration) and may matter to every route. One warning per such file, naming
 * the functions without it.
 */
export function bootModuleWarnings(
  plan: SplitPlan,
  entry: string,
  bootFiles: readonly string[],
  functionFiles: ReadonlyMap<string, readonly string[]>,
): VerificationWarning[] {
  const routed = new Set(Object.values(plan.routes).flatMap(routeFiles));
  const missing = new Map<string, string[]>();
  for (const file of bootFiles) {
    if (file === entry || routed.has(file)) continue;
    for (const fn of plan.functions) {
      const loaded = functionFiles.get(fn.id);
      if (loaded && !loaded.includes(file)) missing.set(file, [...(missing.get(file) ?? []), fn.id]);
    }
  }
  return [...missing].map(([file, functions]) => ({
    code: BOOT_MODULE_MISSING,
    subject: file,
    message: `${file} is loaded by the monolith at boot (from ${entry}) and by no route's code, but not by function${functions.length === 1 ? '' : 's'} ${functions.join(', ')}: what it does at boot (a hook, a subscription, a registration) does not happen there, and verify cannot see that from the answers alone`,
    advice: 'import it from a module the functions load (the router, or the module that uses what it registers), or check that no route depends on it',
  }));
}

function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
