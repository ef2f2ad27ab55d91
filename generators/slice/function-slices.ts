import type { GeneratedFile } from '../../model/generated-file';
import type { SplitPlan } from '../../model/plan';
import { appFile, relativeSpecifier, safeSegment } from '../layout';
import type { GenerateContext } from '../types';
import { appSpecifiers, parseSource, resolveAmong, type SpecifierAliases } from './module-specifiers';
import { type PrunedModule, pruneModule } from './prune-module';
import { type FileSlice, sliceSites, tableModules } from './slice-sites';
import type { TableModules } from './table-entries';
import { mergeUses, strategyUse } from './strategy-use';
import { type SlicedSource, sliceSource } from './slice-source';
import { usedExportsOf } from './used-exports';
import { importersOf } from './importers';

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
  /** Names of the passport strategies whose registrations were left out (none of its routes authenticates with them), sorted. */
  strategies: string[];
  /** Computed requires in loops over modules that now load only this function's (see `loopRequires`), over all copies. */
  loopRequires: number;
  /** App modules those loops give an inert stand-in: only other functions register them, so the bundle need not carry them. Sorted. */
  servedElsewhere: string[];
  /** Route table entries left out because they carried only routers other functions need (see `tableEntries`), over all copies. */
  tableEntries: number;
  /** routing-controllers `controllers` lists narrowed to the function's own classes, over all copies (see `controllerListEdits`). */
  controllerLists: number;
  /** Handler modules (controllers) of `copies` copied without the exports its routes do not use (see `pruneModule`), sorted. */
  pruned: string[];
  /** Exports left out of them, over all pruned copies. */
  droppedExports: number;
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
 * from `roots` down to every sliced file runs the copies. The controllers those copies import
 * come along pruned when their routes use only some of their exports (see
 * `prunedHandlerModules`). Relative imports of other modules are rewritten to reach the
 * monolith's own files, never copied. `context` holds the texts of the registering modules, of
 * the files naming passport strategies and of the controllers (app-relative paths), and the app
 * folder as seen from the output folder. Pure.
 */
export function functionSlices(plan: SplitPlan, functionId: string, roots: readonly string[], context: GenerateContext): FunctionSlices {
  const { appDir } = context;
  const sources = context.sources ?? new Map<string, string>();
  const authTexts = context.authTexts ?? new Map<string, string>();
  const sites = sliceSites(plan, functionId);
  const modules = { tables: tableModules(plan, functionId, sites), aliases: aliasesOf(plan), loadEffects: context.loadEffects };
  let walked = walkSlices(roots, sources, sites, modules);
  const strategies = unusedStrategies(plan, functionId, walked, sources, authTexts);
  if (strategies.lines.size > 0) {
    // The files registering the strategies become copies too, without those registrations.
    const texts = new Map([...authTexts, ...sources]);
    for (const [file, lines] of strategies.lines) {
      const slice = sites.get(file);
      sites.set(file, slice ? { ...slice, drop: [...new Set([...slice.drop, ...lines])].sort((a, b) => a - b) } : { drop: lines, keep: [] });
    }
    walked = walkSlices(roots, texts, sites, modules);
  }
  const { cuts, texts } = walked;
  const pruned = prunedHandlerModules(plan, walked, context.handlerModules ?? new Map(), modules.aliases);
  const edges = new Map(walked.edges);
  for (const [file, { importers }] of pruned) for (const importer of importers) edges.set(importer, [...(edges.get(importer) ?? []), file]);
  const empty: FunctionSlices = {
    files: [],
    copies: new Set(),
    sliced: [],
    statements: 0,
    boot: 0,
    imports: 0,
    strategies: [],
    loopRequires: 0,
    servedElsewhere: [],
    tableEntries: 0,
    controllerLists: 0,
    pruned: [],
    droppedExports: 0,
  };
  if (cuts.size === 0 && pruned.size === 0) return empty;
  const copies = reachingCuts(roots, edges, new Set([...cuts.keys(), ...pruned.keys()]));
  const root = sliceRoot(functionId);
  const textOf = (file: string): string => pruned.get(file)?.module.text ?? cuts.get(file)?.text ?? texts.get(file)!;
  const files = [...copies].sort().map((file) => ({
    path: `${root}/${file}`,
    contents: copyText(file, textOf(file), copies, {
      root,
      appDir,
      functionId,
      sliced: cuts.has(file),
      pruned: pruned.get(file)?.module,
      strategies: strategies.lines.has(file),
      aliases: modules.aliases(file),
    }),
  }));
  const sliced = [...copies].filter((f) => cuts.has(f)).sort();
  const prunedFiles = [...copies].filter((f) => pruned.has(f)).sort();
  return {
    files,
    copies,
    sliced,
    statements: sliced.reduce((n, f) => n + cuts.get(f)!.droppedStatements, 0),
    boot: sliced.reduce((n, f) => n + cuts.get(f)!.droppedBoot, 0),
    imports: sliced.reduce((n, f) => n + cuts.get(f)!.droppedImports, 0),
    strategies: sliced.some((f) => strategies.lines.has(f)) ? strategies.names : [],
    loopRequires: sliced.reduce((n, f) => n + cuts.get(f)!.loopRequires, 0),
    servedElsewhere: [...new Set(sliced.flatMap((f) => cuts.get(f)!.servedElsewhere))].sort(),
    tableEntries: sliced.reduce((n, f) => n + cuts.get(f)!.droppedEntries, 0),
    controllerLists: sliced.reduce((n, f) => n + cuts.get(f)!.controllerLists, 0),
    pruned: prunedFiles,
    droppedExports: prunedFiles.reduce((n, f) => n + pruned.get(f)!.module.droppedExports.length, 0),
  };
}

