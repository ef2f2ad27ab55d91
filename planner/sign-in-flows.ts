import type { AuthStrategy, Route } from '../model/analysis';
import type { StructuralTie } from './structural-ties';

/** A sign-in flow's routes (its start and its callback) and the one passport strategy they authenticate with. */
export interface SignInFlow {
  /** Route ids, sorted. */
  routes: string[];
  /** The strategy's name (`github`). */
  strategy: string;
  /** The package that provides it (`passport-github`), when known. */
  package?: string;
}

/** A middleware call whose first argument is a string literal: `passport.authenticate('github', ...)`, a bound alias `pauth('github')`. */
const FIRST_STRING_ARGUMENT = /^[\w$.]+\(\s*(['"])([^'"]+)\1/;

/**
 * The sign-in flows (`auth-flow` ties: `/auth/github` and `/auth/github/callback`) whose routes all
 * authenticate with one and the same registered passport strategy, which no other route of the
 * app authenticates with: a middleware of theirs is a call naming it first
 * (`passport.authenticate('github', ...)`, whatever the callee is called). Each provider's
 * strategy brings its own package and OAuth client, which a function serving other routes need
 * not bundle. None without registered strategies.
 */
export function signInFlows(routes: readonly Route[], ties: readonly StructuralTie[], strategies: readonly AuthStrategy[] | undefined): SignInFlow[] {
  const registered = new Map((strategies ?? []).filter((s) => s.name !== undefined).map((s) => [s.name!, s]));
  if (registered.size === 0) return [];
  const strategiesByRoute = new Map(routes.map((r) => [r.id, strategiesOf(r, registered)]));
  const usersOf = new Map<string, string[]>();
  for (const [id, names] of strategiesByRoute) for (const name of names) usersOf.set(name, [...(usersOf.get(name) ?? []), id]);
  const flows: SignInFlow[] = [];
  for (const tie of ties) {
    if (tie.kind !== 'auth-flow') continue;
    const each = tie.routes.map((id) => strategiesByRoute.get(id) ?? []);
    const used = new Set(each.flat());
    const [strategy] = [...used];
    if (used.size !== 1 || each.some((names) => names.length === 0)) continue;
    if ((usersOf.get(strategy!) ?? []).some((id) => !tie.routes.includes(id))) continue;
    const pkg = registered.get(strategy!)?.package;
    flows.push({ routes: [...tie.routes], strategy: strategy!, ...(pkg ? { package: pkg } : {}) });
  }
  return flows;
}

/** The flow among `flows` whose routes are exactly `routes` (a group or block of a plan), if any. */
export function flowOf(flows: readonly SignInFlow[] | undefined, routes: readonly string[]): SignInFlow | undefined {
  return flows?.find((f) => f.routes.length === routes.length && f.routes.every((id) => routes.includes(id)));
}

/** The registered strategies a route's middleware authenticates with, sorted. */
function strategiesOf(route: Route | undefined, registered: ReadonlyMap<string, unknown>): string[] {
  const names = new Set<string>();
  for (const m of route?.middleware ?? []) {
    const name = m.source ? FIRST_STRING_ARGUMENT.exec(m.source)?.[2] : undefined;
    if (name !== undefined && registered.has(name)) names.add(name);
  }
  return [...names].sort();
}
