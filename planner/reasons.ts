import type { Strategy } from '../model/config';
import type { Footprint } from './footprint';
import { type SignInFlow, flowOf } from './sign-in-flows';
import { type PackageSplit, packageSplitOf } from './own-packages';
import { describeTie, type StructuralTie } from './structural-ties';

/** What a function's reason is built from. */
export interface ReasonInput {
  /** Strategy that grouped it. */
  strategy: Strategy;
  /** Route ids, sorted. */
  routes: readonly string[];
  /** Paths of the routes. */
  paths: readonly string[];
  /** Footprints by route id. */
  footprints: ReadonlyMap<string, Footprint>;
  /** Weight of a file as shared evidence (0 for files every route needs). */
  fileWeight: (file: string) => number;
  /** Binding hazards by route id. */
  boundBy: ReadonlyMap<string, readonly string[]>;
  /** Pin group by route id. */
  pinOf: ReadonlyMap<string, string>;
  /** The group came from the previous plan. */
  fromPreviousPlan?: boolean;
  /** Routes whose handler files import nearly the whole app. */
  heavy?: ReadonlySet<string>;
  /** The app's structural ties among its routes (kept ones included). */
  ties?: readonly StructuralTie[];
  /** Routes that stay in the monolith (a route may be alone because what it is tied to stays). */
  kept?: ReadonlyMap<string, string>;
  /** Sign-in flows with a strategy of their own, to say why one is a function of its own. */
  signInFlows?: readonly SignInFlow[];
  /** Routes split off their group because only they use some packages, to say why. */
  packageSplits?: readonly PackageSplit[];
  /** Route affinity (what routes share, weighted), to say why a route is alone. */
  affinity?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * One sentence a reviewer can check: what the routes have in common (the most distinctive
 * shared files, shared entities), what binds them (in-memory state, pins), and where the
 * grouping came from.
 */
export function functionReason(input: ReasonInput): string {
  const parts: string[] = [lead(input)];
  const shared = sharedItems(input, (fp) => fp.files);
  const files = shared.filter((f) => input.fileWeight(f) > 0).sort((a, b) => input.fileWeight(b) - input.fileWeight(a) || a.localeCompare(b));
  if (input.routes.length > 1) {
    if (files.length > 0) parts.push(`share ${list(files, 3)}`);
    else parts.push(shared.length > 0 ? 'share only files every route needs' : 'share no files');
  } else {
    const own = [...(input.footprints.get(input.routes[0]!)?.files ?? [])]
      .filter((f) => input.fileWeight(f) > 0)
      .sort((a, b) => input.fileWeight(b) - input.fileWeight(a) || a.localeCompare(b));
    parts.push(own.length > 0 ? `needs ${list(own, 3)}` : 'needs only files every route needs');
  }
  const entities = input.routes.length > 1 ? sharedItems(input, (fp) => fp.entities) : [...(input.footprints.get(input.routes[0]!)?.entities ?? [])].sort();
  if (entities.length > 0) parts.push(`${input.routes.length > 1 ? 'shared ' : ''}entities ${list(entities, 4)}`);
  const state = [...new Set(input.routes.flatMap((id) => input.boundBy.get(id) ?? []))].sort();
  parts.push(state.length > 0 ? `bound by in-memory state ${list(state, 3)} (must share one function)` : 'no shared in-memory state');
  const together = tiesWithin(input);
  if (together.length > 0) parts.push(`kept together: ${list(together.map(describeTie), 3)}`);
  const own = packageSplitOf(input.packageSplits, input.routes);
  if (input.routes.length === 1 && !own && !input.fromPreviousPlan && (input.pinOf.size === 0 || !input.pinOf.has(input.routes[0]!)))
    parts.push(aloneBecause(input));
  const pins = [...new Set(input.routes.map((id) => input.pinOf.get(id)).filter((p): p is string => !!p))].sort();
  if (pins.length > 0) parts.push(`pinned together by config (${pins.map((p) => `pin.${p}`).join(', ')})`);
  if (input.heavy && input.routes.every((id) => input.heavy!.has(id)))
    parts.push("their handler files import the app's wiring (nearly the whole app), so they are kept apart from lighter routes");
  const flow = flowOf(input.signInFlows, input.routes);
  if (flow)
    parts.push(
      `a function of its own: no other route authenticates with its passport strategy '${flow.strategy}'${flow.package ? ` (${flow.package})` : ''}, so no other function bundles it`,
    );
  if (own)
    parts.push(
      `split off the routes it is tied to: only ${own.routes.length === 1 ? 'it uses' : 'they use'} ${list(own.packages, 4)} among them, so no other function bundles ${own.packages.length === 1 ? 'it' : 'them'}`,
    );
  if (input.fromPreviousPlan) parts.push('placement kept from the previous plan');
  return parts.join('; ');
}

/** Ties with two or more of the group's routes, most routes first. */
function tiesWithin(input: ReasonInput): StructuralTie[] {
  const members = new Set(input.routes);
  return (input.ties ?? [])
    .map((tie) => ({ tie, n: tie.routes.filter((id) => members.has(id)).length }))
    .filter(({ n }) => n >= 2)
    .sort((a, b) => b.n - a.n || a.tie.kind.localeCompare(b.tie.kind) || a.tie.subject.localeCompare(b.tie.subject))
    .map(({ tie }) => tie);
}

/** Why a route has a function of its own: what it does not share, or that what it shares is split off by size. */
function aloneBecause(input: ReasonInput): string {
  const id = input.routes[0]!;
  const partners = [...new Set((input.ties ?? []).filter((tie) => tie.routes.includes(id)).flatMap((tie) => tie.routes))].filter((r) => r !== id);
  const kept = partners.filter((r) => input.kept?.has(r));
  if (partners.length > 0 && kept.length === partners.length) return `alone: the routes the app ties it to stay in the monolith (${list(kept, 3)})`;
  if (partners.length > 0) return 'alone: the routes the app ties it to were split off by the bundle size limit (see TIES_BROKEN_BY_SIZE)';
  const affinity = input.affinity?.get(id);
  const closest = affinity ? Math.max(0, ...affinity.values()) : 0;
  if (closest === 0) return 'alone: no other route shares its router, controller, path, a distinctive file or an entity';
  return 'alone: no router, controller or path ties it to other routes, and the files it shares with them are a small part of what it needs';
}

function lead(input: ReasonInput): string {
  const n = input.routes.length;
  const prefix = commonPrefix(input.paths);
  const under = prefix && prefix !== '/' ? ` under ${prefix}` : '';
  if (input.strategy === 'per-route' && n === 1) return `one route per function (strategy per-route)`;
  if (input.strategy === 'per-router') return `${n} route${n === 1 ? '' : 's'} of one router${under} (strategy per-router)`;
  return `${n} route${n === 1 ? '' : 's'}${under}`;
}

/** Items held by at least two of the group's routes (or all, for two-route groups), sorted. */
function sharedItems(input: ReasonInput, pick: (fp: Footprint) => ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  for (const id of input.routes) {
    const fp = input.footprints.get(id);
    if (fp) for (const item of pick(fp)) counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  const need = Math.max(2, Math.ceil(input.routes.length / 2));
  return [...counts]
    .filter(([, c]) => c >= need)
    .map(([item]) => item)
    .sort();
}

function list(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} (+${items.length - max} more)` : shown;
}

/** The longest common segment prefix of paths (`/api/v1/products`), or '' when they share none. */
export function commonPrefix(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const lists = paths.map((p) => p.split('/'));
  const common: string[] = [];
  for (let i = 0; lists.every((l) => l[i] !== undefined && l[i] === lists[0]![i]); i++) common.push(lists[0]![i]!);
  const prefix = common.join('/');
  return prefix === '' && common.length > 0 ? '/' : prefix;
}