/** A handler module pruned for one function, with the registering modules of its chain that import it. */
interface PrunedHandler {
  module: PrunedModule;
  importers: string[];
}

/**
 * The handler modules (controllers) a function's registering modules import that it can carry
 * pruned: only registering modules import them anywhere in the app (by the plan's module graph),
 * so the copies of those are the only modules of its bundle that load them; the exports those
 * copies read (as sliced, so other functions' routes no longer name theirs) are named, none used
 * whole; and `pruneModule` leaves something out. None without the module graph.
 */
function prunedHandlerModules(
  plan: SplitPlan,
  walked: WalkedSlices,
  texts: ReadonlyMap<string, string>,
  aliases: (file: string) => SpecifierAliases,
): Map<string, PrunedHandler> {
  const out = new Map<string, PrunedHandler>();
  const importers = importersOf(plan);
  if (importers.size === 0 || texts.size === 0) return out;
  const reached = [...walked.edges.keys()].sort();
  for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    const all = importers.get(file) ?? [];
    if (walked.texts.has(file) || all.length === 0 || !all.every((i) => walked.texts.has(i)) || !safePath(file)) continue;
    const loading: string[] = [];
    const used = new Set<string>();
    let whole = false;
    for (const importer of reached.filter((r) => all.includes(r))) {
      const names = usedExportsOf(importer, walked.cuts.get(importer)?.text ?? walked.texts.get(importer)!, file, aliases(importer));
      if (names === undefined) continue;
      loading.push(importer);
      if (names === 'all') whole = true;
      else for (const n of names) used.add(n);
    }
    if (whole || loading.length === 0) continue;
    const module = pruneModule(text, file, used);
    if (module) out.set(file, { module, importers: loading });
  }
  return out;
}

/** The registering modules a function's import chain reaches from `roots`, each sliced where `sites` say. */
interface WalkedSlices {
  /** The sliced texts, by app file. */
  cuts: Map<string, SlicedSource>;
  /** The registering modules each reached one imports. */
  edges: Map<string, string[]>;
  /** The texts walked over. */
  texts: ReadonlyMap<string, string>;
}

/** What slicing needs to know of the app's modules beyond one file's registrations. */
interface AppModuleFacts {
  /** The routers loops over route tables mount, by whether the function needs them. */
  tables: TableModules;
  /** The non-relative specifiers of a file that lead to app files. */
  aliases: (file: string) => SpecifierAliases;
  /** The app modules that do something as they load (see `GenerateContext.loadEffects`). */
  loadEffects?: ReadonlySet<string>;
}

/** The non-relative specifiers leading to app files, by file, from the plan's module graph (none without one). */
function aliasesOf(plan: SplitPlan): (file: string) => SpecifierAliases {
  const files = plan.modules?.files ?? {};
  return (file) => (Object.hasOwn(files, file) ? (files[file]!.aliases ?? {}) : {});
}

function walkSlices(
  roots: readonly string[],
  texts: ReadonlyMap<string, string>,
  sites: ReadonlyMap<string, FileSlice>,
  modules: AppModuleFacts,
): WalkedSlices {
  const registering = new Set(texts.keys());
  // Only the registering modules the function's import chain still reaches are sliced: the
  // others (routers of other functions, whose mounts the slices above leave out) never load.
  const cuts = new Map<string, SlicedSource>();
  const edges = new Map<string, string[]>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (edges.has(file)) continue;
    const text = texts.get(file);
    const aliases = modules.aliases(file);
    const slice = sites.get(file) ?? (modules.tables.elsewhere.size > 0 ? { drop: [], keep: [] } : undefined);
    const cut =
      text === undefined || !slice ? undefined : sliceSource(text, file, { ...slice, tables: modules.tables, aliases, loadEffects: modules.loadEffects });
    if (cut) cuts.set(file, cut);
    const next = text === undefined ? [] : importedAmong(file, cut?.text ?? text, registering, aliases);
    edges.set(file, next);
    queue.push(...next);
  }
  return { cuts, edges, texts };
}

