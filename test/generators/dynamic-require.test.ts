import { dynamicRequirePackages } from '../../bundler/shipped-packages';

describe('bundler dynamicRequirePackages', () => {
  it('names each installed instance whose bundled code requires a name known only at run time', () => {
    const bundle = [
      '// node_modules/mongoose/lib/index.js',
      'var Connection = require(driver + "/connection");',
      '// node_modules/a/node_modules/pkginfo/index.js',
      'var pkg = { ...require(__dirname + "/../package.json") };',
      '// node_modules/mquery/lib/utils.js',
      'paths.require(x); var y = require_utils(); var z = require("literal"); function __require() {}',
      '// src/app.ts',
      'var plugin = require(name);',
    ].join('\n');
    expect(dynamicRequirePackages(bundle, '/out')).toEqual([
      { name: 'mongoose', dir: '/out/node_modules/mongoose', reason: 'require(driver + "/connection") in mongoose/lib/index.js' },
      { name: 'pkginfo', dir: '/out/node_modules/a/node_modules/pkginfo', reason: 'require(__dirname + "/../package.json") in pkginfo/index.js' },
    ]);
  });

  it('says in words why a package handing on or reading its module object is shipped installed', () => {
    const bundle = [
      '// node_modules/passport/lib/passport/index.js',
      'require_pkginfo()(module2, "version");',
      '// node_modules/finder/index.js',
      'var here = module.filename;',
    ].join('\n');
    expect(dynamicRequirePackages(bundle, '/out')).toEqual([
      { name: 'finder', dir: '/out/node_modules/finder', reason: 'reads module.filename to find its files in finder/index.js' },
      {
        name: 'passport',
        dir: '/out/node_modules/passport',
        reason: 'hands its module object to a call (pkginfo-style, walking up to a package.json) in passport/lib/passport/index.js',
      },
    ]);
  });
});
