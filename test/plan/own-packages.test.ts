import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import { splitByOwnPackages } from '../../planner/own-packages';
import type { SplitPlan } from '../../model/plan';
import { fixtureDir } from '../support/analyze-fixture';
import { configOf } from '../support/plan-fixtures';

// Found on express-rest-boilerplate: its auth router holds the sign-in routes and the password
// reset, which alone brings a mailer and its templates (half the bundle). Routes that alone use
// some packages are a function of their own; the generators copy the controller they share
// without the other's handlers, so neither function bundles the other's packages.
describe('plan/own-packages (packages-only-some-routes-use)', () => {
  let plan: SplitPlan;
  beforeAll(async () => {
    plan = await planSplit(await analyzeApp({ appDir: fixtureDir('plan', 'packages-only-some-routes-use') }), configOf());
  }, 60_000);

  const functionOf = (route: string) => plan.functions.find((f) => f.routes.includes(route))!;

  it('splits the routes that alone use the mailer off their router, saying why', () => {
    const reset = functionOf('POST /auth/send-reset');
    expect(reset.routes).toEqual(['POST /auth/reset', 'POST /auth/send-reset']);
    expect(reset.id).toBe('auth-reset');
    expect(reset.reason).toContain('split off the routes it is tied to: only they use nodemailer among them, so no other function bundles it');
    expect(functionOf('POST /auth/login').routes).toEqual(['POST /auth/login', 'POST /auth/register']);
  });

  it('does not split for a package the boot code loads in every function anyway', () => {
    // http-errors: only `show` uses it among the users routes, but the app's error handler imports it.
    expect(functionOf('GET /users').routes).toEqual(['GET /users', 'GET /users/:id']);
    expect(functionOf('GET /users').reason).not.toContain('split off');
  });
});

describe('plan/own-packages splitByOwnPackages', () => {
  const users = new Map([
    ['nodemailer', new Set(['a', 'b'])],
    ['pdfkit', new Set(['c', 'z'])], // also used by a route outside the group
  ]);
  it('splits off a cluster holding every user of a package, keeps the rest together', () => {
    expect(splitByOwnPackages([['a'], ['b'], ['c'], ['d']], users)).toEqual({
      groups: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      splits: [{ routes: ['a', 'b'], packages: ['nodemailer'] }],
    });
  });
  it('keeps parts whole, and a group that is one cluster as it is', () => {
    expect(splitByOwnPackages([['a', 'd'], ['b'], ['c']], users).groups).toEqual([['a', 'b', 'd'], ['c']]);
    expect(splitByOwnPackages([['a'], ['b']], users)).toEqual({ groups: [['a', 'b']], splits: [] });
  });
});
