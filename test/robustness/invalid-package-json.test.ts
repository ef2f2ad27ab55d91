import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';

// A package.json that is not JSON breaks npm, esbuild and packaging: an error-level finding with
// its file:line (exit 1, never a silent success), and analysis goes on. (The app is written at
// run time: jest itself refuses a package.json that does not parse under its roots.)
describe('robustness/invalid-package-json', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('invalid-package-json');
    fs.writeFileSync(path.join(dir, 'package.json'), '{\n  "name": "invalid-package-json",\n  "dependencies": { "express": "4.21.2", }\n}\n');
    fs.writeFileSync(
      path.join(dir, 'app.js'),
      "const express = require('express');\n\nconst app = express();\napp.get('/orders', (req, res) => res.json([]));\n\nmodule.exports = app;\n",
    );
  });
  afterAll(() => removeTemp(dir));

  it('finds the routes, reports PACKAGE_JSON_INVALID at error level and exits 1', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 1);
    expect(routeIds(analysisOf(run))).toEqual(['GET /orders']);
    expect(analysisOf(run).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'PACKAGE_JSON_INVALID', severity: 'error', file: 'package.json', line: 1 }),
    );
    expect(run.stderr).toMatch(/^cleave: PACKAGE_JSON_INVALID package\.json:1: package\.json does not parse/m);
  }, 30_000);
});
