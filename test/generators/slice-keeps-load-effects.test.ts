import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runsAtLoad } from '../../generators/slice/load-effects';
import { httpApiEvent } from '../support/invoke-functions-process';
import { fixtureDir } from '../support/analyze-fixture';
import { splitAndBundle } from '../support/split-and-bundle';

// TypeScript-Node-Starter's app.ts imports `* as passportConfig from './config/passport'` for
// `isAuthenticated`, and that module calls passport.serializeUser/deserializeUser as it loads. A
// function whose routes use none of its names must still load it: without that setup a signed-in
// visitor's request fails in every other function. The import stays as a bare one; a controller
// only other functions' routes use still goes.
describe('generators/slice keeps modules that act as they load', () => {
  let out: string;
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('loads the configuring module for its effect in a function that uses none of its names', async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-load-effects-'));
    const split = await splitAndBundle(fixtureDir('generators', 'slice-keeps-load-effects'), out);
    const home = split.bundleOf('GET /');
    const event = { ...httpApiEvent('GET', '/'), cookies: ['sid=1'] };
    const answer = await home.handler(event, { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
    expect(JSON.parse(answer.body)).toEqual({ user: { id: '1', name: 'ada' } });
    expect(home.text).not.toContain('account-controller-code');
    const homeId = split.plan.functions.find((f) => f.routes.includes('GET /'))!.id;
    const copy = fs.readFileSync(path.join(out, 'functions', homeId, 'app', 'server.js'), 'utf8');
    expect(copy).toMatch(/^require\(".*config\/auth"\);$/m);
  }, 60_000);

  it('tells a module that acts at load from one that only declares and exports', () => {
    expect(runsAtLoad('a.js', "const s = require('./s');\ns.deserialize = (id) => id;\nexports.x = 1;")).toBe(true);
    expect(runsAtLoad('a.ts', "import passport from 'passport';\npassport.serializeUser((u, d) => d(null, u.id));")).toBe(true);
    expect(runsAtLoad('a.ts', "import m from 'mongoose';\nif (process.env.DEBUG) { m.set('debug', true); }")).toBe(true);
    expect(runsAtLoad('a.js', "'use strict';\nconst x = require('./x');\nmodule.exports = { x };\nexports.y = exports.z = void 0;")).toBe(false);
    expect(runsAtLoad('a.ts', "import '../config/passport';\nexport const show = () => 1;")).toBe(false);
    expect(runsAtLoad('a.js', "require('./db');\nObject.defineProperty(exports, '__esModule', { value: true });")).toBe(false);
  });
});
