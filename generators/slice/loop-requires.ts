import { ts } from 'ts-morph';
import type { TextEdit } from './text-edits';
import type { LoopModules } from './slice-sites';
import { lineOf } from './syntax';

/** How a copy loads only the modules its function needs from a loop over modules. */
export interface LoopRequires {
  /** The `require` callees of the loops' computed requires, renamed to the copy's chooser. */
  edits: TextEdit[];
  /** The chooser, to append after the copy's last line (line numbers stay). Empty without edits. */
  tail: string;
  /** Computed requires rewritten. */
  rewritten: number;
  /** App modules the rewritten loops give a stand-in (only other functions register them), sorted. */
  elsewhere: string[];
}

/** The function a copy calls instead of `require` in its loops over modules. */
export const LOOP_REQUIRE = '__cleaveLoopRequire';

/**
 * Makes the loops of a registering module load only what one function needs. A loop registers
 * once per turn (`readdirSync(routes).forEach((f) => app.use('/' + name, require('./routes/' + f)))`,
 * mvc's `require(controller)` and `app[method](url, obj[key])` per folder): the monolith loads
 * every module of the folder, and a bundler carries them all. In the copy, the computed
 * `require()` calls inside the loop of each looped registration line (the outermost loop or
 * loop callback around it) call a chooser instead: it loads a module the function needs by a
 * literal `require` (so the bundle carries only those), gives the modules only other functions
 * register an inert stand-in (a middleware that calls `next()`: a turn that mounts or calls it
 * registers nothing that answers), and loads anything else as the monolith does. `fileName` is
 * app-relative. Pure.
 */
export function loopRequires(
  source: ts.SourceFile,
  fileName: string,
  loops: readonly LoopModules[],
  registrationAt: (line: number) => ts.Node | undefined,
): LoopRequires {
  const calls = new Set<ts.CallExpression>();
  const modules = new Map<string, boolean>();
  for (const loop of loops) {
    if (!loop.modules.some((m) => !m.needed)) continue;
    const statement = registrationAt(loop.line);
    const scope = statement && outermostLoop(statement);
    if (!scope) continue;
    const found = computedRequires(scope);
    if (found.length === 0) continue;
    for (const call of found) calls.add(call);
    // Every registration of the loop's turns, not only this line's (mvc registers `index` on another line).
    const [first, last] = [lineOf(source, scope.getStart(source)), lineOf(source, scope.getEnd())];
    for (const inside of loops.filter((l) => l.line >= first && l.line <= last))
      for (const m of inside.modules) modules.set(m.file, !!modules.get(m.file) || m.needed);
  }
  if (calls.size === 0) return { edits: [], tail: '', rewritten: 0, elsewhere: [] };
  const edits = [...calls].map((call) => ({ start: call.expression.getStart(source), end: call.expression.getEnd(), text: LOOP_REQUIRE }));
  const elsewhere = [...modules]
    .filter(([, needed]) => !needed)
    .map(([file]) => file)
    .sort();
  return { edits, tail: chooserSource(fileName, modules), rewritten: calls.size, elsewhere };
}

/** The outermost loop statement, or function passed as a call's argument (a `forEach` callback), around `node` before a named or assigned function. */
function outermostLoop(node: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  for (let at = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if (ts.isIterationStatement(at, false)) found = at;
    else if (ts.isFunctionLike(at)) {
      if ((ts.isArrowFunction(at) || ts.isFunctionExpression(at)) && ts.isCallExpression(at.parent) && at.parent.arguments.includes(at)) found = at;
      else break;
    }
  }
  return found;
}

/** `require(x)` calls whose argument is not a string literal, inside `scope`. */
function computedRequires(scope: ts.Node): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require' &&
      node.arguments.length === 1 &&
      !ts.isStringLiteralLike(node.arguments[0]!)
    )
      out.push(node);
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return out;
}

/**
 * The chooser's source: module keys relative to the original file's folder (as its computed
 * requires name them, with or without extension, a folder by its index), literal requires for
 * the needed ones (written relative to the original file: the copy rewrites them to reach the
 * monolith's files), `__dirname` for the original folder (the copy maps it too).
 */
function chooserSource(fileName: string, modules: ReadonlyMap<string, boolean>): string {
  const dir = fileName.split('/').slice(0, -1);
  const typed = /\.[cm]?tsx?$/.test(fileName);
  const relative = (file: string) => relativePosix(dir, file);
  const needed = [...modules]
    .filter(([, n]) => n)
    .map(([f]) => f)
    .sort();
  const elsewhere = [...modules]
    .filter(([, n]) => !n)
    .map(([f]) => f)
    .sort();
  // A key is written the way the require names it at run time, normalized alike: no code extension, a folder for its index.
  const keyOf = (file: string) => normalizedKey(relative(file));
  const entries = needed.map((f) => `    ${JSON.stringify(keyOf(f))}: function () { return require(${JSON.stringify(specifier(relative(f)))}); },`);
  const others = elsewhere.map((f) => JSON.stringify(keyOf(f)));
  const t = (type: string) => (typed ? `: ${type}` : '');
  // One function declaration, maps inside: it is hoisted, and the loops call it while the module
  // is still loading, before anything after them has run.
  return [
    `/* cleave: the loops above load, of the modules they register, only those this function serves; the others (${elsewhere.join(', ')}) get an inert stand-in. */`,
    `function ${LOOP_REQUIRE}(id${t('unknown')})${t('any')} {`,
    "  var path = require('path');",
    `  var modules${t('Record<string, () => unknown>')} = {`,
    ...entries,
    '  };',
    `  var elsewhere = [${others.join(', ')}];`,
    `  var key = path.relative(__dirname, path.resolve(__dirname, String(id))).split(path.sep).join('/')${KEY_NORMALIZATION};`,
    '  if (Object.prototype.hasOwnProperty.call(modules, key)) return modules[key]();',
    `  if (elsewhere.indexOf(key) >= 0) return function cleaveServedElsewhere(_req${t('unknown')}, _res${t('unknown')}, next${t('unknown')}) { if (typeof next === 'function') next(); };`,
    '  return require(path.resolve(__dirname, String(id)));',
    '}',
  ].join('\n');
}

/** What the chooser does to a required path to get its key (as JavaScript source), and the same here. */
const KEY_NORMALIZATION = ".replace(/\\.[cm]?[jt]sx?$/, '').replace(/\\/index$/, '')";

function normalizedKey(relative: string): string {
  return relative.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

function relativePosix(fromDir: readonly string[], file: string): string {
  const to = file.split('/');
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  return [...fromDir.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function specifier(relative: string): string {
  return relative.startsWith('.') ? relative : `./${relative}`;
}
