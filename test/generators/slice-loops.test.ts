import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { makeTemp, removeTemp } from '../support/bad-input';
import { httpApiEvent } from '../support/invoke-functions-process';
import { splitAndBundle } from '../support/split-and-bundle';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'generators');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

// A loop that registers a module per turn (every router of a folder, one sub-app per controller
// folder) registers for every function on one line: the line stays, but in each function's copy
// the loop's computed require loads only the modules the function serves, so its bundle carries
// no other function's code, and the other turns register an inert stand-in.
describe('generators/slice loops over modules', () => {
  const temps: string[] = [];
  const temp = () => temps[temps.push(makeTemp('slice-loop')) - 1]!;
  afterAll(() => temps.forEach(removeTemp));

  it('of routers mounted from a folder: each bundle carries its own router only and answers', async () => {
    const out = temp();
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-folder-loop'), out);
    const users = split.bundleOf('GET /users/:id');
    expect(users.text).toContain('users-router-code');
    expect(users.text).not.toContain('orders-router-code');
    expect(users.text).not.toContain('invoices-router-code');
    expect(users.size.extraction?.kind).not.toBe('whole-app');
    // The folder the loop reads is listed beside the bundle, other functions' modules empty.
    const routes = path.join(out, path.dirname(users.size.file), 'routes');
    expect(fs.readdirSync(routes).sort()).toEqual(['invoices.js', 'orders.js', 'users.js']);
    expect(fs.statSync(path.join(routes, 'orders.js')).size).toBe(0);
    expect(users.size.dynamicModules?.modules).toEqual(['routes/users.js']);

    const copy = fs.readFileSync(path.join(out, 'functions', users.size.id, 'app', 'server.js'), 'utf8');
    expect(copy).toContain('const router = __cleaveLoopRequire(path.join(routesDir, file));');
    expect(copy.split('\n').slice(0, 18).join('\n')).toBe(
      fs
        .readFileSync(path.join(FIXTURES, 'slice-folder-loop', 'server.js'), 'utf8')
        .split('\n')
        .slice(0, 18)
        .join('\n')
        .replace('require(path.join(routesDir, file))', '__cleaveLoopRequire(path.join(routesDir, file))')
        .replace("path.join(__dirname, 'routes')", "path.join(__cleaveDirname(), 'routes')"),
    );

    const shown = await users.handler(httpApiEvent('GET', '/users/7'), CONTEXT);
    expect(shown.statusCode).toBe(200);
    expect(JSON.parse(shown.body)).toEqual({ id: '7', from: 'users-router-code' });
    expect((await users.handler(httpApiEvent('GET', '/orders/7'), CONTEXT)).statusCode).toBe(404);

    const orders = split.bundleOf('GET /orders');
    expect(orders.text).toContain('orders-router-code');
    expect(orders.text).not.toContain('users-router-code');
    expect(JSON.parse((await orders.handler(httpApiEvent('GET', '/orders'), CONTEXT)).body)).toEqual({ list: 'orders', from: 'orders-router-code' });
  }, 90_000);

  it('of sub-apps built per controller folder inside a function: each bundle carries its own controllers, across registration lines', async () => {
    const out = temp();
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-controller-loop'), out);
    // `if (!module.parent) app.listen(3000)`: a bundle's module wrapper has no parent, yet no function may listen.
    const listen = jest.spyOn(http.Server.prototype, 'listen').mockImplementation(function (this: http.Server) {
      return this; // never a real port: a failing run must not hang on an open server
    });
    const book = split.bundleOf('GET /book/:book_id');
    expect(book.text).toContain('book-controller-code');
    expect(book.text).not.toContain('author-controller-code');
    // `index` is registered on another line of the same loop: the home controller stays out too.
    expect(book.text).not.toContain('home-controller-code');
    expect(book.size.slice?.files).toEqual(['index.js', 'lib/boot.js']);
    const shown = await book.handler(httpApiEvent('GET', '/book/1'), CONTEXT);
    expect(JSON.parse(shown.body)).toEqual({ book: { id: 1, name: 'book one' }, from: 'book-controller-code' });

    const home = split.bundleOf('GET /');
    expect(home.text).toContain('home-controller-code');
    expect(home.text).not.toContain('book-controller-code');
    expect(home.text).not.toContain('author-controller-code');
    expect(JSON.parse((await home.handler(httpApiEvent('GET', '/'), CONTEXT)).body)).toEqual({ home: true, from: 'home-controller-code' });
    expect(listen).not.toHaveBeenCalled();
    listen.mockRestore();
  }, 90_000);
});
