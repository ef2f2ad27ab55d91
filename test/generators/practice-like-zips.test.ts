import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareResponses } from '../../verifier/compare';
import { sendHttp } from '../../verifier/http-request';
import { observeLambda } from '../../verifier/lambda-response';
import type { ObservedResponse, RequestSpec } from '../../verifier/request-spec';
import { REPO } from '../../scripts/golden';
import { type ServedApp, serveExportedApp } from '../support/exported-app';
import { run } from '../support/pack-install';
import { type PackagedService, httpRouteKeys, invokeFromZip, lambdaOf, packageService, requestOf } from '../support/packaged-zips';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'extraction', 'practice-like-app');

/** Every route of the fixture, as HTTP API route keys: none may stay in the monolith. */
const ROUTE_KEYS = [
  'GET /',
  'GET /login',
  'POST /users/session',
  'GET /articles',
  'GET /articles/{id}',
  'GET /api/v1/health',
  'GET /api/v1/articles',
  'GET /api/v1/articles/{id}',
  'GET /api/v1/me',
];

interface BundlesJson {
  bundles: Array<{ id: string; kind: string; extraction?: { kind: string; reason: string } }>;
}

// The acceptance test of "what Lambda runs must load" on an app written the way popular Express
// demos and boilerplates are (dotenv + Joi config, models required from a folder listing, passport,
// pug views, an API router built by a function, handlers on the root app, data read from disk per
// request), installed from its lockfile outside this repository: split, `serverless package`,
// unzip each function, require its handler with only the template's environment, and answer
// like the monolith does with that same environment.
describe('a practice-like Express app: packaged functions answer like the monolith', () => {
  let tmp: string;
  let app: string;
  let out: string;
  let service: PackagedService;
  let monolith: ServedApp | undefined;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-practice-'));
    app = path.join(tmp, 'app');
    out = path.join(app, 'functions');
    fs.cpSync(FIXTURE, app, { recursive: true, filter: (source) => !path.relative(FIXTURE, source).split(path.sep).includes('node_modules') });
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], app);
    const split = await runCli('--quiet', 'split', app, '-o', out, '--format', 'json');
    if (split.code !== 0) throw new Error(`cleave split exited ${split.code}:\n${split.stdout}\n${split.stderr}`);
    service = await packageService(out);
    monolith = await serveExportedApp(path.join(app, 'server.js'), app, functionsEnv(service));
  }, 240_000);

  afterAll(async () => {
    await monolith?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('moves every route of the app into a function', () => {
    expect(service.functions.flatMap(([, fn]) => httpRouteKeys(fn)).sort()).toEqual([...ROUTE_KEYS].sort());
    expect(service.lambdas.length).toBe(service.functions.length);
  });

  it('builds every function from imported routers or sliced copies, never the whole app', () => {
    const { bundles } = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as BundlesJson;
    const functions = bundles.filter((b) => b.kind === 'function');
    expect(functions.map((b) => b.id).sort()).toEqual(service.functions.map(([name]) => name).sort());
    expect(functions.filter((b) => b.extraction?.kind === 'whole-app').map((b) => `${b.id}: ${b.extraction?.reason}`)).toEqual([]);
    expect(functions.filter((b) => !b.extraction).map((b) => b.id)).toEqual([]);
  });

  it('every function loads from its unzipped artifact and answers each of its GET routes like the monolith', async () => {
    const failures: string[] = [];
    const invoked = new Set<string>();
    for (const [name, fn] of service.functions) {
      const requests = httpRouteKeys(fn)
        .filter((k) => k.startsWith('GET '))
        .map(requestOf);
      const invocation = await invokeFromZip(path.join(out, '.serverless', `${name}.zip`), lambdaOf(service, fn), requests);
      if (invocation.error) {
        failures.push(`${name}: failed to load: ${invocation.error}`);
        continue;
      }
      for (const [i, request] of requests.entries()) {
        const answer = invocation.answers[i];
        if (!answer?.result) {
          failures.push(`${name} ${request.route}: threw ${answer?.error ?? '(no answer)'}`);
          continue;
        }
        invoked.add(name);
        const expected = await sendHttp(monolith!.baseUrl, request);
        const got = observeLambda(answer.result);
        // Both sides failing alike would compare equal: the monolith must really serve the route.
        if (expected.status >= 500 || expected.status === 404)
          failures.push(`${request.route}: the monolith answered ${expected.status}: ${expected.body.toString('utf8').slice(0, 200)}`);
        const differences = compareResponses(expected, got, { bodyPaths: [] });
        if (differences.length > 0)
          failures.push(`${name} ${request.method} ${request.path} (${got.status} ${got.contentType}, ${got.body.length} bytes): ${differences.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect([...invoked].sort()).toEqual(
      service.functions
        .filter(([, fn]) => httpRouteKeys(fn).length > 0)
        .map(([name]) => name)
        .sort(),
    );
  }, 120_000);

  it('signs in through the local strategy in its function, and the bearer token it gives opens GET /api/v1/me in another, as in the monolith', async () => {
    const json = { 'content-type': 'application/json' };
    const signIn = (password: string): RequestSpec => ({
      ...requestOf('POST /users/session'),
      headers: json,
      body: JSON.stringify({ email: 'ada@example.com', password }),
    });
    const sessions = await answersOf('POST /users/session', [signIn('analytical'), signIn('wrong')]);
    const token = (JSON.parse(sessions[0]!.function.body.toString('utf8')) as { token?: string }).token;
    expect(token).toEqual(expect.any(String));
    const me = await answersOf('GET /api/v1/me', [{ ...requestOf('GET /api/v1/me'), headers: { authorization: `Bearer ${token}` } }]);
    expect(
      [...sessions, ...me].map((a) => [
        a.request.method,
        a.request.path,
        a.monolith.status,
        ...compareResponses(a.monolith, a.function, { bodyPaths: ['token'] }),
      ]),
    ).toEqual([
      ['POST', '/users/session', 200],
      ['POST', '/users/session', 401],
      ['GET', '/api/v1/me', 200],
    ]);
  }, 60_000);

  /** The answers of the function serving `routeKey` (from its unzipped artifact) and of the monolith, to the same requests. */
  async function answersOf(
    routeKey: string,
    requests: RequestSpec[],
  ): Promise<Array<{ request: RequestSpec; monolith: ObservedResponse; function: ObservedResponse }>> {
    const [name, fn] = service.functions.find(([, f]) => httpRouteKeys(f).includes(routeKey)) ?? [];
    if (!name || !fn) throw new Error(`no function serves ${routeKey}`);
    const invocation = await invokeFromZip(path.join(out, '.serverless', `${name}.zip`), lambdaOf(service, fn), requests);
    if (invocation.error) throw new Error(`${name} failed to load: ${invocation.error}`);
    return Promise.all(
      requests.map(async (request, i) => {
        const result = invocation.answers[i]?.result;
        if (!result) throw new Error(`${name} ${request.method} ${request.path} threw ${invocation.answers[i]?.error ?? '(no answer)'}`);
        return { request, monolith: await sendHttp(monolith!.baseUrl, request), function: observeLambda(result) };
      }),
    );
  }
});

/**
 * PATH and the variables the template gives the functions (all of them: they agree on values, as
 * they come from one deploying shell), so the monolith boots with what a function boots with.
 */
function functionsEnv(service: PackagedService): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' };
  for (const lambda of service.lambdas) Object.assign(env, lambda.Properties.Environment?.Variables ?? {});
  return env;
}
