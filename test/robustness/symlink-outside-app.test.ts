import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureDir } from '../support/analyze-fixture';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';

// Symbolic links inside the app that lead outside it (made at test time): a folder `shared ->
// ../outside` holding a router, `settings.json -> ../outside/settings.json` naming its mount path,
// and a file link under routes/. None is followed: neither the router's route nor the mount path
// nor any text from outside/ shows up, and SYMLINK_OUTSIDE_APP names each link and each import
// through one.
describe('robustness/symlink-outside-app', () => {
  let base: string;
  let app: string;
  let outside: string;
  beforeAll(() => {
    base = makeTemp('symlink-outside');
    app = path.join(base, 'app');
    outside = path.join(base, 'outside');
    fs.cpSync(fixtureDir('robustness', 'symlink-outside-app'), app, { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(
      path.join(outside, 'secret-router.js'),
      "const r = require('express').Router();\nr.get('/stolen', (req, res) => res.send('secret-7f3a'));\nmodule.exports = r;\n",
    );
    fs.writeFileSync(path.join(outside, 'settings.json'), '{"prefix":"/leaked-9c2e"}\n');
    fs.symlinkSync('../outside', path.join(app, 'shared'));
    fs.symlinkSync('../outside/settings.json', path.join(app, 'settings.json'));
    fs.symlinkSync('../../outside/secret-router.js', path.join(app, 'routes', 'linked.js'));
  });
  afterAll(() => removeTemp(base));

  it('follows none of them, reads nothing outside, and says so at each', async () => {
    const run = await runChecked(app, 'analyze', app, '--format', 'json', '--quiet');
    expectContract(run, 0);
    expect(run.stdout).not.toContain('secret-7f3a');
    expect(run.stdout).not.toContain('leaked-9c2e');
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /users']);
    const links = analysis.diagnostics.filter((d) => d.code === 'SYMLINK_OUTSIDE_APP').map((d) => `${d.file}:${d.line} ${d.message} (${d.advice})`);
    const advice = 'copy what the app needs into its folder, or install it as a package; routes registered there are missing';
    expect(links).toEqual([
      `routes/linked.js:0 linked.js is a symbolic link to ../../outside/secret-router.js, outside the app folder: not followed, nothing there is read (${advice})`,
      `server.js:3 './shared/secret-router' leads outside the app folder through a symbolic link: not followed, nothing there is read (${advice})`,
      `server.js:4 './settings.json' leads outside the app folder through a symbolic link: not followed, nothing there is read (${advice})`,
      `settings.json:0 settings.json is a symbolic link to ../outside/settings.json, outside the app folder: not followed, nothing there is read (${advice})`,
      `shared:0 shared is a symbolic link to ../outside, outside the app folder: not followed, nothing there is read (${advice})`,
    ]);
  }, 30_000);

  it('the text report shows them without reading the targets', async () => {
    const run = await runChecked(app, 'analyze', app, '--quiet');
    expectContract(run, 0);
    expect(run.stdout).toContain('warning SYMLINK_OUTSIDE_APP shared');
    expect(run.stdout).not.toContain('secret-7f3a');
  }, 30_000);
});
