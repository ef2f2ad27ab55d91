import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectContract, makeTemp, removeTemp, runChecked, tempCopy } from '../support/bad-input';
import { hashTree } from '../support/hash-tree';

// An -o that is a symbolic link to the app folder, or to (or simply is) a folder of the app that
// holds its sources, is refused before anything is written; so is an -o that is a file or lies
// under one. Exit 2, one line each, the app and the folder around it unchanged.
describe('robustness/output-through-link', () => {
  let app: string;
  let base: string;
  beforeAll(() => {
    app = tempCopy('small-app');
    base = makeTemp('output-link');
    fs.symlinkSync(app, path.join(base, 'to-app'), 'dir');
    fs.symlinkSync(path.join(app, 'routes'), path.join(base, 'to-routes'), 'dir');
    fs.writeFileSync(path.join(base, 'notes.txt'), 'not a folder\n');
  });
  afterAll(() => {
    removeTemp(app);
    removeTemp(base);
  });

  const refuse = (out: string, command = 'split'): Promise<Awaited<ReturnType<typeof runChecked>>> => runChecked(app, command, app, '-o', out, '--quiet');

  it('a link to the app folder: refused', async () => {
    const out = path.join(base, 'to-app');
    const run = await refuse(out);
    expectContract(run, 2);
    expect(run.stderr).toBe(`cleave: error: the output folder ${out} is the app folder itself (choose a folder inside it, e.g. -o functions)\n`);
  });

  it.each([
    ['a link to routes/', 'to-routes'],
    ['routes/ itself', ''],
  ])('%s, which holds sources: refused (split and generate)', async (_what, link) => {
    const out = link ? path.join(base, link) : path.join(app, 'routes');
    const before = hashTree(base);
    for (const command of ['split', 'generate']) {
      const run = await refuse(out, command);
      expectContract(run, 2);
      expect(run.stderr).toBe(
        `cleave: error: the output folder ${out} holds the app's own sources (routes/orders.js) (choose a new folder for the generated functions, e.g. -o functions)\n`,
      );
    }
    expect(hashTree(base)).toEqual(before);
  });

  it('a file, or a path under one: refused, naming the file', async () => {
    const file = path.join(base, 'notes.txt');
    const before = hashTree(base);
    const asFile = await refuse(file);
    expectContract(asFile, 2);
    expect(asFile.stderr).toBe(`cleave: error: ${file} is a file, not a folder (choose an output path that does not go through a file)\n`);
    const under = path.join(file, 'functions');
    const run = await refuse(under);
    expectContract(run, 2);
    expect(run.stderr).toBe(
      `cleave: error: ${file} is a file, so the folder ${under} cannot be made under it (choose an output path that does not go through a file)\n`,
    );
    const analysis = await runChecked(app, 'analyze', app, '-o', path.join(under, 'analysis.json'), '--quiet');
    expectContract(analysis, 2);
    expect(analysis.stderr).toBe(
      `cleave: error: ${file} is a file, so the folder ${under} cannot be made under it (choose an output path that does not go through a file)\n`,
    );
    expect(hashTree(base)).toEqual(before);
  }, 30_000);
});
