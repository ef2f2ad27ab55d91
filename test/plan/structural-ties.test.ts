import { structuralTies } from '../../planner/structural-ties';
import { featureTies } from '../../planner/tied-blocks';
import type { Route } from '../../model/analysis';
import { route } from '../support/plan-fixtures';

/** A route whose handler is the function at `handler:line` (distinct lines: distinct controller functions). */
function at(method: string, path: string, handler: string, line: number, routerFile?: string): Route {
  const r = route(method, path, { file: 'src/app.ts', handler });
  return { ...r, handler: { ...r.handler, line }, ...(routerFile ? { router: { file: routerFile, line: 3, mountPath: '/', kind: 'router' as const } } : {}) };
}

describe('plan/structural-ties', () => {
  it("ties a router, a controller module, a path's methods and a sign-in flow", () => {
    const ties = structuralTies([
      at('GET', '/login', 'src/users.ts', 1),
      at('POST', '/login', 'src/session.ts', 1),
      at('GET', '/auth/github', 'src/oauth.ts', 1),
      at('GET', '/auth/github/callback', 'src/session.ts', 5),
      at('GET', '/books', 'src/books.ts', 1, 'src/routes/books.ts'),
      at('GET', '/books/:id', 'src/books.ts', 9, 'src/routes/books.ts'),
    ]);
    expect(ties.map((t) => `${t.kind} ${t.subject}: ${t.routes.join(', ')}`)).toEqual([
      'auth-flow /auth/github: GET /auth/github, GET /auth/github/callback',
      'controller src/books.ts: GET /books, GET /books/:id',
      'controller src/session.ts: GET /auth/github/callback, POST /login',
      'resource /login: GET /login, POST /login',
      'router src/routes/books.ts:3: GET /books, GET /books/:id',
    ]);
  });

  it("one handler site serving several routes is a factory's wrapper (asyncHandler), not a controller", () => {
    const ties = structuralTies([at('GET', '/a', 'src/lib/async-handler.ts', 14), at('GET', '/b', 'src/lib/async-handler.ts', 14)]);
    expect(ties).toEqual([]);
  });

  it('a route ending in /return or /redirect is no sign-in callback', () => {
    expect(structuralTies([at('GET', '/loans/:id', 'src/a.ts', 1), at('POST', '/loans/:id/return', 'src/b.ts', 1)])).toEqual([]);
  });

  it('a tie over most routes of a large app is plumbing, not a feature', () => {
    const routes = Array.from({ length: 30 }, (_, i) => at('GET', `/r${i}`, 'src/crud.ts', i + 1));
    expect(structuralTies(routes)).toHaveLength(1);
    expect(featureTies(routes)).toEqual([]);
    expect(featureTies(routes.slice(0, 10))).toHaveLength(1);
  });
});
