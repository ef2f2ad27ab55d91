import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import type { SplitPlan } from '../../model/plan';
import { fixtureDir } from '../support/analyze-fixture';
import { configOf } from '../support/plan-fixtures';

// Found on node-express-mongoose-demo: each OAuth provider's start route and its callback, and a
// form's GET and POST, landed in different functions, though they share a passport strategy,
// the session and a page. Here every route sits on the root app; the start routes' handler is
// passport's, the callbacks' and the POSTs' live in another controller than the GETs'. An
// is-docker check reads /proc while a request writes uploads: no reason to keep anything.
describe('plan/structural-boundaries (oauth-forms-and-proc-read)', () => {
  const dir = fixtureDir('plan', 'oauth-forms-and-proc-read');
  let plan: SplitPlan;
  beforeAll(async () => {
    plan = await planSplit(await analyzeApp({ appDir: dir }), configOf());
  }, 60_000);

  const functionOf = (route: string) => plan.functions.find((f) => f.routes.includes(route))!;

  it('keeps nothing in the monolith: reading an OS file is no hazard', () => {
    expect(plan.keep).toEqual([]);
    expect(plan.hazards.filter((h) => h.code === 'LOCAL_FILE_READ_AT_REQUEST')).toEqual([]);
  });

  it.each([
    ['GET /auth/github', 'GET /auth/github/callback'],
    ['GET /auth/google', 'GET /auth/google/callback'],
    ['GET /login', 'POST /login'],
    ['GET /signup', 'POST /signup'],
  ])('%s and %s share one function', (a, b) => {
    expect(functionOf(a).id).toBe(functionOf(b).id);
  });

  it('says what holds the routes together', () => {
    expect(functionOf('GET /auth/github').reason).toContain('a sign-in flow (/auth/github and its callback)');
    expect(functionOf('GET /login').reason).toContain('one controller (controllers/session.js)');
  });

  it('a function of one route says why it is alone', () => {
    for (const fn of plan.functions.filter((f) => f.routes.length === 1)) expect(fn.reason).toMatch(/alone: /);
  });
});
