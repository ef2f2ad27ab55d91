import { emitHandler } from '../../generators/handlers/emit-handler';
import { planMounts } from '../../generators/handlers/mount-plan';
import type { Middleware } from '../../model/analysis';
import { ERRORS, genPlan, genRoute, JSON_BODY, ROOT, router } from '../support/generator-plan';

const API = router('src/routes/index.ts', '/api', 'apiRouter');
const USERS = router('src/routes/users.ts', '/api/users', 'default');
const HIDDEN = router('src/routes/books.ts', '/api/books');
const NO_STORE: Middleware = {
  name: 'noStore',
  file: 'src/routes/index.ts',
  line: 9,
  scope: 'router',
  source: 'function noStore(req, res, next) { next(); }',
  sourceFile: 'src/routes/index.ts',
  level: 1,
};

// How a handler reproduces each route: the deepest importable router whose outer chain it can
// rebuild, else the whole app, else nothing (the fallback route sends it to the monolith).
describe('generators/handlers mount plan', () => {
  it('mounts the exported router itself behind the rebuilt app chain and error handler', () => {
    const plan = genPlan([genRoute('GET', '/api/users', [ROOT, API, USERS])], { users: ['GET /api/users'] });
    const [mount] = planMounts(plan, plan.functions[0]!).mounts;
    expect(mount).toMatchObject({ level: 2, target: USERS, before: [JSON_BODY], after: [ERRORS], settings: ROOT.settings });
  });

  it('takes the app instead when a module above the router does at boot what the routes need, not for a job the platform replaces', () => {
    const plan = genPlan([genRoute('GET', '/api/users', [ROOT, API, USERS])], { users: ['GET /api/users'] });
    const strategy = { file: ROOT.file, line: 12, endLine: 12, text: "passport.use('jwt', strategy);", sources: [{ package: 'passport' }], global: false };
    const job = { ...strategy, line: 14, endLine: 14, text: 'startSweep();' };
    const [viaApp] = planMounts(plan, plan.functions[0]!, new Map([[ROOT.file, [strategy]]])).mounts;
    expect(viaApp).toMatchObject({ level: 0, target: ROOT });
    expect(planMounts(plan, plan.functions[0]!, new Map([[ROOT.file, [strategy]]])).wholeApp[0]!.reason).toContain(
      "src/app.ts:12 runs `passport.use('jwt', strategy);` at boot, which importing router of src/routes/users.ts",
    );
    plan.hazards.push({
      code: 'TIMER_AT_BOOT',
      severity: 'warning',
      file: 'src/jobs/sweep.ts',
      line: 3,
      message: 'timer',
      routes: [],
      advice: 'schedule it',
      startedAt: { file: ROOT.file, line: 14 },
    });
    expect(planMounts(plan, plan.functions[0]!, new Map([[ROOT.file, [job]]])).mounts[0]).toMatchObject({ level: 2, target: USERS });
  });

  it('goes up to the router whose own middleware cannot be rebuilt (an inline function)', () => {
    const plan = genPlan([genRoute('GET', '/api/users', [ROOT, API, USERS], [JSON_BODY, NO_STORE])], { users: ['GET /api/users'] });
    const { mounts, wholeApp } = planMounts(plan, plan.functions[0]!);
    expect(mounts.map((m) => [m.level, m.target.file, m.before])).toEqual([[1, 'src/routes/index.ts', [JSON_BODY]]]);
    expect(wholeApp).toEqual([]);
  });

  it('falls back to the whole app (made by its factory) for a router built inside a function, for every route of the function', () => {
    const plan = genPlan([genRoute('GET', '/api/books', [ROOT, HIDDEN]), genRoute('GET', '/api/users', [ROOT, API, USERS])], {
      mixed: ['GET /api/books', 'GET /api/users'],
    });
    const result = planMounts(plan, plan.functions[0]!);
    expect(result.mounts.map((m) => [m.level, m.routes.map((r) => r.id)])).toEqual([[0, ['GET /api/books', 'GET /api/users']]]);
    expect(result.wholeApp).toEqual([
      { route: 'GET /api/books', reason: expect.stringContaining('src/routes/books.ts:3 is built inside a function and not exported') },
      { route: 'GET /api/users', reason: expect.stringContaining('another route of the function (GET /api/books) needs the whole app') },
    ]);
  });

  it('leaves a route out when neither its router nor the root app can be imported', () => {
    const root = { ...ROOT, factory: undefined };
    const plan = genPlan([genRoute('GET', '/api/books', [root, HIDDEN])], { books: ['GET /api/books'] });
    expect(planMounts(plan, plan.functions[0]!)).toMatchObject({
      mounts: [],
      omitted: [{ route: 'GET /api/books', reason: expect.stringContaining('neither exported nor made by an exported factory') }],
    });
  });

  it('serves a conditionally registered route through the whole app, which decides at run time', () => {
    const plan = genPlan(
      [genRoute('GET', '/debug', [ROOT, router('src/routes/debug.ts', '/debug', 'default')], [JSON_BODY], { conditional: "config.env !== 'production'" })],
      { debug: ['GET /debug'] },
    );
    expect(planMounts(plan, plan.functions[0]!).mounts[0]!.level).toBe(0);
  });

  it('does not combine middleware sources that bind the same name to different modules', () => {
    const a: Middleware = {
      ...JSON_BODY,
      name: 'limit(config.a)',
      source: 'limit(config.a)',
      imports: [
        { local: 'config', imported: 'config', file: 'src/a.ts' },
        { local: 'limit', imported: 'limit', file: 'src/limit.ts' },
      ],
    };
    const b: Middleware = {
      ...a,
      source: 'limit(config.b)',
      sourceFile: 'src/routes/index.ts',
      level: 1,
      imports: [
        { local: 'config', imported: 'default', file: 'src/b.ts' },
        { local: 'limit', imported: 'limit', file: 'src/limit.ts' },
      ],
    };
    const plan = genPlan([genRoute('GET', '/api/users', [ROOT, API, USERS], [a, b])], { users: ['GET /api/users'] });
    const [mount] = planMounts(plan, plan.functions[0]!).mounts;
    expect(mount!.level).toBe(1); // b comes with its router; only a is rebuilt
  });

  it('emits the chain, the mount and the guard as code', () => {
    const plan = genPlan([genRoute('GET', '/api/users', [ROOT, API, USERS]), genRoute('GET', '/api/users/:id', [ROOT, API, USERS])], {
      users: ['GET /api/users', 'GET /api/users/:id'],
    });
    const fn = plan.functions[0]!;
    const text = emitHandler({ plan, fn, mounts: planMounts(plan, fn), site: { file: 'functions/users/handler.ts', appDir: '..' }, notes: [] });
    expect(text).toContain("import users from '../../../src/routes/users';");
    expect(text).toContain("import { errorHandler } from '../../../src/errors';");
    expect(text).toContain("import { createHandler, onlyRoutes, routeAsyncErrorsToNext, type RouteSpec } from '../_cleave/runtime';");
    expect(text).toContain("  { method: 'GET', path: '/api/users/:id' },\n");
    expect(text).toMatch(
      /const viaUsers = express\.Router\(\);\nviaUsers\.use\(express\.json\(\)\);\nviaUsers\.use\('\/api\/users', users\);\nviaUsers\.use\(errorHandler\);\n/,
    );
    expect(text).toContain("app.set('trust proxy', 1);");
    expect(text).toContain('app.use(onlyRoutes(usersRoutes, viaUsers));');
    expect(text).toMatch(/export const handler = createHandler\(app\);\n$/);
  });
});
