import type { Route } from '../model/analysis';
import type { Config } from '../model/config';
import type { PlanWarning } from '../model/plan';
import { assignIds } from './naming';
import type { PlannedGroup } from './replan';

/**
 * Function ids for the groups, by precedence: config `names` (by route id or pin group), the id
 * from the previous plan, the pin group's name, then an id derived from the routes' paths.
 */
export function nameGroups(
  groups: readonly PlannedGroup[],
  routes: ReadonlyMap<string, Route>,
  config: Config,
  pinOf: ReadonlyMap<string, string>,
  warnings: PlanWarning[],
): string[] {
  const ids: Array<string | undefined> = groups.map(() => undefined);
  const used = new Set<string>();
  const take = (i: number, id: string | undefined, why: string): void => {
    if (!id || ids[i] !== undefined) return;
    if (used.has(id)) {
      warnings.push({ code: 'FUNCTION_ID_TAKEN', message: `${why}: id '${id}' is already used by another function; a derived id is used instead` });
      return;
    }
    ids[i] = id;
    used.add(id);
  };
  const groupOfRoute = new Map<string, number>();
  groups.forEach((g, i) => g.routes.forEach((id) => groupOfRoute.set(id, i)));
  const pinNames = new Set(Object.keys(config.pin));
  for (const [key, id] of Object.entries(config.names).sort(([a], [b]) => a.localeCompare(b))) {
    const indexes = pinNames.has(key) ? [...new Set([...pinOf].filter(([, p]) => p === key).map(([r]) => groupOfRoute.get(r)))] : [groupOfRoute.get(key)];
    const i = indexes.find((x): x is number => x !== undefined);
    if (i === undefined) {
      const why = routes.has(key) ? 'the route stays in the monolith' : 'no route or pin group has that name';
      warnings.push({ code: 'CONFIG_NAME_UNUSED', message: `names."${key}": ${why}` });
      continue;
    }
    if (ids[i] !== undefined && ids[i] !== id)
      warnings.push({ code: 'FUNCTION_NAME_CONFLICT', message: `names."${key}": the function is already named '${ids[i]}' by another names entry` });
    take(i, id, `names."${key}"`);
  }
  groups.forEach((g, i) => take(i, g.id, `previous plan function ${g.id}`));
  groups.forEach((g, i) => {
    const pins = [...new Set(g.routes.map((r) => pinOf.get(r)).filter((p): p is string => !!p))].sort();
    take(i, pins[0], `pin.${pins[0]}`);
  });
  const rest = groups.map((g, i) => ({ g, i })).filter(({ i }) => ids[i] === undefined);
  const derived = assignIds(
    rest.map(({ g }) => ({
      routes: g.routes,
      paths: g.routes.map((r) => routes.get(r)?.path ?? r),
      methods: g.routes.map((r) => routes.get(r)?.method ?? ''),
      handlerFiles: g.routes.map((r) => routes.get(r)?.handler.file ?? ''),
    })),
    used,
  );
  rest.forEach(({ i }, k) => (ids[i] = derived[k]));
  return ids as string[];
}