/**
 * The passport strategy registrations function `functionId` can leave out, by file (1-based
 * lines), with their names: those whose name is known and that nothing it runs authenticates
 * with. What it runs: the registering modules its chain reaches (as sliced, so other functions'
 * routes no longer name theirs) and the files its routes reach (`authTexts` holds those that
 * name passport's authenticating methods). None when one use names a strategy at run time.
 */
function unusedStrategies(
  plan: SplitPlan,
  functionId: string,
  walked: WalkedSlices,
  sources: ReadonlyMap<string, string>,
  authTexts: ReadonlyMap<string, string>,
): { lines: Map<string, number[]>; names: string[] } {
  const none = { lines: new Map<string, number[]>(), names: [] };
  if (!plan.authStrategies?.length) return none;
  const fn = plan.functions.find((f) => f.id === functionId);
  const reached = [...walked.edges.keys()].map((file) => strategyUse(file, walked.cuts.get(file)?.text ?? walked.texts.get(file) ?? ''));
  const reachedFiles = new Set(walked.edges.keys());
  const others = (fn?.files ?? []).filter((f) => !sources.has(f) && !reachedFiles.has(f) && authTexts.has(f)).map((f) => strategyUse(f, authTexts.get(f)!));
  const use = mergeUses([...reached, ...others]);
  if (use.unknown !== undefined) return none;
  const lines = new Map<string, number[]>();
  const names = new Set<string>();
  for (const s of plan.authStrategies) {
    if (s.name === undefined || s.name === 'session' || use.names.has(s.name) || !(sources.has(s.file) || authTexts.has(s.file))) continue;
    lines.set(s.file, [...(lines.get(s.file) ?? []), s.line]);
    names.add(s.name);
  }
  return { lines, names: [...names].sort() };
}

function importedAmong(file: string, text: string, files: ReadonlySet<string>, aliases: SpecifierAliases): string[] {
  return appSpecifiers(parseSource(file, text), aliases)
    .map((s) => resolveAmong(file, s.text, files, aliases))
    .filter((f): f is string => f !== undefined && f !== file);
}

