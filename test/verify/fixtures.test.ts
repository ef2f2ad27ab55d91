/**
 * Small apps under test/fixtures/verify/<case>/, each split and verified end to end: binary
 * bodies, several cookies on one response, query strings, an API stage in the path, and the
 * express-generator layout (the server started by an extensionless bin/www).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, type SplitOutput, differences, splitIntoTemp, verifyRun } from '../support/verify-run';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'verify');
const splits = new Map<string, SplitOutput>();

async function splitCase(name: string): Promise<SplitOutput> {
  const split = await splitIntoTemp(path.join(FIXTURES, name));
  splits.set(name, split);
  return split;
}

afterAll(() => {
  for (const split of splits.values()) split.remove();
});

describe.each(['cookies', 'query'])('fixture %s', (name) => {
  it.each(['v2', 'v1'])('answers alike with payload %s', async (payload) => {
    const split = splits.get(name) ?? (await splitCase(name));
    const run = await verifyRun(split, '--payload', payload);
    expect(differences(run.report)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.summary.exercised).toBe(run.report.summary.routes);
  });
});

describe('fixture generator-bin-www', () => {
  it("starts the monolith from bin/www, which the plan's entry app.js never does, and answers alike", async () => {
    const run = await verifyRun(await splitCase('generator-bin-www'));
    expect(differences(run.report)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.summary.exercised).toBe(run.report.summary.routes);
  });
});

describe('the report of a verified split', () => {
  it('is left alone, with a warning, when it was edited since cleave wrote it; verify still reports', async () => {
    const split = splits.get('query') ?? (await splitCase('query'));
    const report = path.join(split.outDir, 'SPLIT-REPORT.md');
    fs.appendFileSync(report, '\nOur own notes.\n');
    const edited = fs.readFileSync(report, 'utf8');
    const run = await verifyRun(split);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^cleave: verify: warning: the report was not updated: .*SPLIT-REPORT\.md was edited since cleave wrote it/m);
    expect(fs.readFileSync(report, 'utf8')).toBe(edited);
    expect(run.report.summary.mismatched).toBe(0);
  });
});

describe('fixture binary', () => {
  it.each(['v2', 'v1'])('images and octet-streams sent as Buffers come back byte for byte (payload %s)', async (payload) => {
    const split = splits.get('binary') ?? (await splitCase('binary'));
    const run = await verifyRun(split, '--payload', payload);
    const byRequest = new Map(run.report.results.map((r) => [r.request, r]));
    expect(byRequest.get('GET /images/pixel.png')).toMatchObject({ monolithStatus: 200, functionStatus: 200, differences: [] });
    expect(byRequest.get('GET /images/missing.png')).toMatchObject({ monolithStatus: 404, functionStatus: 404, differences: [] });
    // The adapter base64-encodes only image/* by default; the generated handler lists the other
    // binary types, so an application/octet-stream body survives API Gateway too.
    expect(byRequest.get('GET /download/bytes')).toMatchObject({ monolithStatus: 200, functionStatus: 200, differences: [] });
    expect(run.code).toBe(0);
  });
});

describe('fixture stage (--stage prod)', () => {
  it('payload 1.0 (REST API): the stage is only in requestContext.path, and the function answers alike', async () => {
    const split = splits.get('stage') ?? (await splitCase('stage'));
    const run = await verifyRun(split, '--payload', 'v1', '--stage', 'prod');
    expect(differences(run.report)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(payload v1, stage prod)');
  });

  it('payload 2.0 (HTTP API, named stage): the generated handler does not strip /prod from rawPath', async () => {
    // Known gap (reported to generators/): createHandler passes rawPath as is, so /prod/api/hello
    // reaches Express and no route matches. Once the handler strips the stage (or a base path),
    // this run answers alike: assert run.code 0 and no differences instead.
    const split = splits.get('stage') ?? (await splitCase('stage'));
    const run = await verifyRun(split, '--payload', 'v2', '--stage', 'prod');
    expect(run.code).toBe(1);
    expect(run.report.results.map((r) => [r.request, r.monolithStatus, r.functionStatus]).sort()).toEqual([
      ['GET /api/hello', 200, 404],
      ['GET /api/hello/world', 200, 404],
    ]);
  });
});
