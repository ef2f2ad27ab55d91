import type { Route } from '../model/analysis';
import type { ModuleGraph } from './module-graph';

/** Routes split off their group because only they use some npm packages. */
export interface PackageSplit {
  /** Route ids, sorted. */
  routes: string[];
  /** The packages no other route of the app uses, sorted. */
  packages: string[];
}

/** Which routes use each npm package that splitting can keep out of other functions (see `confinedPackages`). */
export type PackageUsers = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The npm packages a split can keep out of the functions of routes that do not use them, with
 * the routes using each (by their closures' `deps.packages`): those whose importing app files
 * (by the module graph) all lie in the closures of those routes and in no other route's. A
 * package the app's boot code imports (an error handler requiring a validation library) lies in
 * every function's bundle whatever the split, so it is not one of them. Without a graph, every
 * package a route's closure names. Pure.
 */
export function confinedPackages(routes: readonly Route[], graph: ModuleGraph | undefined): PackageUsers {
  const users = new Map<string, Set<string>>();
  for (const r of routes) for (const p of r.deps.packages) users.set(p, (users.get(p) ?? new Set()).add(r.id));
  if (!graph) return users;
  const importers = new Map<string, string[]>();
  for (const [file, packages] of graph.packages) {
    for (const p of packages) {
      const files = importers.get(p);
      if (files) files.push(file);
      else importers.set(p, [file]);
    }
  }
  const closureUsers = new Map<string, Set<string>>();
  for (const r of routes) for (const f of r.deps.files) closureUsers.set(f, (closureUsers.get(f) ?? new Set()).add(r.id));
  const confined = new Map<string, Set<string>>();
  for (const [p, ids] of users) {
    const files = importers.get(p) ?? [];
    const inside =
      files.length > 0 &&
      files.every((f) => {
        const needing = closureUsers.get(f);
        return !!needing && [...needing].every((id) => ids.has(id));
      });
    if (inside) confined.set(p, ids);
  }
  return confined;
}

/**
 * Splits a group by the npm packages only some of its routes use: for each package every user of
 * which is in the group (fewest users first, then by name), the parts (routes that must stay
 * together) holding its users become a group of its own, unless they are all that is left; the
 * rest stays together. A password reset bringing a mailer and its templates then no longer weighs
 * on the sign-in routes of its router: each function bundles only its own packages (the
 * generators copy the controller they share without the other's handlers, see `pruneModule`).
 * Pure.
 */
export function splitByOwnPackages(parts: readonly (readonly string[])[], users: PackageUsers): { groups: string[][]; splits: PackageSplit[] } {
  const inGroup = new Set(parts.flat());
  const candidates = [...users].filter(([, ids]) => [...ids].every((id) => inGroup.has(id))).sort(([a, x], [b, y]) => x.size - y.size || a.localeCompare(b));
  let rest = parts.map((p) => [...p]);
  const splits: PackageSplit[] = [];
  for (const [, ids] of candidates) {
    const left = new Set(rest.flat());
    if (![...ids].every((id) => left.has(id))) continue;
    const taken = rest.filter((part) => part.some((id) => ids.has(id)));
    if (taken.length === rest.length) continue;
    const routes = taken.flat().sort();
    const members = new Set(routes);
    const packages = candidates
      .filter(([, users]) => [...users].every((id) => members.has(id)))
      .map(([p]) => p)
      .sort();
    splits.push({ routes, packages });
    rest = rest.filter((part) => !taken.includes(part));
  }
  const remaining = rest.flat().sort();
  return { groups: [...splits.map((s) => s.routes), ...(remaining.length > 0 ? [remaining] : [])], splits };
}

/** The split among `splits` whose routes are exactly `routes`, if any. */
export function packageSplitOf(splits: readonly PackageSplit[] | undefined, routes: readonly string[]): PackageSplit | undefined {
  return splits?.find((s) => s.routes.length === routes.length && s.routes.every((id) => routes.includes(id)));
}
