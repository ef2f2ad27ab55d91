import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandResult, type ResultFinding } from '../../model/command-result';
import { parseAnalysisText, readPlanSync } from '../../cli/plan-loader';
import { planHasErrors } from '../../cli/plan-outcome';
import { planFindings } from '../../cli/reporters/command-json';
import { COMMAND_RESULT_SCHEMA_PATH, commandResultJsonSchemaText } from '../../model/json-schemas';
import { ANALYSIS_FILE, PLAN_FILE } from '../../model/output-files';
import { goldenDir, sampleDir } from '../../scripts/golden';
import { makeTemp, removeTemp } from '../support/bad-input';
import { jsonSchemaValidator } from '../support/json-schema';
import { runCli } from '../support/run-cli';

// `--format json` on plan, generate, split and verify: one result object on stdout, valid against
// schema/command-result.schema.json (generated from model/command-result.ts), whose exitCode is
// the exit code, with the findings' codes and the files written.
describe('--format json results', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('command-json');
  });
  afterAll(() => removeTemp(dir));
  const schemaProblems = jsonSchemaValidator(commandResultJsonSchemaText());
  /** The result object, after checking it against the committed JSON Schema as a CI job would. */
  const parse = (stdout: string): CommandResult => {
    const value: unknown = JSON.parse(stdout);
    expect(schemaProblems(value)).toEqual([]);
    return CommandResult.parse(value);
  };

  it('schema/command-result.schema.json is the schema generated from the model (npm run schema)', () => {
    expect(fs.readFileSync(path.join(__dirname, '..', '..', COMMAND_RESULT_SCHEMA_PATH), 'utf8')).toBe(commandResultJsonSchemaText());
  });

  it('plan -o --format json: the counts, findings with codes, the plan and analysis written', async () => {
    const run = await runCli('--quiet', 'plan', sampleDir('shop-api'), '-o', path.join(dir, 'plan', PLAN_FILE), '--format', 'json');
    const result = parse(run.stdout);
    expect(result).toEqual(expect.objectContaining({ command: 'plan', exitCode: run.code }));
    expect(result.files.written).toEqual([ANALYSIS_FILE, PLAN_FILE]);
    expect(result.summary).toEqual(expect.objectContaining({ routes: 64, functions: expect.any(Number), kept: expect.any(Number) }));
    // The websocket server's routes stay in the monolith: the plan resolves the hazard, so it is a
    // warning here (analyze, which places nothing, reports it as an error), and exit 0 has no error.
    expect(result.findings.find((f) => f.code === 'WEBSOCKET_SERVER')).toEqual(
      expect.objectContaining({ severity: 'warning', advice: expect.stringMatching(/^no function serves a route it affects/) }),
    );
    expect({ exitCode: result.exitCode, errors: result.findings.filter((f) => f.severity === 'error') }).toEqual({ exitCode: 0, errors: [] });
  }, 60_000);

  it('a hazard the plan resolves by keeping its routes is a warning; moved into a function it is an error, and the plan fails', () => {
    const { plan } = readPlanSync(path.join(goldenDir('shop-api'), PLAN_FILE));
    const analysis = parseAnalysisText(fs.readFileSync(path.join(goldenDir('shop-api'), ANALYSIS_FILE), 'utf8'), ANALYSIS_FILE);
    const sse = (findings: ResultFinding[]) => findings.find((f) => f.code === 'SERVER_SENT_EVENTS')?.severity;
    expect({ severity: sse(planFindings(analysis, plan)), fails: planHasErrors(analysis, plan) }).toEqual({ severity: 'warning', fails: false });
    const streamed = plan.keep.find((k) => k.reason.startsWith('SERVER_SENT_EVENTS'))!.route;
    const moved = {
      ...plan,
      keep: plan.keep.filter((k) => k.route !== streamed),
      functions: plan.functions.map((f, i) => (i === 0 ? { ...f, routes: [...f.routes, streamed] } : f)),
    };
    expect({ severity: sse(planFindings(analysis, moved)), fails: planHasErrors(analysis, moved) }).toEqual({ severity: 'error', fails: true });
  });

  it('generate --check --format json: nothing changed on fresh output, exit 0', async () => {
    const out = path.join(dir, 'gen');
    fs.mkdirSync(out);
    for (const f of [PLAN_FILE, ANALYSIS_FILE]) fs.copyFileSync(path.join(goldenDir('shop-api'), f), path.join(out, f));
    const first = parse((await runCli('--quiet', 'generate', sampleDir('shop-api'), '-o', out, '--no-bundle', '--format', 'json')).stdout);
    expect(first.files.written).toContain('serverless.yml');
    const run = await runCli('--quiet', 'generate', sampleDir('shop-api'), '-o', out, '--no-bundle', '--check', '--format', 'json');
    const result = parse(run.stdout);
    expect({ code: run.code, exitCode: result.exitCode, changed: result.summary.changed, written: result.files.written }).toEqual({
      code: 0,
      exitCode: 0,
      changed: 0,
      written: [],
    });
  }, 60_000);

  it('--format json refuses plan without -o (exit 2)', async () => {
    const run = await runCli('--quiet', 'plan', sampleDir('shop-api'), '--format', 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cleave: error: --format json prints the result object/);
  });
});
