import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { splitAndBundle } from '../support/split-and-bundle';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'generators');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

// Apps that mount their routers from a table, one line mounting one entry per turn: each
// function's copy of the file holding the table keeps only the entries of routers it needs, so
// its bundle never loads the others' route modules, controllers and services.
describe('generators/slice route tables', () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-tables-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('leave the other routers out of a `{ path, route }` table, and answer', async () => {
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-route-table'), out);
    const users = split.bundleOf('GET /v1/users');
    for (const other of ['auth-route-module', 'auth-controller-code', 'docs-route-module']) expect(users.text).not.toContain(other);
    expect(users.text).toContain('users-controller-code');
    expect(users.size.slice).toEqual({ files: ['app.js', 'routes/index.js'], alsoOriginal: [] });
    const answer = await users.handler(httpApiEvent('GET', '/v1/users'), CONTEXT);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['x-area']).toBe('user-route-module');
    expect(JSON.parse(answer.body)).toEqual({ users: ['users-controller-code'] });

    const copy = fs.readFileSync(path.join(out, 'functions', users.size.id, 'app', 'routes', 'index.js'), 'utf8');
    const original = fs.readFileSync(path.join(FIXTURES, 'slice-route-table', 'routes', 'index.js'), 'utf8');
    expect(copy).not.toMatch(/authRoute|docsRoute/);
    expect(copy).toContain("{ path: '/users', route: userRoute },");
    expect(copy.split('\n').indexOf('defaultRoutes.forEach((route) => {')).toBe(original.split('\n').indexOf('defaultRoutes.forEach((route) => {')); // line numbers kept

    // The entry of the conditional table is the docs function's own: kept, and it answers.
    const docs = split.bundleOf('GET /v1/docs');
    expect(docs.text).not.toContain('users-controller-code');
    expect(JSON.parse((await docs.handler(httpApiEvent('GET', '/v1/docs'), CONTEXT)).body)).toEqual({ docs: 'docs-route-module' });
    const sliced = split.diagnostics.find((d) => d.code === 'REGISTRATIONS_SLICED' && d.subject === users.size.id);
    expect(sliced?.message).toContain("2 route table entries carrying only other functions' routers");
  }, 60_000);

  it('leave the other route classes out of `new App([new UsersRoute(), ...])`, through path aliases, and answer', async () => {
    const fixture = path.join(FIXTURES, 'slice-class-routes');
    const split = await splitAndBundle(fixture, out);
    const users = split.bundleOf('GET /users/:id');
    for (const other of ['auth-service-code', 'index-route-code']) expect(users.text).not.toContain(other);
    expect(users.text).toContain('users-service-code');
    const answer = await users.handler(httpApiEvent('GET', '/users/7'), CONTEXT);
    expect(JSON.parse(answer.body)).toEqual({ data: { id: '7', from: 'users-service-code' } });

    // The copies name the monolith's files and each other by relative paths: the output folder
    // (outside the app here) has no tsconfig to resolve `@routes/...`. The route class is a copy
    // too, without the registration of `GET /users`.
    const copies = path.join(out, 'functions', users.size.id, 'app', 'src');
    const copy = fs.readFileSync(path.join(copies, 'server.ts'), 'utf8');
    expect(copy).toContain("import { UsersRoute } from './routes/users.route';");
    expect(copy).toContain('const app = new App([new UsersRoute(), ]);');
    expect(copy).not.toMatch(/AuthRoute|IndexRoute|@routes/);
    const route = fs.readFileSync(path.join(copies, 'routes', 'users.route.ts'), 'utf8');
    const toControllers = path
      .relative(path.join(copies, 'routes'), path.join(fixture, 'src', 'controllers'))
      .split(path.sep)
      .join('/');
    expect(route).toContain(`import { UsersController } from '${toControllers}/users.controller';`);
    expect(route).not.toContain('this.controller.list');

    const index = split.bundleOf('GET /');
    expect(index.text).not.toMatch(/users-service-code|auth-service-code/);
    expect(JSON.parse((await index.handler(httpApiEvent('GET', '/'), CONTEXT)).body)).toEqual({ ok: 'index-route-code' });
  }, 60_000);

  it('slice through a loader chain to a server that listens after an await, and answer', async () => {
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-loader-chain'), out);
    const user = split.bundleOf('GET /api/user/me');
    expect(user.text).not.toMatch(/auth-service-code|status-route-code/);
    expect(user.text).toContain('user-service-code');
    // Served through the entry: the loaders' index registers nothing, yet it leads to what does, so its copy loads the sliced loader.
    expect(user.size.slice?.files).toEqual(['src/api/index.ts', 'src/api/routes/auth.ts', 'src/app.ts', 'src/loaders/express.ts', 'src/loaders/index.ts']);
    const answer = await user.handler(httpApiEvent('GET', '/api/user/me'), CONTEXT);
    expect(JSON.parse(answer.body)).toEqual({ from: 'user-service-code' });
    const status = split.bundleOf('GET /status');
    expect(status.text).not.toMatch(/auth-service-code|user-service-code/);
    expect(status.size.slice?.files).toEqual(['src/app.ts', 'src/loaders/express.ts', 'src/loaders/index.ts']);
    expect(JSON.parse((await status.handler(httpApiEvent('GET', '/status'), CONTEXT)).body)).toEqual({ status: 'status-route-code' });
  }, 60_000);
});

// An object route map walked by a function of the app (Express's route-map example): each
// function's copy keeps only the map's methods it serves, and the modules only the others used
// stay out of its bundle.
describe('generators/slice route maps', () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-maps-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('leave the methods and paths of other functions out of the map, and answer', async () => {
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-route-map'), out);
    const list = split.bundleOf('GET /users');
    expect(list.text).not.toContain('pets-handler-code');
    expect(list.text).toContain('users-handler-code');
    expect(JSON.parse((await list.handler(httpApiEvent('GET', '/users'), CONTEXT)).body)).toEqual({ users: ['ann', 'bob'], from: 'users-handler-code' });
    const copy = fs.readFileSync(path.join(out, 'functions', list.size.id, 'app', 'index.js'), 'utf8');
    expect(copy).toContain('    get: users.list,');
    expect(copy).not.toMatch(/'\/:uid'|pets/);
    const original = fs.readFileSync(path.join(FIXTURES, 'slice-route-map', 'index.js'), 'utf8');
    expect(copy.split('\n').indexOf('if (require.main === module) app.listen(3000);')).toBe(
      original.split('\n').indexOf('if (require.main === module) app.listen(3000);'),
    ); // line numbers kept

    const pets = split.bundleOf('GET /users/:uid/pets');
    expect(pets.text).toContain('pets-handler-code');
    expect(JSON.parse((await pets.handler(httpApiEvent('GET', '/users/7/pets'), CONTEXT)).body)).toEqual({
      owner: '7',
      pets: ['rex'],
      from: 'pets-handler-code',
    });
    // Another function's route is no longer registered in this one's app: it falls through to a 404.
    expect((await pets.handler(httpApiEvent('GET', '/users'), CONTEXT)).statusCode).toBe(404);
    const sliced = split.diagnostics.find((d) => d.code === 'REGISTRATIONS_SLICED' && d.subject === list.size.id);
    expect(sliced?.message).toContain('1 route table entry carrying only other functions');
  }, 60_000);
});
