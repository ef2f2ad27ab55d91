import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAppWithRecorder, recordExpress, runtimeRoutes, type RuntimeRoutesOptions } from './runtime-routes';

const ROOT = path.join(__dirname, '..', '..');
const EXPRESS_4 = path.join(ROOT, 'samples', 'shop-api', 'node_modules', 'express');
const EXPRESS_5 = path.join(ROOT, 'node_modules', 'express');

type Express = any;
const ok = (_req: unknown, res: { end(): void }): void => res.end();
const mw = (_req: unknown, _res: unknown, next: () => void): void => next();
const keys = (app: unknown, options?: RuntimeRoutesOptions): string[] => runtimeRoutes(app, options).map((r) => `${r.method} ${r.path}`);

describe.each([
  ['Express 4', EXPRESS_4, /^4\./],
  ['Express 5', EXPRESS_5, /^5\./],
])('runtimeRoutes on %s', (_name, dir, version) => {
  const express: Express = require(dir);
  beforeAll(() => recordExpress(express));

  it('uses the intended express copy', () => {
    expect(require(path.join(dir, 'package.json')).version).toMatch(version);
  });

  it('reports each method, head, options, all() and route() chains', () => {
    const app = express();
    app.use(express.json());
    app.get('/items', ok);
    app.post('/items', mw, ok);
    app.put('/items/:id', ok);
    app.patch('/items/:id', ok);
    app.delete('/items/:id', ok);
    app.head('/health', ok);
    app.options('/items', ok);
    app.all('/ping', ok);
    app.route('/books').get(ok).post(ok).delete(ok);
    const router = express.Router();
    router.route('/').get(ok).all(ok);
    app.use('/authors', router);
    expect(keys(app)).toEqual([
      'ALL /authors',
      'ALL /ping',
      'DELETE /books',
      'DELETE /items/:id',
      'GET /authors',
      'GET /books',
      'GET /items',
      'HEAD /health',
      'OPTIONS /items',
      'PATCH /items/:id',
      'POST /books',
      'POST /items',
      'PUT /items/:id',
    ]);
  });

  it('joins nested routers three levels deep, a "/" route being the prefix', () => {
    const app = express();
    const api = express.Router();
    const v1 = express.Router();
    const users = express.Router();
    users.get('/', ok);
    users.get('/:id/posts', ok);
    v1.use('/users', users);
    v1.use(express.Router().get('/status', ok).get('/', ok));
    api.use('/v1', v1);
    app.use('/api', api);
    app.use('/', express.Router().get('/', ok));
    expect(keys(app)).toEqual(['GET /', 'GET /api/v1', 'GET /api/v1/status', 'GET /api/v1/users', 'GET /api/v1/users/:id/posts']);
  });

  it('recurses into sub-apps, nested and pathless ones', () => {
    const app = express();
    const admin = express();
    const reports = express();
    const pathless = express();
    reports.get('/daily', ok);
    admin.use(mw);
    admin.get('/', ok);
    admin.use('/reports', reports);
    pathless.get('/about', ok);
    app.use('/admin', admin);
    app.use(pathless);
    app.use('/empty', express());
    expect(keys(app)).toEqual(['GET /about', 'GET /admin', 'GET /admin/reports/daily']);
  });

  it('gives one route per path of an array, for routes and for mounts', () => {
    const app = express();
    app.get(['/a', '/b'], ok);
    app.use(['/v1', '/v2'], express.Router().post(['/x', '/y'], ok));
    expect(keys(app)).toEqual(['GET /a', 'GET /b', 'POST /v1/x', 'POST /v1/y', 'POST /v2/x', 'POST /v2/y']);
  });

  it('prints regular expressions as regex:, after the prefix they are mounted under', () => {
    const app = express();
    app.get(/^\/files\/(.*)$/i, ok);
    app.use('/api', express.Router().get(/\/v\d+$/, ok));
    expect(keys(app)).toEqual(['GET /api + regex:/\\/v\\d+$/', 'GET regex:/^\\/files\\/(.*)$/i']);
  });

  it('counts a terminal use(path, fn) as USE, but not middleware or a pathless 404 handler', () => {
    const app = express();
    app.use(mw);
    app.use('/guarded', mw);
    app.use('/hook', mw, ok);
    app.use('/legacy', express.Router().use('/ping', ok));
    app.use('/first', ok, mw);
    app.use(ok);
    expect(keys(app)).toEqual(['USE /hook', 'USE /legacy/ping']);
  });

  it('reports a method and path registered twice once, sorted by METHOD path', () => {
    const app = express();
    app.post('/z', mw);
    app.get('/b', ok);
    app.post('/z', ok);
    app.get('/a', ok);
    expect(runtimeRoutes(app)).toEqual([
      { method: 'GET', path: '/a' },
      { method: 'GET', path: '/b' },
      { method: 'POST', path: '/z' },
    ]);
  });

  describe('without the recorder', () => {
    let raw: Express;
    beforeAll(() =>
      jest.isolateModules(() => {
        raw = require(dir);
      }),
    );

    it('finds mounted sub-apps among the known apps, and pathless routers', () => {
      const app = raw();
      const admin = raw();
      const shop = raw();
      admin.get('/', ok);
      shop.get('/cart', ok);
      app.use('/admin', admin);
      app.use('/shop', shop);
      app.use(raw.Router().get('/health', ok));
      expect(() => keys(app)).toThrow(/options\.apps/);
      expect(keys(app, { apps: [shop, admin] })).toEqual(['GET /admin', 'GET /health', 'GET /shop/cart']);
    });

    it(`${version.test('5.') ? 'reads' : 'cannot know'} the path a router is mounted under`, () => {
      const app = raw();
      app.use('/api', raw.Router().get('/x', ok));
      if (version.test('5.')) expect(keys(app)).toEqual(['GET /api/x']);
      else expect(() => keys(app)).toThrow(/unknown path/);
    });
  });
});

