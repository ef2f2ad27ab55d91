/**
 * Real parts: test/fixtures/verify/postgres-writes (Express and `pg`) on a PostgreSQL this test
 * starts (initdb into a temporary folder, a loopback port) and stops. Split, then verified side
 * after side with verify.setup and verify.reset recreating the table: the POST that creates a row,
 * the same POST refused, the PATCH and the reads answer alike, timestamps and UUIDs compared by
 * shape. Without PostgreSQL (Debian's postgresql package; .ci/run installs it) the test fails in
 * CI and is skipped, saying so, elsewhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, type SplitOutput, differences, splitIntoTemp, verifyRun } from '../support/verify-run';
import { type TestPostgres, postgresBinDir, startPostgres } from '../support/postgres';

const APP = path.join(REPO, 'test', 'fixtures', 'verify', 'postgres-writes');
const bin = postgresBinDir();
const MISSING =
  'PostgreSQL is not installed: no initdb/pg_ctl on PATH or under /usr/lib/postgresql/<version>/bin (apt-get install -y postgresql; .ci/run installs it)';
if (!bin && !process.env.CI) console.warn(`SKIPPED verify postgres-writes test: ${MISSING}`);
const describePg = bin || process.env.CI ? describe : describe.skip;

describePg('verify on PostgreSQL, side after side with a reset', () => {
  let pg: TestPostgres | undefined;
  let split: SplitOutput | undefined;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    if (!bin) throw new Error(MISSING);
    pg = await startPostgres(bin);
    // verify's hooks, the monolith and the functions get this process's environment.
    process.env.DATABASE_URL = pg.url;
    split = await splitIntoTemp(APP);
  }, 120_000);

  afterAll(() => {
    split?.remove();
    pg?.stop();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  });

  it('answers alike, writes included, reporting the volatile fields it left out', async () => {
    const run = await verifyRun(split!);
    expect(differences(run.report)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.mode).toBe('sides');
    const byRequest = run.report.results.map((r) => [r.request, r.monolithStatus, r.functionStatus]);
    expect(byRequest).toEqual([
      ['GET /users', 200, 200],
      ['POST /users', 201, 201],
      ['POST /users', 409, 409],
      ['PATCH /users/3', 200, 200],
      ['GET /users/3', 200, 200],
      ['GET /users/99', 404, 404],
    ]);
    // Each side created user 3 once; its token and timestamps differ by nature and are listed.
    const created = run.report.results[1]!;
    expect(created.ignored).toEqual(expect.arrayContaining(['$.token (uuid)', '$.created_at (iso-timestamp)']));
    expect(run.report.ignore).toEqual({ bodyPaths: [], values: ['iso-timestamp', 'uuid'], headers: [] });
    expect(run.report.warnings).toBeUndefined();
    expect(fs.readFileSync(path.join(split!.outDir, 'SPLIT-REPORT.md'), 'utf8')).toContain('`$.token (uuid)`');
  }, 120_000);

  it('without the reset, interleaved on one database, the second write of each request differs', async () => {
    const config = path.join(split!.outDir, 'interleaved.config.yaml');
    const original = fs.readFileSync(path.join(APP, 'cleave.config.yaml'), 'utf8');
    fs.writeFileSync(config, original.replace(/^ {2}reset: .*$/m, '  mode: interleaved'));
    const run = await verifyRun(split!, '--config', config);
    expect(run.code).toBe(1);
    expect(run.report.mode).toBe('interleaved');
    // The function's POST repeats the monolith's: the email is taken.
    expect(differences(run.report)).toContain('POST /users: status: monolith 201, function 409');
  }, 120_000);
});
