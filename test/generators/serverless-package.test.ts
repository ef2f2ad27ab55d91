import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { readPlanSync } from '../../cli/plan-loader';
import { GOLDEN_PLAN, GOLDEN_SAMPLES, goldenDir, REPO } from '../../scripts/golden';
import { SERVERLESS_ENV as ENV } from '../support/serverless-env';

const SERVERLESS = path.join(REPO, 'node_modules', '.bin', 'serverless');

interface CfnTemplate {
  Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }>;
}

// serverless.yml is checked by the real Serverless Framework 3.40: `serverless package` runs fully
// offline with a dummy region and no credentials and compiles the CloudFormation template.
describe.each(GOLDEN_SAMPLES.map((s) => s.name))('generators/serverless %s', (name) => {
  let tmp: string;
  let output: string;
  let template: CfnTemplate;
  const plan = readPlanSync(path.join(goldenDir(name), GOLDEN_PLAN)).plan;
  const config = parse(fs.readFileSync(path.join(goldenDir(name), 'serverless.yml'), 'utf8')) as {
    functions: Record<string, { handler: string; events?: Array<{ httpApi?: { method: string; path: string } }> }>;
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `cleave-sls-${name}-`));
    fs.copyFileSync(path.join(goldenDir(name), 'serverless.yml'), path.join(tmp, 'serverless.yml'));
    // Stand-ins for the bundles `cleave generate` builds: packaging only zips them.
    for (const fn of Object.values(config.functions)) {
      const file = path.join(tmp, `${fn.handler.replace(/\.[^.]+$/, '')}.js`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'exports.handler = async () => ({ statusCode: 200 });\n');
    }
    const run = await promisify(execFile)(SERVERLESS, ['package', '--region', 'eu-west-1', '--stage', 'test'], { cwd: tmp, env: ENV, timeout: 90_000 }).catch(
      (error: { stdout?: string; stderr?: string; code?: number }) => {
        throw new Error(`serverless package failed (${error.code}):\n${error.stdout}\n${error.stderr}`);
      },
    );
    output = `${run.stdout}\n${run.stderr}`;
    template = JSON.parse(fs.readFileSync(path.join(tmp, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8')) as CfnTemplate;
  }, 120_000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('packages, and the only schema complaint is the runtime Framework v3 does not know yet', () => {
    expect(output).toMatch(/Service packaged/);
    const complaints = output.split('\n').filter((l) => /^\s+at '/.test(l));
    expect(complaints.every((l) => /runtime'/.test(l))).toBe(true);
  });

  it('deploys one Lambda function per plan function, with its memory and timeout', () => {
    const lambdas = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(lambdas.length).toBe(Object.keys(config.functions).length);
    for (const fn of plan.functions) {
      const lambda = lambdas.find((l) => String(l.Properties.Handler).startsWith(`dist/functions/${fn.id}/handler`));
      expect(lambda?.Properties).toEqual(expect.objectContaining({ MemorySize: fn.memory, Timeout: fn.timeout, Runtime: plan.targets.runtime }));
    }
  });

  it('routes every httpApi event, plus the fallback to the monolith under a condition', () => {
    const routes = Object.values(template.Resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    const events = Object.values(config.functions).flatMap((f) => (f.events ?? []).filter((e) => e.httpApi));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(
      [...events.map((e) => `${e.httpApi!.method} ${e.httpApi!.path}`), 'ANY /', 'ANY /{proxy+}'].sort(),
    );
    const fallback = Object.entries(template.Resources).filter(([id]) => id.startsWith('Monolith'));
    expect(fallback.map(([id, r]) => [id, r.Condition])).toEqual(
      expect.arrayContaining([
        ['MonolithRoute', 'HasMonolithUrl'],
        ['MonolithIntegration', 'HasMonolithUrl'],
      ]),
    );
    const integration = template.Resources.MonolithIntegration!.Properties;
    expect(integration).toEqual(expect.objectContaining({ IntegrationType: 'HTTP_PROXY', IntegrationUri: `${plan.targets.monolithUrl ?? ''}/{proxy}` }));
  });
});
