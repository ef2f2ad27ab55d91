import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DiagnosticSink } from '../diagnostics';
import type { AppRoot } from './app-root';
import { reportEntryChoice } from './entry-choice';
import { isTestPath } from './source-files';

/** A file that calls `listen` (`app.listen(port)`, `server.listen(...)`), as text. */
export const LISTEN = /\.listen\s*\(/;
const CREATES_APP = /\bexpress\s*\(\s*\)|\bexpress\.default\s*\(\s*\)|require\(\s*['"]express['"]\s*\)\s*\(\s*\)/;

/** A file that imports express (ES import, `require` or `import()`). */
export const IMPORTS_EXPRESS = /(?:require\s*\(\s*|from\s+|import\s*\(\s*)['"]express['"]/;

/**
 * Finds the entry files: files that call `listen` or create an express app and that no other such
 * file imports (so `server.ts` importing `app.ts` gives one entry; two independent servers give
 * two). Files named by package.json `main`, `bin` or `start` count as candidates too. A candidate
 * that neither creates an app nor imports, directly or through the app's files, a file that
 * imports express is left out (unless nothing else is left). With `diagnostics`, a choice between
 * candidates that call `listen` is reported (`ENTRY_CHOSEN`).
 */
export function findEntries(root: AppRoot, texts: Map<string, string>, graph: Map<string, string[]>, diagnostics?: DiagnosticSink): string[] {
  const rel = (file: string): string => path.relative(root.dir, file).split(path.sep).join('/');
  const found = [...texts.entries()].filter(([file, text]) => !isTestPath(rel(file)) && (LISTEN.test(text) || CREATES_APP.test(text))).map(([file]) => file);
  for (const file of packageEntryFiles(root)) if (!found.includes(file) && texts.has(file)) found.push(file);
  const productionGraph = new Map([...graph].filter(([file]) => !isTestPath(rel(file))));
  // A `listen` with no express behind it is some other server (a dev tool, a bundled client).
  const servesExpress = (file: string): boolean =>
    CREATES_APP.test(texts.get(file) ?? '') || [...reachable(file, productionGraph)].some((f) => IMPORTS_EXPRESS.test(texts.get(f) ?? ''));
  const express = found.filter(servesExpress);
  const candidates = express.length > 0 ? express : found;
  const reach = new Map(candidates.map((c) => [c, reachable(c, productionGraph)]));
  const reachedByOther = new Set<string>();
  for (const [candidate, reached] of reach) for (const file of reached) if (file !== candidate) reachedByOther.add(file);
  const roots = candidates.filter((c) => !reachedByOther.has(c));
  // A cycle between candidates leaves no root: take the first candidate of the cycle.
  const fromCycle = roots.length === 0 && candidates.length > 0;
  if (fromCycle) roots.push([...candidates].sort()[0]!);
  roots.sort();
  if (diagnostics) {
    const callsListen = (file: string): boolean => LISTEN.test(texts.get(file) ?? '');
    reportEntryChoice({ chosen: roots, candidates, reach, graph: productionGraph, callsListen, fromCycle, rel }, diagnostics);
  }
  return roots;
}

/** Files named as the program by package.json (`main`, or its default index.js; `bin`; `node x` in `start`). */
export function packageEntryFiles(root: AppRoot): string[] {
  const pkg = root.packageJson;
  const names: string[] = [];
  // npm's default `main` is index.js: apps started with `node index.js` often do not name it.
  names.push(pkg?.main ?? 'index.js');
  if (typeof pkg?.bin === 'string') names.push(pkg.bin);
  else if (pkg?.bin) names.push(...Object.values(pkg.bin));
  const start = pkg?.scripts?.start;
  const match = start ? /\b(?:node|nodemon|ts-node|tsx|ts-node-dev)\s+(?:-\S+\s+)*([^\s&|;]+)/.exec(start) : null;
  if (match?.[1]) names.push(match[1]);
  const files: string[] = [];
  for (const name of names) {
    const base = path.resolve(root.dir, name);
    const found = [base, base + '.js', base + '.ts', path.join(base, 'index.js'), path.join(base, 'index.ts')].find(
      (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
    );
    if (found) files.push(found);
  }
  return files;
}

function reachable(start: string, graph: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of graph.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
