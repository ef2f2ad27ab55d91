import { appAliasesOf } from '../../model/app-aliases';

describe('load appAliasesOf', () => {
  it("reads module-alias's `_moduleAliases` and the start script's NODE_PATH, as app-relative paths", () => {
    const pkg = {
      _moduleAliases: { '@root': '.', '@models': './app/models/', '@out': '../elsewhere', '@abs': '/etc' },
      scripts: { start: 'cross-env NODE_PATH=./src:lib node index.js' },
    };
    expect(appAliasesOf(pkg)).toEqual({ aliases: { '@models': 'app/models', '@root': '.' }, nodePaths: ['src', 'lib'] });
  });

  it('finds none in a package.json without them, or in none at all', () => {
    expect(appAliasesOf({ scripts: { start: 'node server.js' } })).toEqual({ aliases: {}, nodePaths: [] });
    expect(appAliasesOf(undefined)).toEqual({ aliases: {}, nodePaths: [] });
  });
});
