/**
 * End to end over both samples, each a copy of the run's one split of it (test/support/shared-split.ts):
 * - `cleave verify` of every route of the plan's functions against the monolith, with API Gateway
 *   payload 2.0 events, using the verify section of the sample's cleave.config.yaml (payload 1.0,
 *   with the output folder inside the app, is samples-inside.test.ts);
 * - over HTTP: the generated serverless.yml served by serverless-offline 13 (Serverless
 *   Framework 3) on 127.0.0.1, every GET route of the functions requested from it and from the
 *   monolith, compared as verify compares; every process started is stopped, also on failure;
 * - a deliberately broken handler, which verify must catch.
 * Everything answers alike but for the known bugs of the generated code (test/support/known-gaps.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareResponses } from '../../verifier/compare';
import { sendHttp } from '../../verifier/http-request';
import { type RunningMonolith, startMonolith } from '../../verifier/monolith';
import { buildRequests } from '../../verifier/requests';
import { requestLine } from '../../verifier/run-verify';
import { OFFLINE_GAPS, unexplained } from '../support/known-gaps';
import { describeWithTestPostgres, useSampleDatabase } from '../support/sample-database';
import { expectSampleVerifiesAlike, sampleVerifyConfig } from '../support/sample-verify';
import { type RunningOffline, startOffline } from '../support/serverless-offline';
import { REPO, type SplitOutput, differences, functionRoutes, sampleSplitCopy, verifyRun } from '../support/verify-run';

const splits = new Map<string, SplitOutput>();
afterAll(() => {
  for (const split of splits.values()) split.remove();
});

describeWithTestPostgres('samples verified').each(['shop-api', 'library-js'] as const)('samples/%s', (sample) => {
  const appDir = path.join(REPO, 'samples', sample);
  useSampleDatabase(sample);
  const config = sampleVerifyConfig(appDir);
  const split = (): SplitOutput => splits.get(sample)!;

  beforeAll(async () => {
    splits.set(sample, await sampleSplitCopy(sample));
  }, 180_000);

  // Payload 1.0 (REST API) is verified with the output folder inside the app (samples-inside.test.ts).
  it('cleave verify exercises every function route, all alike but the known gaps (payload v2, output outside the app)', async () => {
    await expectSampleVerifiesAlike(sample, split(), 'v2');
  });

  it('cleave verify re-renders the report with a verification section', () => {
    const markdown = fs.readFileSync(path.join(split().outDir, 'SPLIT-REPORT.md'), 'utf8');
    expect(markdown).toContain('## Verification');
    expect(markdown).toMatch(/- Verified: \d+ requests over \d+ of \d+ function routes \(payload v2\): \d+ alike, \d+ different/);
    // The planner's whole-app warning (predicted before slicing) beside the function as built.
    expect(markdown).toMatch(/`BUNDLE_IS_WHOLE_APP` function \S+ bundles \d+% of the app: .* \(as built, sliced: \d+% of the app's own code, [\d.]+ MiB\)/);
    expect(fs.readFileSync(path.join(split().outDir, 'report.html'), 'utf8')).toContain('<h2 id="verification">Verification</h2>');
    const manifest = JSON.parse(fs.readFileSync(path.join(split().outDir, '.cleave-manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['SPLIT-REPORT.md', 'report.html', 'verification.json']));
  });

  it('serverless-offline answers every GET route of the functions over HTTP like the monolith', async () => {
    const plan = split().plan;
    const gets = functionRoutes(plan)
      .map((id) => plan.routes[id]!)
      .filter((r) => r.method === 'GET');
    const { requests } = buildRequests(gets, config);
    expect(new Set(requests.map((r) => r.route))).toEqual(new Set(gets.map((r) => r.id)));
    let offline: RunningOffline | undefined;
    let monolith: RunningMonolith | undefined;
    const found: string[] = [];
    try {
      [offline, monolith] = await Promise.all([startOffline(split().outDir), startMonolith(appDir, plan.app.entry[0]!, { output: () => undefined })]);
      for (const spec of requests) {
        const fromFunction = await sendHttp(offline.baseUrl, spec);
        const fromMonolith = await sendHttp(monolith.baseUrl, spec);
        // serverless-offline (hapi) adds `cache-control: no-cache` to an answer that has none; API Gateway does not.
        if (fromMonolith.headers['cache-control'] === undefined && fromFunction.headers['cache-control'] === 'no-cache')
          delete fromFunction.headers['cache-control'];
        const ignore = { bodyPaths: [...config.ignore.bodyPaths, ...(spec.ignoreBodyPaths ?? [])] };
        for (const d of compareResponses(fromMonolith, fromFunction, ignore)) found.push(`${requestLine(spec)}: ${d}`);
      }
    } finally {
      await Promise.all([offline?.stop(), monolith?.close()]);
    }
    expect(unexplained(found, OFFLINE_GAPS[sample]!)).toEqual({ lines: [], fixedGaps: [] });
  }, 90_000);
});

describeWithTestPostgres('a broken handler')('cleave verify with a deliberately broken handler', () => {
  useSampleDatabase('library-js');

  it('exits 1 and prints the route, the request and the difference', async () => {
    const split = splits.get('library-js')!;
    const fn = split.plan.functions.find((f) => f.routes.includes('GET /api/authors/:id'))!;
    // verify runs what Lambda runs, the bundle: wrap its handler so that the function answers one
    // request with another status and body than the monolith.
    const file = path.join(split.outDir, 'dist', 'functions', fn.id, 'handler.js');
    const source = fs.readFileSync(file, 'utf8');
    const broken = `${source}\nconst cleaveTestOriginal = module.exports.handler;\nmodule.exports = { handler: async (event, context) => ((event.rawPath ?? event.path) === '/api/authors/4' ? { statusCode: 418, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ broken: true }) } : cleaveTestOriginal(event, context)) };\n`;
    fs.writeFileSync(file, broken);

    const run = await verifyRun(split);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DIFF +\S+ +GET \/api\/authors\/4 +200 +418$/m);
    expect(run.stdout).toContain(
      `GET /api/authors/:id (GET /api/authors/4) in ${fn.id}:\n  status: monolith 200, function 418\n  body: $.id: monolith 4, function (absent)`,
    );
    expect(run.report.summary.mismatched).toBe(1);
    expect(differences(run.report)).toEqual([
      'GET /api/authors/4: status: monolith 200, function 418',
      expect.stringMatching(/^GET \/api\/authors\/4: body: /),
    ]);
    expect(fs.readFileSync(path.join(split.outDir, 'SPLIT-REPORT.md'), 'utf8')).toContain('### Differences');
  });
});
