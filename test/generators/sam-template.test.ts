import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlanSync } from '../../cli/plan-loader';
import { GOLDEN_PLAN, GOLDEN_SAMPLES, goldenDir } from '../../scripts/golden';
import { parseTemplate, samProblems } from '../support/sam-structure';

/** cfn-lint when this machine has it (it cannot be installed without PyPI): `CFN_LINT`, PATH, or pyenv's shim; `CFN_LINT=none` pretends it is missing. */
function findCfnLint(): string | undefined {
  if (process.env.CFN_LINT === 'none') return undefined;
  for (const candidate of [process.env.CFN_LINT, 'cfn-lint', '/root/.pyenv/shims/cfn-lint'].filter((c): c is string => !!c)) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const cfnLint = findCfnLint();
if (!cfnLint) {
  // Loud on purpose: CI machines built from .ci/run have no cfn-lint.
  console.warn('SKIPPED: cfn-lint is not installed on this machine; template.yaml is checked by the structural checks of test/support/sam-structure.ts only');
}

describe.each(GOLDEN_SAMPLES.map((s) => s.name))('generators/sam %s', (name) => {
  const file = path.join(goldenDir(name), 'template.yaml');
  const template = parseTemplate(fs.readFileSync(file, 'utf8'));
  const plan = readPlanSync(path.join(goldenDir(name), GOLDEN_PLAN)).plan;

  (cfnLint ? it : it.skip)(
    `passes cfn-lint${cfnLint ? '' : ' (SKIPPED: cfn-lint not installed)'}`,
    () => {
      const run = spawnSync(cfnLint!, ['--format', 'parseable', file], { encoding: 'utf8', timeout: 120_000 });
      expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
      expect(run.status).toBe(0);
    },
    150_000,
  );

  it('passes the structural checks (the fallback when cfn-lint is missing)', () => {
    expect(samProblems(template)).toEqual([]);
  });

  it('has one function per plan function, the fallback routes and the monolith URL parameter', () => {
    const resources = template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
    const functions = Object.values(resources).filter((r) => r.Type === 'AWS::Serverless::Function');
    for (const fn of plan.functions) {
      expect(functions.map((f) => f.Properties.CodeUri)).toContain(`dist/functions/${fn.id}/`);
    }
    expect(
      Object.values(resources)
        .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
        .map((r) => r.Properties.RouteKey)
        .sort(),
    ).toEqual(['ANY /', 'ANY /{proxy+}']);
    expect((template.Parameters as Record<string, { Default?: string }>).MonolithUrl?.Default).toBe(plan.targets.monolithUrl ?? '');
  });

  it('is caught by the structural checks when broken', () => {
    const broken = parseTemplate(
      fs
        .readFileSync(file, 'utf8')
        .replace(/ApiId: !Ref HttpApi/, 'ApiId: !Ref NoSuchApi')
        .replace(/Condition: HasMonolithUrl/, 'Condition: HasNothing'),
    );
    expect(samProblems(broken)).toEqual(
      expect.arrayContaining([expect.stringContaining('Ref to unknown NoSuchApi'), expect.stringContaining('unknown Condition HasNothing')]),
    );
  });
});
