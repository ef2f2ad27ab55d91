import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../model/analysis';
import { badFixture, expectContract, makeTemp, removeTemp, runChecked } from '../support/bad-input';
import { hashTree } from '../support/hash-tree';

// `-o` into folders that do not exist yet: they are created and hold only the analysis. An `-o`
// that is a folder, or a file that is not an analysis (a typo for a source file), is refused.
describe('robustness/output-folder', () => {
  const dir = badFixture('small-app');
  let out: string;
  beforeAll(() => {
    out = makeTemp('output-folder');
  });
  afterAll(() => removeTemp(out));

  it('creates the missing folders and writes the analysis there', async () => {
    const file = path.join(out, 'a', 'b', 'c', 'analysis.json');
    const run = await runChecked(dir, 'analyze', dir, '-o', file, '--quiet');
    expectContract(run, 0);
    expect(run.stdout).toBe('');
    const analysis = JSON.parse(fs.readFileSync(file, 'utf8')) as Analysis;
    expect(analysis.routes.map((r) => r.id).sort()).toEqual(['GET /health', 'GET /orders', 'GET /users', 'GET /users/:id', 'POST /orders']);
    expect(Object.keys(hashTree(out))).toEqual(['a', 'a/b', 'a/b/c', 'a/b/c/analysis.json']);
  }, 30_000);

  it('overwrites an analysis it wrote before', async () => {
    const file = path.join(out, 'a', 'b', 'c', 'analysis.json');
    const run = await runChecked(dir, 'analyze', dir, '-o', file, '--quiet');
    expectContract(run, 0);
  }, 30_000);

  it('refuses a folder as -o', async () => {
    const run = await runChecked(out, 'analyze', dir, '-o', out, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toBe(`cleave: error: -o names a folder: ${out} (give -o the path of the JSON file to write, e.g. analysis.json)\n`);
  }, 30_000);

  it('refuses to overwrite a file that is not an analysis', async () => {
    const source = path.join(dir, 'server.js');
    const run = await runChecked(dir, 'analyze', dir, '-o', source, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toBe(`cleave: error: refusing to overwrite ${source}: it is not an analysis cleave wrote (remove it or choose another -o file)\n`);
  }, 30_000);
});
