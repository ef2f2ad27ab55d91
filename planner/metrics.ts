import type { Metric, PlanMetrics } from '../model/plan';
import type { ModuleGraph } from './module-graph';
import { METRIC_DEFINITIONS as DEF } from './metric-definitions';

/** One function as the metrics see it. */
export interface MetricFunction {
  /** Function id. */
  id: string;
  /** Route ids. */
  routes: readonly string[];
  /** App files its bundle (or closure) holds. */
  files: readonly string[];
  /** Predicted bundle bytes. */
  bytes: number;
  /** Whether `bytes` is an estimate. */
  estimated: boolean;
}

/** Inputs of the metrics. */
export interface MetricsInput {
  /** The functions. */
  functions: readonly MetricFunction[];
  /** Entities each route touches. */
  entitiesByRoute: ReadonlyMap<string, ReadonlySet<string>>;
  /** The whole-app import graph, when esbuild could bundle the app. */
  graph: ModuleGraph | undefined;
  /** Bytes of a file (in the bundle when measured, on disk otherwise). */
  fileBytes: (file: string) => number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const metric = (key: keyof typeof DEF, value: number | null, note?: string): Metric => ({
  value: value === null ? null : round(value),
  definition: DEF[key],
  ...(note ? { note } : {}),
});

/** Computes every metric of the plan, each with its fixed definition. */
export function computeMetrics(input: MetricsInput): PlanMetrics {
  const owner = owners(input.functions);
  const noGraph = 'not measured: esbuild could not bundle the app, so the import graph is unknown';
  const estimated = input.functions.some((f) => f.estimated) || !input.graph;
  const appBytes = input.graph?.appBytes;
  const sizes = input.functions.map((f) => f.bytes);
  const sizeNote = estimated
    ? 'estimate: sums of file sizes, not an esbuild bundle'
    : 'each function: the bytes of the app files its handlers reach, in the whole-app bundle (esbuild metafile)';
  return {
    structuralModularity: input.graph
      ? metric('structuralModularity', modularity(input.graph, owner), `${new Set(owner.values()).size} clusters over ${owner.size} files`)
      : metric('structuralModularity', null, noGraph),
    icp: input.graph ? metric('icp', crossShare(input.graph, owner)) : metric('icp', null, noGraph),
    ifn: metric('ifn', input.functions.length ? input.functions.reduce((n, f) => n + f.routes.length, 0) / input.functions.length : null),
    entitySpread: entitySpread(input),
    sharedCodeRatio: sharedCode(owner, input.fileBytes),
    appBundleBytes: metric('appBundleBytes', appBytes ?? null, appBytes === undefined ? noGraph : 'measured with esbuild'),
    largestBundleRatio: metric('largestBundleRatio', appBytes && sizes.length ? Math.max(...sizes) / appBytes : null, appBytes ? sizeNote : noGraph),
    meanBundleRatio: metric(
      'meanBundleRatio',
      appBytes && sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length / appBytes : null,
      appBytes ? sizeNote : noGraph,
    ),
  };
}

/** Owner of each file used by a function: the function id, or `(shared)` when several use it. */
function owners(functions: readonly MetricFunction[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const f of functions) for (const file of f.files) owner.set(file, owner.has(file) && owner.get(file) !== f.id ? '(shared)' : f.id);
  return owner;
}

function modularity(graph: ModuleGraph, owner: ReadonlyMap<string, string>): number {
  const size = new Map<string, number>();
  for (const c of owner.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const intra = new Map<string, number>();
  const inter = new Map<string, number>();
  for (const [a, b] of ownedEdges(graph, owner)) {
    if (a === b) intra.set(a, (intra.get(a) ?? 0) + 1);
    else {
      const key = [a, b].sort().join('\u0000');
      inter.set(key, (inter.get(key) ?? 0) + 1);
    }
  }
  const clusters = [...size.keys()].sort();
  const k = clusters.length;
  if (k === 0) return 0;
  const cohesion = clusters.reduce((s, c) => s + (intra.get(c) ?? 0) / size.get(c)! ** 2, 0) / k;
  if (k === 1) return cohesion;
  let coupling = 0;
  for (const [key, edges] of inter) {
    const [a, b] = key.split('\u0000') as [string, string];
    coupling += edges / (2 * size.get(a)! * size.get(b)!);
  }
  return cohesion - coupling / ((k * (k - 1)) / 2);
}

function crossShare(graph: ModuleGraph, owner: ReadonlyMap<string, string>): number | null {
  let all = 0;
  let cross = 0;
  for (const [a, b] of ownedEdges(graph, owner)) {
    all++;
    if (a !== b) cross++;
  }
  return all ? cross / all : null;
}

/** The owners of both ends of every import edge whose files both belong to a function. */
function* ownedEdges(graph: ModuleGraph, owner: ReadonlyMap<string, string>): Generator<[string, string]> {
  for (const [from, tos] of graph.imports) {
    const a = owner.get(from);
    if (!a) continue;
    for (const to of tos) {
      const b = owner.get(to);
      if (b) yield [a, b];
    }
  }
}

function entitySpread(input: MetricsInput): Metric {
  const byEntity = new Map<string, Map<string, number>>();
  for (const f of input.functions) {
    for (const route of f.routes) {
      for (const e of input.entitiesByRoute.get(route) ?? []) {
        const counts = byEntity.get(e) ?? new Map<string, number>();
        counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
        byEntity.set(e, counts);
      }
    }
  }
  if (byEntity.size === 0) return metric('entitySpread', null, 'no route of a function touches a known data entity');
  let sum = 0;
  for (const e of [...byEntity.keys()].sort()) {
    const counts = [...byEntity.get(e)!.values()];
    const total = counts.reduce((a, b) => a + b, 0);
    sum += -counts.reduce((h, c) => h + (c / total) * Math.log2(c / total), 0);
  }
  return metric('entitySpread', sum / byEntity.size, `${byEntity.size} entities`);
}

function sharedCode(owner: ReadonlyMap<string, string>, fileBytes: (file: string) => number): Metric {
  let all = 0;
  let shared = 0;
  for (const [file, o] of [...owner].sort(([a], [b]) => a.localeCompare(b))) {
    const bytes = fileBytes(file);
    all += bytes;
    if (o === '(shared)') shared += bytes;
  }
  return metric('sharedCodeRatio', all ? shared / all : null, all ? undefined : 'no file sizes known');
}
