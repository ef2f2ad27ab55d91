import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import type { SplitPlan } from '../../model/plan';
import { fixtureDir } from '../support/analyze-fixture';
import { configOf } from '../support/plan-fixtures';

// Found on node-express-mongoose-demo: one users controller answers the account pages and every
// OAuth provider's flow, so the clustering put them in one function that bundled every
// provider's strategy and package (87% of the app's own code, where each flow alone needs 71%).
// A provider's sign-in flow whose strategy no other route of the group uses is a function of
// its own: slicing then leaves the other providers' strategies out of every function.
describe('plan/sign-in-flows (sign-in-flows-per-provider)', () => {
  let plan: SplitPlan;
  beforeAll(async () => {
    plan = await planSplit(await analyzeApp({ appDir: fixtureDir('plan', 'sign-in-flows-per-provider') }), configOf());
  }, 60_000);

  const functionOf = (route: string) => plan.functions.find((f) => f.routes.includes(route))!;

  it('gives the Google flow, whose strategy no other route uses, a function of its own, saying why', () => {
    expect(functionOf('GET /auth/google').routes).toEqual(['GET /auth/google', 'GET /auth/google/callback']);
    expect(functionOf('GET /auth/google').reason).toContain(
      "a function of its own: no other route authenticates with its passport strategy 'google' (passport-google-oauth20), so no other function bundles it",
    );
  });

  it('keeps the GitHub flow with the profile route that authenticates with GitHub too', () => {
    expect(functionOf('GET /auth/github').id).toBe(functionOf('GET /profile/link/github').id);
    expect(functionOf('GET /auth/github').reason).not.toContain('a function of its own');
  });

  it('keeps the account pages and the local sign-in together', () => {
    expect(functionOf('POST /users/session').id).toBe(functionOf('GET /login').id);
    expect(functionOf('GET /logout').id).toBe(functionOf('GET /login').id);
    expect(functionOf('GET /login').routes).not.toContain('GET /auth/google');
  });
});
