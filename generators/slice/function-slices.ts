import type { GeneratedFile } from '../../model/generated-file';
import type { SplitPlan } from '../../model/plan';
import { appFile, relativeSpecifier, safeSegment } from '../layout';
import { parseSource, relativeSpecifiers, resolveAmong } from './module-specifiers';
import { sliceSites } from './slice-sites';
import { type SlicedSource, sliceSource } from './slice-source';

/** The sliced registering modules of one function. */
export interface FunctionSlices {
  /** The copies to write, paths relative to the output folder. */
  files: GeneratedFile[];
  /** App files (relative to the app folder) the handler imports through their copy. */
  copies: ReadonlySet<string>;
  /** App files of `copies` that lost statements (the others are copied only to import a sliced one). */
  sliced: string[];
  /** Registration statements left out, over all copies. */
  statements: number;
  /** Boot statements left out (timers, websocket servers, shutdown handlers), over all copies. */
  boot: number;
  /** Imports and requires left out with them. */
  imports: number;
}

/** Folder of a function's sliced copies of the monolith's registering modules, mirroring the app's layout. */
export function sliceRoot(functionId: string): string {
  return `functions/${safeSegment(functionId)}/app`;
}

/**
 * The registering modules (the entry, routers mounting others) a function's handler imports,
 * sliced for it: each is the monolith's file minus the registrations of other functions' routes
 * and of routers none of its routes pass through, minus the imports only those used (see
 * `sliceSource`); a registering module that imports a sliced one is copied too, so the chain
 * from `roots` down to every sliced file runs the copies. Relative imports of other modules are
 * rewritten to reach the monolith's own files, never copied. `sources` holds the texts of the
 * registering modules (app-relative paths); `appDir` is the app folder from the output folder.
 * Pure.
 */
export function functionSlices(plan: SplitPlan, functionId: string, roots: readonly string[], sources: ReadonlyMap<string, string>, appDir: string): FunctionSlices {
  const registering = new Set(sources.keys());
  const sites = sliceSites(plan, functionId);
  // Only the registering modules the function's import chain still reaches are sliced: the
  // others (routers of other functions, whose mounts the slices above leave out) never load.
  const cuts = new Map<string, SlicedSource>();
  const edges = new Map<string, string[]>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (edges.has(file)) continue;
    const text = sources.get(file);
    const slice = sites.get(file);
    const cut = text === undefined || !slice ? undefined : sliceSource(text, file, slice);
    if (cut) cuts.set(file, cut);
    const next = text === undefined ? [] : importedAmong(file, cut?.text ?? text, registering);
    edges.set(file, next);
    queue.push(...next);
  }
  const empty: FunctionSlices = { files: [], copies: new Set(), sliced: [], statements: 0, boot: 0, imports: 0 };
  if (cuts.size === 0) return empty;
  const copies = reachingCuts(roots, edges, cuts);
  const root = sliceRoot(functionId);
  const files = [...copies].sort().map((file) => ({ path: `${root}/${file}`, contents: copyText(file, cuts.get(file)?.text ?? sources.get(file)!, copies, { root, appDir, functionId, sliced: cuts.has(file) }) }));
  const sliced = [...copies].filter((f) => cuts.has(f)).sort();
  return {
    files,
    copies,
    sliced,
    statements: sliced.reduce((n, f) => n + cuts.get(f)!.droppedStatements, 0),
    boot: sliced.reduce((n, f) => n + cuts.get(f)!.droppedBoot, 0),
    imports: sliced.reduce((n, f) => n + cuts.get(f)!.droppedImports, 0),
  };
}

function importedAmong(file: string, text: string, files: ReadonlySet<string>): string[] {
  return relativeSpecifiers(parseSource(file, text))
    .map((s) => resolveAmong(file, s.text, files))
    .filter((f): f is string => f !== undefined && f !== file);
}

