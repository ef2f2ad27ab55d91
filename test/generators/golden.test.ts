import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlanSync } from '../../cli/plan-loader';
import { ANALYSIS_FILE } from '../../model/output-files';
import { GOLDEN_PLAN, GOLDEN_SAMPLES, generateGolden, goldenDir } from '../../scripts/golden';

// Golden outputs: what the generators make of each sample's committed plan must equal, byte for
// byte, the files under test/golden/<sample>/. After a deliberate change run
// `npm run golden:update` and review the difference with `git diff test/golden`.
describe.each(GOLDEN_SAMPLES.map((s) => s.name))('generators/golden %s', (name) => {
  const dir = goldenDir(name);
  const plan = readPlanSync(path.join(dir, GOLDEN_PLAN)).plan;
  const output = generateGolden(name, plan);

  it('writes exactly the golden files', () => {
    const onDisk = listFiles(dir).filter((f) => f !== GOLDEN_PLAN && f !== ANALYSIS_FILE);
    expect(output.files.map((f) => f.path).sort()).toEqual(onDisk.sort());
  });

  it.each(output.files.map((f) => [f.path, f.contents] as const))('%s is unchanged (npm run golden:update after a deliberate change)', (file, contents) => {
    expect(contents).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
  });

  it('gives byte-identical output for the same plan', () => {
    expect(generateGolden(name, plan)).toEqual(output);
  });

  it('has a handler per function and names every function in serverless.yml and template.yaml', () => {
    const serverless = output.files.find((f) => f.path === 'serverless.yml')!.contents;
    const sam = output.files.find((f) => f.path === 'template.yaml')!.contents;
    for (const fn of plan.functions) {
      expect(output.files.map((f) => f.path)).toContain(`functions/${fn.id}/handler.ts`);
      expect(serverless).toContain(`\n  ${fn.id}:\n    handler: dist/functions/${fn.id}/handler.handler`);
      expect(sam).toContain(`CodeUri: dist/functions/${fn.id}/`);
    }
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}
