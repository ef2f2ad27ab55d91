import { pruneModule } from '../../generators/slice/prune-module';
import { usedExportsOf } from '../../generators/slice/used-exports';

const lines = (text: string) => text.split('\n').length;
const js = (...l: string[]) => l.join('\n');

describe('generators/slice pruneModule', () => {
  it('leaves out unused CommonJS exports and the requires and declarations only they used', () => {
    const text = js(
      "const User = require('./user');", // used by login
      "const mailer = require('nodemailer');", // only by reset
      'const SUBJECT = "reset";',
      'function helper() { return User.find(); }',
      'exports.login = (req, res) => res.json(helper());',
      'exports.reset = (req, res) => mailer.send(SUBJECT);',
    );
    const pruned = pruneModule(text, 'c.js', new Set(['login']))!;
    expect(pruned.droppedExports).toEqual(['reset']);
    expect(pruned.dropped).toBe(3);
    expect(pruned.text).not.toMatch(/nodemailer|SUBJECT|exports\.reset/);
    expect(pruned.text).toContain("require('./user')");
    expect(pruned.text).toContain('function helper()');
    expect(lines(pruned.text)).toBe(lines(text));
  });

  it('prunes the members of `module.exports = {...}` and ES module exports', () => {
    const cjs = js(
      "const a = require('a');",
      "const b = require('b');",
      'function one() { a(); }',
      'const two = () => b();',
      'module.exports = {',
      '  one,',
      '  two,',
      '};',
    );
    const pruned = pruneModule(cjs, 'c.js', new Set(['one']))!;
    expect(pruned.text).not.toMatch(/require\('b'\)|two/);
    expect(pruned.text).toMatch(/module\.exports = \{\n {2}one,/);
    expect(() => new Function('require', 'module', pruned.text)).not.toThrow(); // still parses

    const esm = js(
      "import { a } from './a';",
      "import { b } from './b';",
      'export const one = () => a();',
      'export function two() { return b(); }',
      'export interface Shape { b: typeof b }',
    );
    const kept = pruneModule(esm, 'c.ts', new Set(['two']))!;
    expect(kept.droppedExports).toEqual(['one']);
    expect(kept.text).not.toContain("from './a'");
    expect(kept.text).toContain("from './b'");
  });

  it('keeps what runs at load time, and handlers a wrapper call builds go like functions', () => {
    const text = js(
      "const db = require('./db');",
      "const { wrap } = require('co');",
      'db.connect();', // runs: stays, with what it uses
      "const Article = db.model('Article');", // a call: stays
      'exports.list = wrap(function* (req, res) { res.json(yield Article.find()); });',
      'exports.show = wrap(function* (req, res) { res.json({}); });',
      "exports.upload = multer({ dest: 'x' });", // a call without a function argument: stays
    );
    const pruned = pruneModule(text, 'c.js', new Set(['list']))!;
    expect(pruned.droppedExports).toEqual(['show']);
    expect(pruned.text).toContain('db.connect();');
    expect(pruned.text).toContain("exports.upload = multer({ dest: 'x' });");
  });

  it('keeps an export the kept code reads back through `exports`', () => {
    const text = js('exports.load = (id) => id;', 'exports.show = (req, res) => res.json(exports.load(req.params.id));', 'exports.other = () => 1;');
    expect(pruneModule(text, 'c.js', new Set(['show']))!.droppedExports).toEqual(['other']);
  });

  it('gives up when the exports cannot be told apart', () => {
    expect(pruneModule('module.exports = factory();\nexports.a = () => 1;', 'c.js', new Set(['a']))).toBeUndefined();
    expect(pruneModule('exports.a = () => 1;\nexports.b = () => 2;\nObject.assign(exports, extra);', 'c.js', new Set(['a']))).toBeUndefined();
    expect(pruneModule('exports.a = function () { return this.b(); };\nexports.b = () => 2;', 'c.js', new Set(['a']))).toBeUndefined();
    expect(pruneModule("export * from './all';\nexport const a = 1;", 'c.ts', new Set(['a']))).toBeUndefined();
    expect(pruneModule('exports.a = () => 1;', 'c.js', new Set(['a']))).toBeUndefined(); // nothing to leave out
  });
});

describe('generators/slice usedExportsOf', () => {
  const target = 'controllers/auth.js';
  it('names the members an importer reads', () => {
    expect(
      usedExportsOf('server.js', "const auth = require('./controllers/auth');\napp.post('/login', auth.login);\napp.get('/me', auth['me']);", target),
    ).toEqual(new Set(['login', 'me']));
    expect(usedExportsOf('routes/a.js', "const { login, reset: r } = require('../controllers/auth');", target)).toEqual(new Set(['login', 'reset']));
    expect(usedExportsOf('server.js', "app.post('/x', require('./controllers/auth').login);", target)).toEqual(new Set(['login']));
    expect(
      usedExportsOf(
        'server.ts',
        "import * as auth from './controllers/auth';\nimport { me } from './controllers/auth';\nrouter.get('/', auth.list, me);",
        'controllers/auth.ts',
      ),
    ).toEqual(new Set(['list', 'me']));
  });

  it('says `all` when the module is used whole, and nothing when it is not imported', () => {
    expect(usedExportsOf('server.js', "const auth = require('./controllers/auth');\nmount(auth);", target)).toBe('all');
    expect(usedExportsOf('server.js', "const auth = require('./controllers/auth');\nauth.login = wrap(auth.login);", target)).toBe('all');
    expect(usedExportsOf('server.js', "const { login, ...rest } = require('./controllers/auth');", target)).toBe('all');
    expect(usedExportsOf('server.js', "import auth from './controllers/auth';", target)).toBe('all');
    expect(usedExportsOf('server.js', "const users = require('./controllers/users');", target)).toBeUndefined();
  });
});
