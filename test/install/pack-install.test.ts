/**
 * cleave as a user installs it: the checkout packed (prepack builds dist/), the tarball installed
 * with `npm install -g` into a temporary prefix, a sample copied out of the repository as a
 * standalone app with its own `npm install`, and the installed `cleave` command run in it. Nothing
 * on the way can reach this repository's node_modules or dist/: the prefix and the app live under
 * the system's temporary folder. One pack, one install, one split, one verify (about half a minute).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VerificationSummary } from '../../model/verification';
import { type PackedTarball, filesMentioning, installGlobally, packCheckout, run, standaloneSample } from '../support/pack-install';
import { describeWithTestPostgres, useSampleDatabase } from '../support/sample-database';

const REPO = path.resolve(__dirname, '..', '..');
const own = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };

let tmp: string;
let tarball: PackedTarball;
let cleave: string;
let app: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-pack-'));
  // The JavaScript sample: no tsx or types to install, and still routers, sessions, uploads and timers.
  const sample = standaloneSample('library-js', path.join(tmp, 'library-js')); // installs meanwhile
  tarball = packCheckout(tmp);
  cleave = installGlobally(tarball.file, path.join(tmp, 'prefix'));
  app = await sample;
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('carries the built CLI, its bin and the JSON Schemas, and nothing of the tests, samples or sources', () => {
    expect(tarball.name).toBe(own.name);
    expect(tarball.files).toEqual(
      expect.arrayContaining([
        'README.md',
        'bin/cleave.js',
        'dist/cli/main.js',
        'dist/verifier/listen-preload.js',
        'dist/verifier/decorator-preload.js',
        'LICENSE',
        'package.json',
        'schema/cleave.config.schema.json',
        'schema/cleave.plan.schema.json',
        'schema/command-result.schema.json',
      ]),
    );
    expect(tarball.files.filter((f) => !/^(dist\/.*\.js|bin\/cleave\.js|schema\/[^/]+\.json|README\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);
  });

  it('installed with npm install -g, prints its version from any folder', () => {
    expect(run(cleave, ['--version'], tmp).stdout.trim()).toBe(own.version);
  });
});

// The sample keeps its data in PostgreSQL: DATABASE_URL names a database of its own.
describeWithTestPostgres('the npm package on a standalone app')('the npm package on a standalone app', () => {
  useSampleDatabase('library-js');

  it('splits a standalone app and verifies it: every function route answered alike', () => {
    run(cleave, ['--quiet', 'split', '.', '-o', 'functions'], app);
    const verify = run(cleave, ['--quiet', 'verify', '.', '--functions', 'functions'], app);
    const report = VerificationSummary.parse(JSON.parse(fs.readFileSync(path.join(app, 'functions', 'verification.json'), 'utf8')));
    expect(report.results.filter((r) => r.differences.length > 0)).toEqual([]);
    expect(report.summary.routes).toBeGreaterThan(0);
    expect(report.summary.exercised).toBe(report.summary.routes);
    expect(verify.stdout).toMatch(/: (\d+) alike, 0 different/);
    // Generated from the installed package alone: no file of the output points into this checkout.
    expect(filesMentioning(path.join(app, 'functions'), REPO)).toEqual([]);
  }, 180_000);
});
