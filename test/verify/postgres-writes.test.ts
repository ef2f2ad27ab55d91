/**
 * Real parts: test/fixtures/verify/postgres-writes (Express and `pg`) on a database of its own on
 * the PostgreSQL the run starts (test/support/global-setup.ts). Split, then verified side
 * after side with verify.setup and verify.reset recreating the table: the POST that creates a row,
 * the same POST refused, the PATCH and the reads answer alike, timestamps and UUIDs compared by
 * shape. Without PostgreSQL (Debian's postgresql package; .ci/run installs it) the test fails in
 * CI and is skipped, saying so, elsewhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWithTestPostgres, freshDatabase, useDatabase } from '../support/sample-database';
import { REPO, type SplitOutput, differences, splitIntoTemp, verifyRun } from '../support/verify-run';

const APP = path.join(REPO, 'test', 'fixtures', 'verify', 'postgres-writes');
const TITLE = 'verify on PostgreSQL, side after side with a reset';

describeWithTestPostgres(TITLE)(TITLE, () => {
  let split: SplitOutput | undefined;
  // A database of its own on the run's server: verify's hooks, the monolith and the functions get this process's environment.
  useDatabase(() => freshDatabase('postgres_writes'));

  beforeAll(async () => {
    split = await splitIntoTemp(APP);
  }, 120_000);

  afterAll(() => split?.remove());

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
