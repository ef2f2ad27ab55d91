import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../model/analysis';
import { fixtureDir } from '../support/analyze-fixture';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';
import { STACK_LINE } from '../support/run-cli';

// An app in a folder with a space (`my app/`), with routers in files whose names hold spaces and
// accents (`routes/ünïcode router.js`, `routes/café menu.js`), split into an -o with the same.
// analysis.json names the files relative to the app, as written; handlers import them by name.
describe('robustness/unicode-paths', () => {
  const app = path.join(fixtureDir('robustness', 'unicode-paths'), 'my app');
  let base: string;
  let out: string;
  beforeAll(() => {
    base = makeTemp('unicode-out');
    out = path.join(base, 'fünctions out');
  });
  afterAll(() => removeTemp(base));

  it('analyses it with relative paths as written', async () => {
    const run = await runChecked(app, 'analyze', app, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /menu', 'GET /unicode', 'GET /unicode/japan']);
    const files = Object.fromEntries(analysis.routes.map((r) => [r.id, `${r.file}:${r.line} ${r.deps.files.join(',')}`]));
    expect(files).toEqual({
      'GET /health': 'server.js:8 server.js',
      'GET /menu': 'routes/café menu.js:3 routes/café menu.js',
      'GET /unicode': 'routes/ünïcode router.js:3 routes/ünïcode router.js',
      'GET /unicode/japan': 'routes/ünïcode router.js:4 routes/ünïcode router.js',
    });
    expect(Object.keys(analysis.modules?.files ?? {})).toEqual(['routes/café menu.js', 'routes/ünïcode router.js', 'server.js']);
    expect(analysis.diagnostics).toEqual([]);
  }, 30_000);

  it('splits it: relative paths in analysis.json, handlers that import the files and bundle', async () => {
    const run = await runChecked(app, 'split', app, '-o', out, '--quiet');
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.code).toBe(0);
    expect(run.after).toEqual(run.before);
    const analysis = JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')) as Analysis;
    expect(analysis.routes.map((r) => r.file).sort()).toEqual(['routes/café menu.js', 'routes/ünïcode router.js', 'routes/ünïcode router.js', 'server.js']);
    const bundles = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as { bundles: Array<{ id: string }>; failures: unknown[] };
    expect(bundles.failures).toEqual([]);
    const handlers = bundles.bundles.map((b) => fs.readFileSync(path.join(out, 'functions', b.id, 'handler.ts'), 'utf8')).join('\n');
    expect(handlers).toMatch(/import unicodeRouter = require\('[^']*\/my app\/routes\/ünïcode router'\);/);
    expect(handlers).toMatch(/import cafeMenu = require\('[^']*\/my app\/routes\/café menu'\);/);
    for (const b of bundles.bundles) expect(fs.existsSync(path.join(out, 'dist', 'functions', b.id, 'handler.js'))).toBe(true);
  }, 120_000);
});
