/**
 * Where generated and built files live in the output folder. Every id that becomes a path
 * segment goes through `safeSegment`, so no plan (even a hand-edited one) makes a path leave it.
 */

/** A path segment made only of `[a-z0-9-]` (ids are kebab-case already; anything else is replaced). */
export function safeSegment(id: string): string {
  const cleaned = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'unnamed';
}

/** Folder of the shared runtime helpers emitted next to the handlers (cannot clash: ids start with a letter). */
export const RUNTIME_DIR = 'functions/_cleave';

/** The shared runtime module. */
export const RUNTIME_FILE = `${RUNTIME_DIR}/runtime.ts`;

/** Source of a function's handler. */
export function handlerFile(functionId: string): string {
  return `functions/${safeSegment(functionId)}/handler.ts`;
}

/** Source of a scheduled job's handler. */
export function scheduleFile(scheduleId: string): string {
  return `schedules/${safeSegment(scheduleId)}/handler.ts`;
}

/** Folder of a function's (or schedule's) esbuild bundle: what gets deployed. */
export function bundleDir(kind: 'function' | 'schedule', id: string): string {
  return `dist/${kind === 'function' ? 'functions' : 'schedules'}/${safeSegment(id)}`;
}

/** The bundle file inside `bundleDir`. */
export const BUNDLE_FILE = 'handler.js';

/**
 * The ES module bundle inside `bundleDir` of a function whose modules await at the top level,
 * which a CommonJS bundle cannot hold: `BUNDLE_FILE` is then a CommonJS wrapper that imports it.
 */
export const ES_MODULE_BUNDLE_FILE = 'handler.mjs';

/** The exported handler name in every generated module. */
export const HANDLER_EXPORT = 'handler';

/** Serverless Framework config file. */
export const SERVERLESS_FILE = 'serverless.yml';

/** AWS SAM template file. */
export const SAM_FILE = 'template.yaml';

/** The import specifier of `file` (relative to the output folder) from a module at `fromFile` (same base), extension handled. */
export function relativeSpecifier(fromFile: string, file: string): string {
  const from = fromFile
    .split('/')
    .slice(0, -1)
    .filter((p) => p !== '.' && p !== '');
  const to = normalize(file.split('/'));
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  const rest = to.slice(common);
  const joined = [...up, ...rest].join('/');
  const spec = joined.startsWith('.') ? joined : `./${joined}`;
  return spec.replace(/\.(ts|tsx|js|jsx)$/, '');
}

/** Resolves `.` and `..` segments where possible, keeping leading `..` (paths above the output folder). */
export function normalize(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out;
}

/** An app file (relative to the app dir) as a path relative to the output folder. */
export function appFile(appDir: string, file: string): string {
  return normalize([...appDir.split('/'), ...file.split('/')]).join('/');
}
