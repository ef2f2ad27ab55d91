import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'ts-morph';
import { globSync } from 'tinyglobby';
import { leadsOutsideThroughLink } from '../../load/app-boundary';
import type { EvalContext, Evaluator } from './evaluator';
import { nodeConfigGet, nodeConfigValue } from './node-config';
import { assignOpaque, isOpaque } from './opaque-props';
import { compact } from './text';
import { type LibValue, type Value, UNDEFINED, fromJson, object, str, toStringValue, unknown } from './values';

type Builtin = (ev: Evaluator, args: Value[], node: Node, ctx: EvalContext) => Value;

const strings = (args: Value[]): string[] | undefined => {
  const out = args.map(toStringValue);
  return out.every((s): s is string => s !== undefined) && !args.some((a) => a.kind === 'string' && a.dynamic) ? out : undefined;
};
const pathFn =
  (fn: (...parts: string[]) => string): Builtin =>
  (_ev, args, node) => {
    const parts = strings(args);
    return parts ? str(fn(...parts)) : unknown(compact(node.getText()), node);
  };
/** `path.resolve` and `path.relative` as the started app sees them: its working folder is its root, never cleave's. */
const fromAppRoot =
  (fn: (appDir: string, ...parts: string[]) => string): Builtin =>
  (ev, args, node) => {
    const parts = strings(args);
    return parts ? str(fn(ev.appDir, ...parts)) : unknown(compact(node.getText()), node);
  };
/** A file path an fs call names, relative ones taken from the app root (a started app's working folder). */
const appPath = (ev: Evaluator, value: Value | undefined): string | undefined => {
  const file = value && toStringValue(value);
  if (file === undefined || (value?.kind === 'string' && value.dynamic)) return undefined;
  return path.resolve(ev.appDir, file);
};

