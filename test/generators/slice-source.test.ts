import { sliceSource } from '../../generators/slice/slice-source';

const lines = (text: string) => text.split('\n').length;

describe('generators/slice sliceSource', () => {
  it('blanks the registrations on the dropped lines and the requires only they used, keeping lines', () => {
    const text = [
      "const express = require('express');", // 1
      "const users = require('./users');", // 2
      "const orders = require('./orders');", // 3
      "require('./db');", // 4
      'const app = express();', // 5
      "app.get('/users', users.list);", // 6
      "app.get('/orders', orders.list);", // 7
      'module.exports = app;', // 8
    ].join('\n');
    const cut = sliceSource(text, 'app.js', { drop: [7], keep: [6] })!;
    expect(cut).toMatchObject({ droppedStatements: 1, droppedImports: 1 });
    expect(cut.text).not.toContain('orders');
    expect(cut.text).toContain("require('./users')");
    expect(cut.text).toContain("require('./db')");
    expect(lines(cut.text)).toBe(lines(text));
  });

  it('keeps a statement that also registers a kept route (a route chain)', () => {
    const text = ["router.route('/items')", '  .get(items.list)', '  .post(items.create);'].join('\n');
    expect(sliceSource(text, 'r.js', { drop: [3], keep: [2] })).toBeUndefined();
  });

  it('leaves a valid statement under an `if` without braces', () => {
    const text = ["if (process.env.X) app.post('/x', x.create);", "app.get('/y', y.show);"].join('\n');
    const cut = sliceSource(text, 'app.ts', { drop: [1], keep: [2] })!;
    expect(cut.text).toBe("if (process.env.X) ;\napp.get('/y', y.show);");
  });

  it('picks the registration, not a statement of an inline handler on the same line', () => {
    const text = "app.get('/a', (req, res) => { res.send('a'); });\napp.get('/b', b);";
    expect(sliceSource(text, 'app.js', { drop: [1], keep: [2] })!.text).toBe(";\napp.get('/b', b);");
  });

  it('keeps an import another statement still uses, and ES imports only the dropped ones used go', () => {
    const text = ["import { a, shared } from './a';", "import b from './b';", "app.get('/a', a, shared);", "app.get('/b', b, shared);"].join('\n');
    const cut = sliceSource(text, 'app.ts', { drop: [3], keep: [4] })!;
    expect(cut.text).toContain("import { a, shared } from './a';"); // `shared` is still used
    expect(cut.text).toContain("import b from './b';");
    const other = sliceSource(text, 'app.ts', { drop: [4], keep: [3] })!;
    expect(other.text).not.toContain("from './b'");
  });

  it('does nothing where no registration sits on a dropped line', () => {
    expect(sliceSource("const x = require('x');\nx.start();", 'a.js', { drop: [2], keep: [] })).toBeUndefined();
  });

  it("leaves out `param` callbacks for names none of the function's paths hold, and the requires only they used", () => {
    const text = [
      "const users = require('./users');", // 1
      "const articles = require('./articles');", // 2
      'module.exports = (app) => {', // 3
      "  app.get('/users/:userId', users.show);", // 4
      "  app.get('/articles/:id', articles.show);", // 5
      "  app.param('userId', users.load);", // 6
      "  app.param('id', articles.load);", // 7
      "  app.param(['a', 'b'], users.pair);", // 8
      '};', // 9
    ].join('\n');
    const cut = sliceSource(text, 'routes.js', { drop: [5], keep: [4], params: ['userId'] })!;
    expect(cut.text).not.toContain('articles');
    expect(cut.text).toContain("app.param('userId', users.load);");
    expect(cut.text).not.toContain("['a', 'b']");
    expect(cut).toMatchObject({ droppedStatements: 3, droppedImports: 1 });
    expect(lines(cut.text)).toBe(lines(text));
  });

  it('keeps every `param` callback when the paths are not all known', () => {
    const text = ["app.param('id', articles.load);", "app.get('/b', b);", "app.get('/c', c);"].join('\n');
    const cut = sliceSource(text, 'app.js', { drop: [3], keep: [2] })!;
    expect(cut.text).toContain("app.param('id', articles.load);");
  });

  it('leaves boot timers out, but never an export or what builds and starts the app', () => {
    const text = [
      "const express = require('express');", // 1
      'setInterval(sweep, 60000);', // 2: a plain timer at boot
      'async function startServer() {', // 3
      '  const app = express();', // 4: the root app (protected)
      '  setInterval(() => app.locals.ticks++, 1000);', // 5: a timer inside what builds the app
      '  app.listen(3000);', // 6: protected
      '}', // 7
      'startServer();', // 8: where the timer is started from
      'module.exports = function loader() {', // 9
      '  setInterval(refresh, 5000);', // 10: a timer inside an export
      '};', // 11
    ].join('\n');
    const cut = sliceSource(text, 'app.js', { drop: [], keep: [], boot: [2, 5, 8, 10], protect: [4, 6] })!;
    expect(cut.droppedBoot).toBe(1);
    expect(cut.text).not.toContain('sweep');
    for (const kept of ['async function startServer() {', 'startServer();', 'module.exports = function loader() {']) expect(cut.text).toContain(kept);
    // Without the protection, the timer's statement and its start go, and the app with them.
    expect(sliceSource(text, 'app.js', { drop: [], keep: [], boot: [2, 5, 8] })!.text).not.toContain('startServer();');
  });

  it("drops @awaitjs/express's `getAsync` registrations like `get`", () => {
    const text = ["const orders = require('./orders');", "app.getAsync('/orders', orders.list);", "app.getAsync('/users', users.list);"].join('\n');
    const cut = sliceSource(text, 'app.js', { drop: [2], keep: [3] })!;
    expect(cut).toMatchObject({ droppedStatements: 1, droppedImports: 1 });
    expect(cut.text).not.toContain('orders');
  });
});
