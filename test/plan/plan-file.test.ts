import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { readPlan, readPlanSync } from '../../cli/plan-loader';
import { ANALYSIS_FILE, PLAN_FILE } from '../../model/output-files';
import { sha256Hex } from '../../model/plan-join';
import { GOLDEN_SAMPLES, goldenDir, sampleDir } from '../../scripts/golden';
import { makeTemp, removeTemp } from '../support/bad-input';
import { runCli, STACK_LINE } from '../support/run-cli';

// The plan file holds decisions only and names the analysis it was made from by file and hash;
// every command joins the two through one loader, which refuses a plan that breaks its rule.
describe('plan file: decisions plus the analysis beside it', () => {
  let dir: string;
  const planFile = (): string => path.join(dir, PLAN_FILE);
  const planText = (): string => fs.readFileSync(planFile(), 'utf8');
  const problemsOf = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      return (error as { problems?: string[] }).problems ?? [(error as Error).message];
    }
    return [];
  };

  beforeEach(() => {
    dir = makeTemp('cleave-plan-file-');
    for (const f of [PLAN_FILE, ANALYSIS_FILE]) fs.copyFileSync(path.join(goldenDir('shop-api'), f), path.join(dir, f));
  });
  afterEach(() => removeTemp(dir));

  it('holds no part of the analysis, names it with the sha256 of its bytes, and joins it back', () => {
    expect(planText()).not.toMatch(/^(routes|hazards|mounts|static):/m);
    expect(planText()).toContain(`sha256: ${sha256Hex(fs.readFileSync(path.join(dir, ANALYSIS_FILE), 'utf8'))}`);
    const { plan, notices } = readPlanSync(planFile());
    const analysis = JSON.parse(fs.readFileSync(path.join(dir, ANALYSIS_FILE), 'utf8')) as { routes: Array<{ id: string }>; hazards: unknown[] };
    expect(Object.keys(plan.routes)).toEqual(analysis.routes.map((r) => r.id).sort());
    expect(plan.hazards).toEqual(analysis.hazards);
    expect(notices).toEqual([]);
  });

  it('refuses a hand-edited plan naming a route the analysis lacks, a route twice, or one id twice, one line each', () => {
    const text = planText();
    const [first, second] = [...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]!);
    const edited = text.replace(/^( {6}- )(GET \/healthz)$/m, '$1GET /api/nowhere').replace(`  - id: ${second}\n`, `  - id: ${first}\n`);
    fs.writeFileSync(planFile(), edited);
    const problems = problemsOf(() => readPlanSync(planFile()));
    expect(problems).toEqual(
      expect.arrayContaining([
        'GET /api/nowhere (in function healthz) is not a route of the analysis',
        'GET /healthz is in no function and not in keep',
        `function id ${first} is used twice`,
      ]),
    );
  });

  it('refuses unknown keys, naming the key path (a typo must not pass silently)', () => {
    fs.writeFileSync(planFile(), planText().replace(/^( {4})memory: /m, '$1memroy: '));
    expect(problemsOf(() => readPlanSync(planFile()))).toEqual(expect.arrayContaining([expect.stringMatching(/^functions\[0\]\.memroy: unknown key/)]));
  });

  it('reads an analysis that changed since with a PLAN_ANALYSIS_CHANGED notice, and refuses it when the routes no longer match', () => {
    const analysisFile = path.join(dir, ANALYSIS_FILE);
    const analysis = JSON.parse(fs.readFileSync(analysisFile, 'utf8')) as { routes: Array<{ id: string; handler: { line: number } }> };
    analysis.routes[0]!.handler.line += 1;
    fs.writeFileSync(analysisFile, JSON.stringify(analysis, null, 2) + '\n');
    expect(readPlanSync(planFile()).notices.map((n) => n.code)).toEqual(['PLAN_ANALYSIS_CHANGED']);
    const gone = analysis.routes.shift()!;
    fs.writeFileSync(analysisFile, JSON.stringify(analysis, null, 2) + '\n');
    expect(problemsOf(() => readPlanSync(planFile()))).toEqual(expect.arrayContaining([expect.stringContaining(`${gone.id} (in `)]));
  });

  it('analyses the app again when the analysis file is missing, and finds the same analysis', async () => {
    fs.rmSync(path.join(dir, ANALYSIS_FILE));
    expect(() => readPlanSync(planFile())).toThrow(expect.objectContaining({ code: 'ANALYSIS_NOT_FOUND' }));
    const { plan, notices } = await readPlan(planFile(), { appDir: sampleDir('shop-api') });
    expect(notices).toEqual([]);
    expect(Object.keys(plan.routes).length).toBeGreaterThan(50);
  }, 60000);

  it('never reads an analysis outside the plan folder', () => {
    fs.writeFileSync(planFile(), planText().replace('file: analysis.json', 'file: ../../etc/passwd'));
    expect(() => readPlanSync(planFile())).toThrow(expect.objectContaining({ code: 'ANALYSIS_OUTSIDE_PLAN_FOLDER' }));
  });

  it('still reads a plan that embeds its analysis, as cleave 0.1 wrote them', () => {
    const { plan } = readPlanSync(planFile());
    const { analysis: _ref, ...legacy } = plan;
    fs.writeFileSync(planFile(), stringify(legacy, { lineWidth: 0, aliasDuplicateObjects: false }));
    fs.rmSync(path.join(dir, ANALYSIS_FILE));
    expect(readPlanSync(planFile()).plan).toEqual(legacy);
  });

  it('plans from a saved analysis (plan --analysis) exactly the plan made from the app', async () => {
    const config = path.join(dir, 'config.yaml');
    fs.writeFileSync(config, stringify(GOLDEN_SAMPLES.find((s) => s.name === 'shop-api')!.config));
    const out = path.join(dir, 'replanned', PLAN_FILE);
    const run = await runCli('--quiet', 'plan', sampleDir('shop-api'), '--analysis', path.join(dir, ANALYSIS_FILE), '--config', config, '-o', out);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(fs.readFileSync(out, 'utf8')).toBe(planText());
    expect(fs.readFileSync(path.join(dir, 'replanned', ANALYSIS_FILE), 'utf8')).toBe(fs.readFileSync(path.join(dir, ANALYSIS_FILE), 'utf8'));
  });

  it('generate exits 2 on a broken plan with one line per problem, writes nothing, and prints no stack', async () => {
    fs.writeFileSync(planFile(), planText().replace(/^( {6}- )(GET \/healthz)$/m, '$1GET /api/nowhere'));
    const out = path.join(dir, 'out');
    const run = await runCli('--quiet', 'generate', sampleDir('shop-api'), '--plan', planFile(), '-o', out, '--no-bundle');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GET /api/nowhere');
    expect(run.stderr).toContain('GET /healthz is in no function and not in keep');
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(fs.existsSync(out)).toBe(false);
  });
});