/** The files on some import path from a root to a sliced file (those paths must run the copies). */
function reachingCuts(roots: readonly string[], edges: ReadonlyMap<string, string[]>, cuts: ReadonlySet<string>): Set<string> {
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
  /** What pruning left out of it, for a handler module copied without the exports the function does not use. */
  pruned?: PrunedModule;
  /** Whether passport strategy registrations were left out of it. */
  strategies: boolean;
  /** Its non-relative specifiers that lead to app files: rewritten like relative ones. */
  aliases: SpecifierAliases;
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
  for (const s of [...appSpecifiers(parseSource(file, text), site.aliases)].reverse()) {
    const target = resolveAmong(file, s.text, copies, site.aliases);
    const aliased = Object.hasOwn(site.aliases, s.text) ? site.aliases[s.text] : undefined;
    if (target !== undefined && aliased === undefined) continue;
    const original = target !== undefined ? `${site.root}/${target}` : appFile(site.appDir, aliased ?? [...dir, s.text].join('/'));
    const rewritten = keepExtension(relativeSpecifier(copyFile, original), s.text);
    out = `${out.slice(0, s.start)}${rewritten}${s.text.endsWith('/') && !rewritten.endsWith('/') ? '/' : ''}${out.slice(s.end)}`;
  }
  out = withModuleParent(out);
  const tail: string[] = [];
  const located = locationReads(out);
  if (located.size > 0) {
    // A module that declares its own `__dirname` (`path.dirname(fileURLToPath(import.meta.url))`, the
    // ES module idiom) keeps the declaration; `import.meta` then names the original file too.
    for (const name of ['__dirname', '__filename'] as const)
      if (located.has(name)) out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), name === '__dirname' ? '__cleaveDirname()' : '__cleaveFilename()');
    if (located.has('import.meta')) out = out.replace(IMPORT_META, '__cleaveImportMeta()');
    const fromCopy = relativeSpecifier(copyFile, appFile(site.appDir, [...dir, 'x'].join('/'))).replace(/\/x$/, '');
    const inBundle = dir.length === 0 ? '' : ` + ${JSON.stringify(`/${dir.join('/')}`)}`;
    const name = file.split('/').pop()!;
    if (/\.[cm]?tsx?$/.test(file)) tail.push('declare const __cleaveAppRoot: string | undefined;');
    if (/\.[cm]?tsx?$/.test(file) && located.has('import.meta')) tail.push('declare const __cleaveFileUrl: ((file: string) => string) | undefined;');
    // In a bundle, no `require`: a module declaring its own (`const require = createRequire(import.meta.url)`)
    // shadows Node's before that declaration has run, when these helpers are first called.
    tail.push(
      `function __cleaveDirname() { return typeof __cleaveAppRoot === 'string' ? __cleaveAppRoot${inBundle} : require('path').join(__dirname, ${JSON.stringify(fromCopy)}); }`,
      `function __cleaveFilename() { return typeof __cleaveAppRoot === 'string' ? __cleaveDirname() + ${JSON.stringify(`/${name}`)} : require('path').join(__cleaveDirname(), ${JSON.stringify(name)}); }`,
      ...(located.has('import.meta')
        ? [
            "function __cleaveImportMeta() { return { url: typeof __cleaveFileUrl === 'function' ? __cleaveFileUrl(__cleaveFilename()) : require('url').pathToFileURL(__cleaveFilename()).href, dirname: __cleaveDirname(), filename: __cleaveFilename() }; }",
          ]
        : []),
    );
  }
  const strategies = 'the passport strategies none of its routes authenticates with';
  const what = site.pruned
    ? `without the exports none of its routes use (${site.pruned.droppedExports.join(', ')}) and what only they used`
    : !site.sliced
      ? 'unchanged but for its imports, so that it loads the sliced modules beside it'
      : site.strategies
        ? `without the registrations of other functions' routes and routers and of ${strategies}, and the imports only they used`
        : "without the registrations of other functions' routes and routers, and the imports only they used";
  const header = `/* Generated by cleave: ${file} of the monolith for function \`${site.functionId}\`, ${what}. Do not edit: change the monolith or the plan and generate again. */`;
  return `${out}${out.endsWith('\n') ? '' : '\n'}\n${header}\n${tail.map((l) => `${l}\n`).join('')}`;
}

/** `import.meta` read for the module's location (`.url`, `.dirname`, `.filename`). */
const IMPORT_META = /\bimport\.meta(?=\.(url|dirname|filename)\b)/g;

/**
 * How a module reads its own location, as a copy elsewhere must answer it: `__dirname` and
 * `__filename` unless the module declares them itself, and `import.meta` (its `url`, `dirname`,
 * `filename`). Pure.
 */
export function locationReads(text: string): Set<'__dirname' | '__filename' | 'import.meta'> {
  const out = new Set<'__dirname' | '__filename' | 'import.meta'>();
  for (const name of ['__dirname', '__filename'] as const) {
    if (new RegExp(`\\b${name}\\b`).test(text) && !new RegExp(`\\b(const|let|var)\\s+${name}\\b`).test(text)) out.add(name);
  }
  if (new RegExp(IMPORT_META.source).test(text)) out.add('import.meta');
  return out;
}

/**
 * `module.parent` read as "this module was required": in a bundle, esbuild's module wrapper has
 * no parent, so `if (!module.parent) app.listen(3000)` (express's examples, older apps) would
 * start a server in every function. A function's app modules are always required by its
 * handler, so `require.main` stands in for the parent there. Pure.
 */
export function withModuleParent(text: string): string {
  return text.replace(/\bmodule\.parent\b(?![\w$])/g, '(module.parent || require.main)');
}

/** How what cleave appends to a copy starts: the loops' chooser (`loopRequires`), then the header and the `__dirname` helpers. */
const ADDITIONS = ['\n/* cleave: ', '\n/* Generated by cleave: '];

/** The monolith's part of a sliced copy's text: what comes before cleave's additions (its own code, not the monolith's). Pure. */
export function monolithPartOf(copy: string): string {
  const at = Math.min(...ADDITIONS.map((m) => copy.indexOf(m)).filter((i) => i >= 0));
  return Number.isFinite(at) ? copy.slice(0, at + 1) : copy;
}

/** `relativeSpecifier` drops code extensions; keep one the original specifier wrote (`./data.json`, `./x.mjs`). */
function keepExtension(specifier: string, written: string): string {
  const ext = /\.(json|mjs|cjs|node)$/.exec(written)?.[0];
  return ext && !specifier.endsWith(ext) ? `${specifier}${ext}` : specifier;
}
