import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { makeTemp, removeTemp } from '../support/bad-input';
import { runCli, STACK_LINE } from '../support/run-cli';

const REPO = path.join(__dirname, '..', '..');

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

/** Splits the app in `dir` into `dir/functions` with this checkout's express linked in, and reads its bundles.json. */
async function splitWithExpress(
  dir: string,
): Promise<{ out: string; report: { bundles: Array<{ file: string; externalized?: Array<{ name: string }>; dynamicModules?: unknown }> } }> {
  fs.symlinkSync(path.join(REPO, 'node_modules', 'express'), path.join(dir, 'node_modules', 'express'), 'dir');
  const out = path.join(dir, 'functions');
  const run = await runCli('split', dir, '-o', out);
  expect(run.stderr).not.toContain(STACK_LINE);
  expect(run.code).toBe(0);
  return { out, report: JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) };
}

// A package that loads a module whose name only run time knows cannot be bundled: it is shipped
// installed in node_modules beside the bundle, with the version of each dependency it really
// uses, while the app's own (other) version stays bundled. And a variable that only boot code
// reads (an app setting) joins the function's environment.
describe('generators/shipped packages and boot env', () => {
  let app: string;
  beforeAll(() => {
    app = makeTemp('shipped-packages');
    writeFiles(app, {
      'package.json': '{"name":"shipped-packages","private":true,"dependencies":{"express":"^5.1.0","driverish":"1.0.0","helper":"1.0.0"}}\n',
      'server.js': [
        "const express = require('express');",
        "const driverish = require('driverish');",
        "const helper = require('helper');",
        "const settings = require('./settings');",
        'const app = express();',
        "app.set('region', settings.region);",
        "app.get('/driver', (req, res) => res.json({ driver: driverish.name, driverHelper: driverish.helperVersion, appHelper: helper.version, region: app.get('region') }));",
        'module.exports = app;',
        '',
      ].join('\n'),
      'settings.js': "exports.region = process.env.APP_REGION || 'eu';\n",
      'node_modules/helper/package.json': '{"name":"helper","version":"1.0.0"}\n',
      'node_modules/helper/index.js': "exports.version = '1';\n",
      'node_modules/driverish/package.json': '{"name":"driverish","version":"1.0.0","dependencies":{"helper":"2.0.0"}}\n',
      'node_modules/driverish/index.js':
        "const which = process.env.DRIVERISH_DRIVER || './drivers/memory';\nmodule.exports = { ...require(which), helperVersion: require('helper').version };\n",
      'node_modules/driverish/drivers/memory.js': "exports.name = 'memory';\n",
      'node_modules/driverish/node_modules/helper/package.json': '{"name":"helper","version":"2.0.0"}\n',
      'node_modules/driverish/node_modules/helper/index.js': "exports.version = '2';\n",
    });
    fs.symlinkSync(path.join(REPO, 'node_modules', 'express'), path.join(app, 'node_modules', 'express'), 'dir');
  });
  afterAll(() => removeTemp(app));

  it('ships the package with the dependency versions it uses, and the function loads outside the app', async () => {
    const out = path.join(app, 'functions');
    const run = await runCli('split', app, '-o', out);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as {
      bundles: Array<{ id: string; file: string; externalized?: Array<{ name: string; reason: string }> }>;
    };
    const bundle = report.bundles.find((b) => b.id !== undefined && b.file.startsWith('dist/functions/'))!;
    expect(bundle.externalized).toEqual(expect.arrayContaining([{ name: 'driverish', reason: 'require(which) in driverish/index.js' }]));
    const dir = path.join(out, path.dirname(bundle.file));
    expect(fs.readFileSync(path.join(dir, 'node_modules', 'helper', 'index.js'), 'utf8')).toContain("'2'"); // the version driverish uses, shipped as is
    expect(fs.readFileSync(path.join(dir, 'handler.js'), 'utf8')).toMatch(/exports2?\.version = ["']1["']/); // the app's own, bundled
    expect(run.stderr).toContain(
      `info BOOT_ENV_ADDED serverless.yml (${bundle.id}): environment variables read by modules its bundle loads at boot, beyond its routes' code, added to its environment: APP_REGION`,
    );
    expect(fs.readFileSync(path.join(out, 'serverless.yml'), 'utf8')).toContain('APP_REGION: ${env:APP_REGION, null}');

    // What Lambda runs: the function's folder alone, anywhere.
    const lambda = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-lambda-'));
    try {
      fs.cpSync(dir, lambda, { recursive: true, dereference: true });
      const { handler } = require(path.join(lambda, 'handler.js')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
      const answer = await handler(httpApiEvent('GET', '/driver'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ driver: 'memory', driverHelper: '2', appHelper: '1', region: 'eu' });
    } finally {
      fs.rmSync(lambda, { recursive: true, force: true });
    }
  }, 120_000);

  // Boot code that walks a folder and requires each file, a package that finds its package.json
  // from its own module object (pkginfo-style), and an env template read at boot: all work from
  // the function's folder alone.
  it('carries modules a computed require loads, ships own-module readers, the view engine and the .env template', async () => {
    const dir = makeTemp('dynamic-app-modules');
    const temps: string[] = [];
    try {
      writeFiles(dir, {
        'package.json': '{"name":"dynamic-app-modules","private":true,"dependencies":{"express":"^5.1.0","selfinfo":"1.0.0","tinyengine":"1.0.0"}}\n',
        'views/hello.tinyengine': 'hello from the view\n',
        'node_modules/tinyengine/package.json': '{"name":"tinyengine","version":"1.0.0","main":"index.js"}\n',
        'node_modules/tinyengine/index.js':
          "exports.__express = (file, options, done) => done(null, require('fs').readFileSync(file, 'utf8').toUpperCase());\n",
        '.env.example': 'GREETING=\n',
        'server.js': [
          "const fs = require('fs');",
          "const path = require('path');",
          "const express = require('express');",
          "const info = require('selfinfo');",
          "const models = path.join(__dirname, 'lib', '..', 'models');",
          'const registry = {};',
          "fs.readdirSync(models).filter((f) => f.endsWith('.js')).forEach((f) => Object.assign(registry, require(path.join(models, f))));",
          "const template = fs.readFileSync(path.join(__dirname, '.env.example'), 'utf8');",
          'const app = express();',
          "app.set('views', path.join(__dirname, 'views'));",
          "app.set('view engine', 'tinyengine');",
          "app.get('/hello', (req, res) => res.render('hello'));",
          "app.get('/models', (req, res) => res.json({ models: Object.keys(registry).sort(), info: info.version, template }));",
          'module.exports = app;',
          '',
        ].join('\n'),
        'models/book.js': "exports.Book = 'book';\n",
        'models/author.js': "exports.Author = 'author';\n",
        'node_modules/selfinfo/package.json': '{"name":"selfinfo","version":"3.1.4","main":"index.js"}\n',
        'node_modules/selfinfo/index.js':
          "const reader = (m) => JSON.parse(require('fs').readFileSync(require('path').join(require('path').dirname(m.filename), 'package.json'), 'utf8')).version;\nexports.version = (() => reader)()(module);\n",
      });
      const { out, report } = await splitWithExpress(dir);
      const serving = (route: string) =>
        report.bundles.find((b) => b.file.startsWith('dist/functions/') && fs.readFileSync(path.join(out, b.file), 'utf8').includes(`"${route}"`))!;
      const bundle = serving('/models');
      expect(bundle.dynamicModules).toEqual({ requirers: ['server.js'], modules: ['models/author.js', 'models/book.js'] });
      expect(bundle.externalized!.map((e) => e.name)).toContain('selfinfo');
      const lambda = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-lambda-'));
      try {
        fs.cpSync(path.join(out, path.dirname(bundle.file)), lambda, { recursive: true, dereference: true });
        const { handler } = require(path.join(lambda, 'handler.js')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
        const answer = await handler(httpApiEvent('GET', '/models'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
        expect(JSON.parse(answer.body)).toEqual({ models: ['Author', 'Book'], info: '3.1.4', template: 'GREETING=\n' });
        // Express stays bundled; the engine it requires by name when it renders is shipped beside the bundle.
        const hello = serving('/hello');
        expect(hello.externalized!.map((e) => e.name)).toEqual(['tinyengine']);
        const viewDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-lambda-')); // apart: nothing to find by walking up
        temps.push(viewDir);
        fs.cpSync(path.join(out, path.dirname(hello.file)), viewDir, { recursive: true, dereference: true });
        const render = (require(path.join(viewDir, 'handler.js')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> })
          .handler;
        const page = await render(httpApiEvent('GET', '/hello'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
        expect(page).toMatchObject({ statusCode: 200, body: 'HELLO FROM THE VIEW\n' });
      } finally {
        for (const t of [lambda, ...temps]) fs.rmSync(t, { recursive: true, force: true });
      }
    } finally {
      removeTemp(dir);
    }
  }, 120_000);

  // sequelize-cli's models/index.js: it lists its own folder and requires each model by a joined
  // name; the ORM loads its driver by a name from its settings, named only in `peerDependenciesMeta`.
  it('carries the models a folder index loads, and ships the driver an ORM loads by name', async () => {
    const dir = makeTemp('models-index');
    const lambda = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-lambda-'));
    try {
      writeFiles(dir, {
        'package.json': '{"name":"models-index","private":true,"dependencies":{"express":"^5.1.0","ormish":"1.0.0","pgish":"1.0.0"}}\n',
        'node_modules/ormish/package.json':
          '{"name":"ormish","version":"1.0.0","peerDependenciesMeta":{"pgish":{"optional":true},"mysqlish":{"optional":true}}}\n',
        'node_modules/ormish/index.js':
          "module.exports = class Orm { constructor(dialect) { this.driver = require(dialect + 'ish'); } define(name) { return { name, driver: this.driver.name }; } };\n",
        'node_modules/pgish/package.json': '{"name":"pgish","version":"1.0.0"}\n',
        'node_modules/pgish/index.js': "exports.name = 'pgish';\n",
        'models/index.js': [
          "const fs = require('fs');",
          "const path = require('path');",
          "const Orm = require('ormish');",
          'const basename = path.basename(__filename);',
          "const orm = new Orm(process.env.DB_DIALECT || 'pg');",
          'const db = {};',
          'fs.readdirSync(__dirname)',
          "  .filter((file) => file !== basename && file.endsWith('.js'))",
          '  .forEach((file) => {',
          '    const model = require(path.join(__dirname, file))(orm);',
          '    db[model.name] = model;',
          '  });',
          'module.exports = db;',
          '',
        ].join('\n'),
        'models/user.js': "module.exports = (orm) => orm.define('User');\n",
        'models/post.js': "module.exports = (orm) => orm.define('Post');\n",
        'server.js': [
          "const express = require('express');",
          "const db = require('./models');",
          'const app = express();',
          "app.get('/models', (req, res) => res.json(db));",
          'module.exports = app;',
          '',
        ].join('\n'),
      });
      const { out, report } = await splitWithExpress(dir);
      const bundle = report.bundles.find((b) => b.file.startsWith('dist/functions/'))!;
      expect(bundle.dynamicModules).toEqual({ requirers: ['models/index.js'], modules: ['models/index.js', 'models/post.js', 'models/user.js'] });
      expect(bundle.externalized!.map((e) => e.name)).toEqual(['ormish']);
      // Apart from the app, as Lambda runs it: nothing to find by walking up.
      fs.cpSync(path.join(out, path.dirname(bundle.file)), lambda, { recursive: true, dereference: true });
      expect(fs.existsSync(path.join(lambda, 'node_modules', 'pgish', 'index.js'))).toBe(true);
      expect(fs.existsSync(path.join(lambda, 'node_modules', 'mysqlish'))).toBe(false); // not installed: not shipped
      const { handler } = require(path.join(lambda, 'handler.js')) as { handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }> };
      const answer = await handler(httpApiEvent('GET', '/models'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
      expect(JSON.parse(answer.body)).toEqual({ Post: { name: 'Post', driver: 'pgish' }, User: { name: 'User', driver: 'pgish' } });
    } finally {
      removeTemp(dir);
      fs.rmSync(lambda, { recursive: true, force: true });
    }
  }, 120_000);
});
