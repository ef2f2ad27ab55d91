import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureDir } from '../support/analyze-fixture';
import { makeTemp, removeTemp } from '../support/bad-input';
import { runCli, STACK_LINE } from '../support/run-cli';

const REPO = path.join(__dirname, '..', '..');

// Found on danielfsousa/express-rest-boilerplate: consolidate `require()`s some forty template
// engines the moment each is first used, mongodb its optional encryption add-on; none is
// installed, the monolith runs, and every bundle failed (exit 1). On Ghost core, the app's own
// CLI code requires `inquirer`, a dev tool it does not declare, and a computed require reaches a
// README.md (no esbuild loader). Such requires stay runtime requires now, named in one info line,
// and non-code files load empty; a declared dependency that is missing still fails. The package
// is written at test time (node_modules is never committed); express is linked from the repo.
describe('robustness/optional-package-requires', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('optional-package-requires');
    fs.cpSync(fixtureDir('robustness', 'optional-package-requires'), dir, { recursive: true });
    const modules = path.join(dir, 'node_modules');
    fs.mkdirSync(path.join(modules, 'lazy-engines'), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules', 'express'), path.join(modules, 'express'), 'dir');
    fs.writeFileSync(path.join(modules, 'lazy-engines', 'package.json'), '{"name":"lazy-engines","version":"1.0.0","main":"index.js"}\n');
    fs.writeFileSync(
      path.join(modules, 'lazy-engines', 'index.js'),
      "const engines = {};\nexports.render = (name) => {\n  if (name === 'velocity') return (engines.velocity || (engines.velocity = require('velocity-not-installed'))).render('');\n  if (name === 'dust') return (engines.dust || (engines.dust = require('dust-not-installed'))).render('');\n  return name;\n};\n",
    );
  });
  afterAll(() => removeTemp(dir));

  it('bundles every handler, leaving the missing optional packages as runtime requires', async () => {
    const out = path.join(dir, 'functions');
    const run = await runCli('split', dir, '-o', out);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.code).toBe(0);
    const bundles = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as { failures: unknown[]; bundles: Array<{ id: string }> };
    expect(bundles.failures).toEqual([]);
    expect(bundles.bundles.length).toBeGreaterThan(0);
    expect(run.stderr).toContain(
      'info OPTIONAL_PACKAGES_LEFT_OUT dist/: not installed, so left as runtime require() calls in the bundles (they throw only when reached, as in the monolith): dust-not-installed, velocity-not-installed (required by lazy-engines); dev-prompt-tool (required by server.js)',
    );
  }, 120_000);

  it('still fails (exit 1) when a dependency the app declares is not installed', async () => {
    const manifest = path.join(dir, 'package.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"lazy-engines":"1.0.0"', '"lazy-engines":"1.0.0","app-dep-not-installed":"1.0.0"'));
    const server = path.join(dir, 'server.js');
    fs.writeFileSync(
      server,
      fs
        .readFileSync(server, 'utf8')
        .replace("const engines = require('lazy-engines');", "const engines = require('lazy-engines');\nconst missing = require('app-dep-not-installed');"),
    );
    const out = path.join(dir, 'functions-2');
    const run = await runCli('--quiet', 'split', dir, '-o', out);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error BUNDLE_FAILED .*Could not resolve "app-dep-not-installed"/);
  }, 120_000);
});
