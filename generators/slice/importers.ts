import type { SplitPlan } from '../../model/plan';

const CACHE = new WeakMap<object, Map<string, string[]>>();

/**
 * The app files importing each app file, by the plan's module graph (empty without one); worked
 * out once per graph, since every function of a plan asks.
 */
export function importersOf(plan: SplitPlan): ReadonlyMap<string, string[]> {
  const graph = plan.modules?.files;
  if (!graph) return new Map();
  let importers = CACHE.get(graph);
  if (!importers) {
    importers = new Map();
    for (const [file, info] of Object.entries(graph)) {
      for (const to of info.imports) {
        const from = importers.get(to);
        if (from) from.push(file);
        else importers.set(to, [file]);
      }
    }
    CACHE.set(graph, importers);
  }
  return importers;
}