describe('loadAppWithRecorder', () => {
  let tmp: string;
  const write = (files: Record<string, string>): void => {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
      fs.writeFileSync(path.join(tmp, file), text);
    }
  };
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-runtime-routes-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const SERVER = `
    const express = require('express');
    const http = require('http');
    const cors = require('cors');
    const app = express();
    const admin = express();
    admin.get('/', (req, res) => res.end());
    app.options('/x', cors());
    app.use('/admin', admin);
    app.use('/api', express.Router().get('/', (req, res) => res.end()));
    exports.server = app.listen(4567, () => { exports.called = true; });
    exports.raw = http.createServer(app).listen(4568);
    exports.major = require('express/package.json').version[0];
  `;

  it.each([
    ['4', EXPRESS_4],
    ['5', EXPRESS_5],
  ])('patches the express %s copy the app resolves and opens no port', async (major, dir) => {
    write({ 'package.json': '{"name":"t","private":true}', 'server.js': SERVER });
    fs.mkdirSync(path.join(tmp, 'node_modules'));
    fs.symlinkSync(dir, path.join(tmp, 'node_modules', 'express'), 'dir');
    const stubs = { cors: () => (_req: unknown, res: { end(): void }) => res.end() };
    const loaded = await loadAppWithRecorder(path.join(tmp, 'server.js'), undefined, { stubs });
    const exported = loaded.exports as { server: any; raw: any; called: boolean; major: string };
    expect(exported.major).toBe(major);
    expect(loaded.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /admin', 'GET /api', 'OPTIONS /x']);
    expect(loaded.apps).toHaveLength(2);
    expect(exported.called).toBe(true);
    expect(exported.server.address()).toMatchObject({ port: 0 });
    expect(exported.raw.listening).toBe(false);
  });

  it('loads TypeScript, waits for dynamic imports and honours options.express and pick', async () => {
    write({
      'src/server.ts': `
        import express from 'express';
        export const site = express();
        export const api = express();
        site.get('/', (_req, res) => { res.end(); });
        import('./routes').then((m) => api.use('/reports', m.default));
        api.listen(3000);`,
      'src/routes.ts': `
        import { Router } from 'express';
        const router = Router();
        router.get('/:id', (_req, res) => { res.end(); });
        export default router;`,
    });
    const loaded = await loadAppWithRecorder(path.join(tmp, 'src', 'server.ts'), (exported) => (exported as { api: unknown }).api, { express: EXPRESS_4 });
    expect(loaded.routes).toEqual([{ method: 'GET', path: '/reports/:id' }]);
    expect(typeof (loaded.app as { lazyrouter?: unknown }).lazyrouter).toBe('function');
  });
});
