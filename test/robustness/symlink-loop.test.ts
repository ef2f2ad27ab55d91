import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysisOf, expectContract, removeTemp, routeIds, runChecked, tempCopy } from '../support/bad-input';

// Symbolic links that loop (made at test time): a folder linking to itself and to the app root,
// two files linking to each other, a dangling link. The walk follows no link, so it ends; a
// require through a looping folder still resolves; requires of the link cycle and the dangling
// link are UNRESOLVED_IMPORT warnings; exit 0.
describe('robustness/symlink-loop', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempCopy('small-app');
    const link = (target: string, at: string): void => fs.symlinkSync(target, path.join(dir, at));
    link('.', 'loop');
    link(dir, 'routes/up');
    fs.mkdirSync(path.join(dir, 'lib'));
    link('../lib', 'lib/self');
    link('b-link.js', 'a-link.js');
    link('a-link.js', 'b-link.js');
    link('nowhere.js', 'dangling.js');
    const server = path.join(dir, 'server.js');
    const requires = [
      "app.use('/loop', require('./loop/loop/routes/users'));",
      "app.use('/cyc', require('./a-link'));",
      "app.use('/dangling', require('./dangling'));",
    ];
    fs.writeFileSync(server, fs.readFileSync(server, 'utf8').replace('app.listen(3000);', `${requires.join('\n')}\n\napp.listen(3000);`));
  });
  afterAll(() => removeTemp(dir));

  it('ends, finds the routes and warns at the links that lead nowhere', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /loop', 'GET /loop/:id', 'GET /orders', 'GET /users', 'GET /users/:id', 'POST /orders']);
    const unresolved = analysis.diagnostics.filter((d) => d.code === 'UNRESOLVED_IMPORT').map((d) => d.message);
    expect(unresolved).toEqual(["cannot resolve './a-link'", "cannot resolve './dangling'"]);
  }, 30_000);
});
