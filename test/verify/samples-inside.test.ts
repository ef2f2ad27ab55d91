/**
 * Both samples split with the output folder inside the app (`-o functions`, where a team commits
 * it next to the code its handlers import) and verified with API Gateway payload 1.0 events: every
 * function route answers like the monolith, as with the output outside the app (samples.test.ts,
 * payload 2.0). Each sample is copied under the repository (so its packages resolve from the
 * workspace's node_modules, as in a checkout) and the copy removed afterwards.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlanSync } from '../../cli/plan-loader';
import { hashTree } from '../support/hash-tree';
import { copyIntoRepo } from '../support/repo-copy';
import { runCli } from '../support/run-cli';
import { describeWithTestPostgres, useSampleDatabase } from '../support/sample-database';
import { expectSampleVerifiesAlike } from '../support/sample-verify';
import { REPO, type SplitOutput } from '../support/verify-run';

describeWithTestPostgres('samples verified inside').each(['shop-api', 'library-js'] as const)('samples/%s split into functions/ inside the app', (sample) => {
  let split: SplitOutput | undefined;
  useSampleDatabase(sample);

  beforeAll(async () => {
    const copy = copyIntoRepo(path.join(REPO, 'samples', sample), sample);
    const outDir = path.join(copy.dir, 'functions');
    const run = await runCli('--quiet', 'split', copy.dir, '-o', outDir);
    if (run.code !== 0) {
      copy.remove();
      throw new Error(`split exited ${run.code}: ${run.stderr}`);
    }
    split = { appDir: copy.dir, outDir, plan: readPlanSync(path.join(outDir, 'cleave.plan.yaml')).plan, remove: copy.remove };
  }, 180_000);

  afterAll(() => split?.remove());

  it('imports the monolith modules from the app beside it, by relative paths only', () => {
    const functions = path.join(split!.outDir, 'functions');
    const sources = Object.keys(hashTree(functions)).filter((f) => /\.[cm]?[jt]s$/.test(f));
    const texts = sources.map((f) => fs.readFileSync(path.join(functions, f), 'utf8'));
    expect(texts.filter((t) => t.includes(REPO) || t.includes('tmp-apps'))).toEqual([]);
    // Handlers or their sliced copies reach the app's own modules out of functions/ (`../../../src/...`).
    expect(texts.some((t) => /(from |require\()'(\.\.\/){3,}[\w.-]+/.test(t))).toBe(true);
  });

  it('cleave verify exercises every function route, all alike but the known gaps (payload v1)', async () => {
    await expectSampleVerifiesAlike(sample, split!, 'v1');
  });
});
