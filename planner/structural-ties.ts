import type { Route } from '../model/analysis';

/** What in the app's own structure holds routes together. */
export type TieKind =
  /** registered on one router instance */
  | 'router'
  /** handled by one controller module (a file other than the one registering the route) */
  | 'controller'
  /** one path served by several methods (a resource, or a form's GET and POST) */
  | 'resource'
  /** a sign-in flow: the start route and its callback (`/auth/github`, `/auth/github/callback`) */
  | 'auth-flow';

/** Routes the app's structure says belong together. */
export interface StructuralTie {
  /** What ties them. */
  kind: TieKind;
  /** The shared thing, as a reviewer reads it (`routes/users.js:4`, `controllers/users.js`, `/login`). */
  subject: string;
  /** Route ids, sorted, at least two. */
  routes: string[];
}

/** The last segment of a sign-in flow's return route (OAuth, SAML, OpenID Connect). */
const CALLBACK = /\/(?:callback|cb)$/;

/**
 * The structural ties among routes: a reviewer expects routes on one router, routes answered by
 * one controller module, a path's methods (a form's GET and POST) and a sign-in flow's start and
 * callback (they share one passport strategy and the session's state) in one function. Routes on
 * the root app itself are not tied by their file: that file is the app's wiring, not a feature.
 */
export function structuralTies(routes: readonly Route[]): StructuralTie[] {
  const groups = new Map<string, { kind: TieKind; subject: string; routes: Set<string> }>();
  const tie = (kind: TieKind, subject: string, ...ids: string[]): void => {
    const key = `${kind}\u0000${subject}`;
    const group = groups.get(key) ?? { kind, subject, routes: new Set<string>() };
    for (const id of ids) group.routes.add(id);
    groups.set(key, group);
  };
  const byPath = new Map<string, Route[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  const made = factoryMadeHandlers(routes);
  for (const route of routes) {
    if (route.router?.kind === 'router') tie('router', `${route.router.file}:${route.router.line}`, route.id);
    if (isControllerModule(route) && !made.has(site(route))) tie('controller', route.handler.file, route.id);
    tie('resource', route.path, route.id);
    const start = CALLBACK.test(route.path) ? byPath.get(route.path.replace(CALLBACK, '')) : undefined;
    if (start) tie('auth-flow', route.path.replace(CALLBACK, ''), route.id, ...start.map((r) => r.id));
  }
  return [...groups.values()]
    .filter((g) => g.routes.size >= 2)
    .map((g) => ({ kind: g.kind, subject: g.subject, routes: [...g.routes].sort() }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
}

/**
 * Handler sites two or more routes share: one function a factory returns for each call
 * (`asyncHandler(fn)`'s wrapper), not a controller those routes have in common. (One controller
 * function serving two paths is rare, and then the router or the path ties them anyway.)
 */
function factoryMadeHandlers(routes: readonly Route[]): Set<string> {
  const count = new Map<string, number>();
  for (const route of routes) count.set(site(route), (count.get(site(route)) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n > 1).map(([s]) => s));
}

function site(route: Route): string {
  return `${route.handler.file}:${route.handler.line}`;
}

/** A handler in its own module (`userController.getLogin`), not an inline one in the registering file. */
function isControllerModule(route: Route): boolean {
  return !!route.handler.file && route.handler.file !== route.file && route.handler.file !== route.entry;
}

/** How a tie reads in a function's reason. */
export function describeTie(tie: StructuralTie): string {
  switch (tie.kind) {
    case 'router':
      return `one router (${tie.subject})`;
    case 'controller':
      return `one controller (${tie.subject})`;
    case 'resource':
      return `the methods of ${tie.subject}`;
    case 'auth-flow':
      return `a sign-in flow (${tie.subject} and its callback)`;
  }
}
