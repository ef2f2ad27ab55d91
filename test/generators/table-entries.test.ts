import { parseSource } from '../../generators/slice/module-specifiers';
import { tableEntries } from '../../generators/slice/table-entries';

const MODULES = { elsewhere: new Set(['routes/auth.js', 'routes/docs.js']), needed: new Set(['routes/users.js', 'lib/guard.js']) };

/** The texts of the entries `tableEntries` leaves out of `text` (as `routes/index.js`). */
function entriesOf(text: string, aliases: Record<string, string> = {}): string[] {
  const source = parseSource('routes/index.js', text);
  return tableEntries(source, 'routes/index.js', MODULES, aliases).map((e) => e.getText(source));
}

describe('generators/slice tableEntries', () => {
  it('finds entries carrying a router only other functions need, in every table shape', () => {
    const text = [
      "const auth = require('./auth');",
      "const users = require('./users');",
      "import { Docs } from './docs';",
      "const table = [{ path: '/auth', route: auth }, { path: '/users', route: users }];",
      'const app = new App([new Docs(), new Users()]);',
      "const byPath = new Map([['/auth', auth], ['/users', users]]);",
      "const inline = [{ path: '/docs', route: require('./docs') }];",
    ].join('\n');
    expect(entriesOf(text)).toEqual(["{ path: '/auth', route: auth }", 'new Docs()', "['/auth', auth]", "{ path: '/docs', route: require('./docs') }"]);
  });

  it('resolves aliased imports', () => {
    expect(entriesOf("import { AuthRoute } from '@routes/auth';\nnew App([new AuthRoute()]);", { '@routes/auth': 'routes/auth.js' })).toEqual([
      'new AuthRoute()',
    ]);
  });

  it('keeps an entry that also names a module the function needs, and what is no table entry', () => {
    const text = [
      "const auth = require('./auth');",
      "const guard = require('../lib/guard');",
      'const mixed = [{ route: auth, guard }];',
      "router.use('/auth', auth);",
      'const spread = [...auth.routes];',
      'const wrapped = [new App([new Users()])];',
      'function f(auth) { return [auth]; }', // the parameter, not the import
      'function g() { const auth = 1; return [auth]; }',
    ].join('\n');
    expect(entriesOf(text)).toEqual([]);
  });

  it('finds nothing when no module is needed elsewhere', () => {
    const source = parseSource('a.js', "const auth = require('./routes/auth');\n[auth];");
    expect(tableEntries(source, 'a.js', { elsewhere: new Set(), needed: new Set() })).toEqual([]);
  });
});