function readJson(file: string): Value | undefined {
  try {
    return fromJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Whether a path lies inside the app dir, also after symbolic links (cleave only reads the app's own files). */
function inside(ev: Evaluator, file: string): boolean {
  const rel = path.relative(ev.appDir, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel) && !leadsOutsideThroughLink(ev.appDir, file);
}

const PATH: Record<string, Builtin> = {
  join: pathFn(path.join),
  resolve: fromAppRoot((root, ...parts) => path.resolve(root, ...parts)),
  normalize: pathFn(path.normalize),
  dirname: pathFn(path.dirname),
  basename: pathFn(path.basename),
  extname: pathFn(path.extname),
  relative: fromAppRoot((root, from = '', to = '') => path.relative(path.resolve(root, from), path.resolve(root, to))),
  'posix.join': pathFn(path.posix.join),
};

const FS: Record<string, Builtin> = {
  readFileSync: (ev, args, node) => {
    const file = appPath(ev, args[0]);
    return file ? { kind: 'file-content', path: file } : unknown(compact(node.getText()), node);
  },
  existsSync: (ev, args, node) => {
    const file = appPath(ev, args[0]);
    return file && inside(ev, file) ? { kind: 'boolean', value: fs.existsSync(file) } : unknown(compact(node.getText()), node);
  },
  readdirSync: (ev, args, node) => {
    const dir = appPath(ev, args[0]);
    if (!dir || !inside(ev, dir)) return unknown(compact(node.getText()), node);
    try {
      return {
        kind: 'array',
        elements: fs
          .readdirSync(dir)
          .sort()
          .map((name) => str(name)),
      };
    } catch {
      return unknown(compact(node.getText()), node);
    }
  },
};

/**
 * `glob.sync(pattern, { cwd })` (glob 7, and `globSync` of glob 9+), fast-glob's `sync` and
 * tinyglobby's `globSync`: the app's files the pattern matches, as the started app would list
 * them (relative to `cwd`, the app root by default; absolute with `absolute: true`; glob keeps a
 * leading `./` of the pattern). Only files inside the app are listed, never through links or
 * node_modules. Unknown when the pattern or folder is.
 */
const globFiles: Builtin = (ev, [pattern, options], node) => {
  const patterns = pattern?.kind === 'array' ? pattern.elements.map(toStringValue) : [pattern && toStringValue(pattern)];
  const cwdValue = options?.kind === 'object' ? options.props.get('cwd') : undefined;
  const cwd = cwdValue ? appPath(ev, cwdValue) : ev.appDir;
  if (patterns.some((p) => p === undefined) || (pattern?.kind === 'string' && pattern.dynamic) || !cwd || !inside(ev, cwd))
    return unknown(compact(node.getText()), node);
  const absolute =
    options?.kind === 'object' && options.props.get('absolute')?.kind === 'boolean' && (options.props.get('absolute') as { value: boolean }).value;
  try {
    const found = globSync(patterns as string[], { cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] })
      .filter((f) => inside(ev, f))
      .sort();
    const dotted = (patterns as string[]).every((p) => p.startsWith('./'));
    return { kind: 'array', elements: found.map((f) => str(absolute ? f : `${dotted ? './' : ''}${path.relative(cwd, f).split(path.sep).join('/')}`)) };
  } catch {
    return unknown(compact(node.getText()), node);
  }
};

/** The glob packages' synchronous listings, by package then member (`''`: the module itself). */
const GLOBS: Record<string, Record<string, Builtin>> = {
  glob: { sync: globFiles, globSync: globFiles, 'glob.sync': globFiles },
  'fast-glob': { sync: globFiles, globSync: globFiles },
  tinyglobby: { globSync: globFiles },
};

/** node-config's getters, over the defaults `nodeConfigValue` read (see there). */
const NODE_CONFIG: Record<string, Builtin> = {
  get: (ev, [key], node) =>
    (key?.kind === 'string' && !key.dynamic ? nodeConfigGet(ev.appDir, key.value) : undefined) ?? unknown(compact(node.getText()), node),
};

const GLOBALS: Record<string, Builtin> = {
  'JSON.parse': (ev, args, node) => {
    const source = args[0];
    if (source?.kind === 'file-content' && inside(ev, source.path)) return readJson(source.path) ?? unknown(compact(node.getText()), node);
    if (source?.kind === 'string' && !source.dynamic) {
      try {
        return fromJson(JSON.parse(source.value));
      } catch {
        return unknown(compact(node.getText()), node);
      }
    }
    return unknown(compact(node.getText()), node);
  },
  'Object.keys': (_ev, [o]) => (o?.kind === 'object' ? { kind: 'array', elements: [...o.props.keys()].map((k) => str(k)) } : UNDEFINED),
  'Object.values': (_ev, [o]) => (o?.kind === 'object' ? { kind: 'array', elements: [...o.props.values()] } : UNDEFINED),
  'Object.entries': (_ev, [o]) =>
    o?.kind === 'object' ? { kind: 'array', elements: [...o.props].map(([k, v]) => ({ kind: 'array', elements: [str(k), v] })) } : UNDEFINED,
  'Object.assign': (_ev, [target, ...sources]) => {
    if (target && isOpaque(target)) for (const s of sources) if (s.kind === 'object') for (const [k, v] of s.props) assignOpaque(target, k, v);
    if (target?.kind !== 'object') return target ?? UNDEFINED;
    for (const s of sources) if (s.kind === 'object') for (const [k, v] of s.props) target.props.set(k, v);
    return target;
  },
  'Object.freeze': (_ev, [o]) => o ?? UNDEFINED,
  'Object.fromEntries': (_ev, [list]) =>
    list?.kind === 'array'
      ? object(
          list.elements.flatMap((e) =>
            e.kind === 'array' && e.elements[0] && e.elements[1] ? [[toStringValue(e.elements[0]) ?? '?', e.elements[1]] as [string, Value]] : [],
          ),
        )
      : UNDEFINED,
  'Array.isArray': (_ev, [a]) => ({ kind: 'boolean', value: a?.kind === 'array' }),
  'Array.from': (_ev, [a]) =>
    a?.kind === 'array' ? a : a?.kind === 'map' ? { kind: 'array', elements: a.entries.map(([k, v]) => ({ kind: 'array', elements: [k, v] })) } : UNDEFINED,
  'Promise.resolve': (_ev, [a]) => a ?? UNDEFINED,
  'Promise.all': (_ev, [a]) => a ?? UNDEFINED,
  'process.cwd': (ev) => str(ev.appDir),
  String: (_ev, [a], node) => (a && toStringValue(a) !== undefined ? str(toStringValue(a)!) : unknown(compact(node.getText()), node)),
};

/** Calls of node builtins and JavaScript globals the evaluator models. */
export function callBuiltin(ev: Evaluator, lib: LibValue, args: Value[], node: Node, ctx: EvalContext): Value | undefined {
  const member = lib.path.join('.');
  const table = lib.pkg === '<global>' ? GLOBALS : lib.pkg === 'path' ? PATH : lib.pkg === 'fs' ? FS : lib.pkg === 'config' ? NODE_CONFIG : GLOBS[lib.pkg];
  const builtin = table?.[member];
  return builtin?.(ev, args, node, ctx);
}

/**
 * The value of a builtin module (`fs`, `path`) or package import `specifier` (of package `name`):
 * node-config's settings where the app has its defaults file (see `nodeConfigValue`), otherwise
 * opaque, named by the package.
 */
export function packageValue(name: string, specifier: string, ev: Evaluator, node: Node): Value {
  const settings = name === 'config' && specifier === 'config' ? nodeConfigValue(ev.appDir, node) : undefined;
  if (settings) return settings;
  const pkg = name.startsWith('node:') ? name.slice(5) : name;
  const root = pkg === 'fs/promises' ? 'fs' : pkg === 'path/posix' ? 'path' : pkg;
  return { kind: 'lib', pkg: root, path: [], text: root, node };
}
