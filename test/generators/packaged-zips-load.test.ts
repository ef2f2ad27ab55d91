import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithTestPostgres, freshSampleDatabase } from '../support/sample-database';
import { copyOfSharedSplit } from '../support/shared-split';
import { type PackagedService, httpRouteKeys, invokeFromZip, lambdaOf, packageService, requestOf } from '../support/packaged-zips';

// What a platform engineer does with cleave's output: `serverless package`, unzip each function's
// artifact, require its handler from the unzipped folder (Lambda's /var/task, nothing else
// around it) with only the environment the template sets, and send it one request of its own.
// The output folder lies outside this repository, so nothing resolves from the checkout. The
// sample's data lives in PostgreSQL: the template names DATABASE_URL, given at package time.
const TITLE = 'packaged functions load from their zip (shop-api)';
describeWithTestPostgres(TITLE)(TITLE, () => {
  let out: string;
  let removeCopy: (() => void) | undefined;
  let service: PackagedService;

  beforeAll(async () => {
    // A copy of the run's shared split of the sample (`serverless package` writes .serverless/ into it).
    const copy = await copyOfSharedSplit('shop-api', 'zips');
    removeCopy = copy.remove;
    out = copy.outDir;
    service = await packageService(out, { DATABASE_URL: await freshSampleDatabase('shop-api') });
  }, 240_000);

  afterAll(() => removeCopy?.());

  it('packages one artifact per function, outside the repository', () => {
    expect(service.functions.length).toBeGreaterThanOrEqual(3);
    expect(service.lambdas.length).toBe(service.functions.length);
    for (const [name] of service.functions) expect(fs.existsSync(path.join(out, '.serverless', `${name}.zip`))).toBe(true);
  });

  it('every function loads from its unzipped artifact and answers a request of its own routes (no 5xx, not a miss)', async () => {
    const answers: string[] = [];
    for (const [name, fn] of service.functions) {
      const keys = httpRouteKeys(fn);
      const key = keys.find((k) => k.startsWith('GET ')) ?? keys[0];
      const invocation = await invokeFromZip(path.join(out, '.serverless', `${name}.zip`), lambdaOf(service, fn), key ? [requestOf(key)] : []);
      const error = invocation.error ?? invocation.answers[0]?.error;
      const statusCode = key ? invocation.answers[0]?.result?.statusCode : 0;
      answers.push(
        `${name} ${key ?? '(scheduled: required only)'}: ${error ? `failed ${error.split('\n')[0]}` : statusCode! >= 500 || statusCode === 404 ? `answered ${statusCode}` : `ok ${statusCode}`}`,
      );
    }
    expect(answers.filter((a) => !/: ok \d+$/.test(a))).toEqual([]);
    // every HTTP function was sent a request, not only required
    expect(answers.filter((a) => a.includes('(scheduled')).length).toBe(service.functions.filter(([, f]) => !(f.events ?? []).some((e) => e.httpApi)).length);
  }, 180_000);
});
