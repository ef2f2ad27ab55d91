import type { Analysis } from '../model/analysis';

/** The app's module graph as the planner walks it, from the analysis' `modules`. */
export interface ModuleGraph {
  /** Bytes each app file contributes to the whole-app bundle. */
  bytes: Map<string, number>;
  /** Imports between app files (from → to), each list sorted. */
  imports: Map<string, string[]>;
  /** npm packages each app file imports, sorted. */
  packages: Map<string, string[]>;
  /** Bytes of the whole-app bundle. */
  appBytes: number;
}

/** Bytes assumed for a file whose size the analysis does not know. */
export const ASSUMED_FILE_BYTES = 1024;

/** The module graph of the analysis; undefined when it has none (esbuild could not bundle the app, or a hand-made analysis). */
export function moduleGraphOf(analysis: Analysis): ModuleGraph | undefined {
  if (!analysis.modules) return undefined;
  const files = Object.entries(analysis.modules.files);
  return {
    bytes: new Map(files.map(([f, m]) => [f, m.bytes])),
    imports: new Map(files.map(([f, m]) => [f, m.imports])),
    packages: new Map(files.map(([f, m]) => [f, m.packages])),
    appBytes: analysis.modules.appBytes,
  };
}

/** Size on disk of an app file, from the analysis (`ASSUMED_FILE_BYTES` when unknown). */
export function diskBytesOf(analysis: Analysis): (file: string) => number {
  const sizes = analysis.fileBytes ?? {};
  return (file) => sizes[file] ?? ASSUMED_FILE_BYTES;
}

/** Files reachable from `seeds` through the import graph (the seeds included), not entering `stop`. */
export function reachable(graph: ModuleGraph, seeds: readonly string[], stop: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of graph.imports.get(file) ?? []) if (!seen.has(next) && !stop.has(next)) stack.push(next);
  }
  return seen;
}

/** A bundle of some entry files, predicted from the graph: the bytes of every file they reach and the npm packages those import. */
export function bundleOf(graph: ModuleGraph, entries: readonly string[]): { bytes: number; packages: string[] } {
  let bytes = 0;
  const packages = new Set<string>();
  for (const file of reachable(graph, entries)) {
    bytes += graph.bytes.get(file) ?? 0;
    for (const p of graph.packages.get(file) ?? []) packages.add(p);
  }
  return { bytes, packages: [...packages].sort() };
}