/** The files on some import path from a root to a sliced file (those paths must run the copies). */
function reachingCuts(roots: readonly string[], edges: ReadonlyMap<string, string[]>, cuts: ReadonlyMap<string, unknown>): Set<string> {
  const leads = new Map<string, boolean>();
  const visiting = new Set<string>();
  const leadsToCut = (file: string): boolean => {
    const known = leads.get(file);
    if (known !== undefined) return known;
    if (visiting.has(file)) return false;
    visiting.add(file);
    let result = cuts.has(file);
    for (const next of edges.get(file) ?? []) if (leadsToCut(next)) result = true;
    visiting.delete(file);
    leads.set(file, result);
    return result;
  };
  const out = new Set<string>();
  const queue = roots.filter((r) => leadsToCut(r) && safePath(r));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (out.has(file)) continue;
    out.add(file);
    for (const next of edges.get(file) ?? []) if (leadsToCut(next) && safePath(next)) queue.push(next);
  }
  return out;
}

/** App-relative paths only: no copy may land outside its function's folder. */
function safePath(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !file.split('/').includes('..');
}

interface CopySite {
  root: string;
  appDir: string;
  functionId: string;
  sliced: boolean;
}

/**
 * The copy of `file`: relative imports of other copies stay as written (the copies mirror the
 * app's layout), the others reach the monolith's file; `__dirname` and `__filename` keep naming
 * the original folder (in a bundle: where the app's assets are copied). Line numbers are kept:
 * what cleave adds goes at the end.
 */
function copyText(file: string, text: string, copies: ReadonlySet<string>, site: CopySite): string {
  const copyFile = `${site.root}/${file}`;
  const dir = file.split('/').slice(0, -1);
  let out = text;
  for (const s of [...relativeSpecifiers(parseSource(file, text))].reverse()) {
    const target = resolveAmong(file, s.text, copies);
    if (target !== undefined) continue;
    const original = appFile(site.appDir, [...dir, s.text].join('/'));
    const rewritten = keepExtension(relativeSpecifier(copyFile, original), s.text);
    out = `${out.slice(0, s.start)}${rewritten}${s.text.endsWith('/') && !rewritten.endsWith('/') ? '/' : ''}${out.slice(s.end)}`;
  }
  const tail: string[] = [];
  if (/\b__(dirname|filename)\b/.test(out)) {
    out = out.replace(/\b__dirname\b/g, '__cleaveDirname()').replace(/\b__filename\b/g, '__cleaveFilename()');
    const fromCopy = relativeSpecifier(copyFile, appFile(site.appDir, [...dir, 'x'].join('/'))).replace(/\/x$/, '');
    const inBundle = dir.length === 0 ? '' : ` + ${JSON.stringify(`/${dir.join('/')}`)}`;
    const name = file.split('/').pop()!;
    if (/\.[cm]?tsx?$/.test(file)) tail.push('declare const __cleaveAppRoot: string | undefined;');
    tail.push(
      `function __cleaveDirname() { return typeof __cleaveAppRoot === 'string' ? __cleaveAppRoot${inBundle} : require('path').join(__dirname, ${JSON.stringify(fromCopy)}); }`,
      `function __cleaveFilename() { return require('path').join(__cleaveDirname(), ${JSON.stringify(name)}); }`,
    );
  }
  const what = site.sliced ? "without the registrations of other functions' routes and routers, and the imports only they used" : 'unchanged but for its imports, so that it loads the sliced modules beside it';
  const header = `/* Generated by cleave: ${file} of the monolith for function \`${site.functionId}\`, ${what}. Do not edit: change the monolith or the plan and generate again. */`;
  return `${out}${out.endsWith('\n') ? '' : '\n'}\n${header}\n${tail.map((l) => `${l}\n`).join('')}`;
}

/** `relativeSpecifier` drops code extensions; keep one the original specifier wrote (`./data.json`, `./x.mjs`). */
function keepExtension(specifier: string, written: string): string {
  const ext = /\.(json|mjs|cjs|node)$/.exec(written)?.[0];
  return ext && !specifier.endsWith(ext) ? `${specifier}${ext}` : specifier;
}
