import { asCommonJsText, topLevelAwaits } from '../../bundler/es-module';
import { dynamicRequireSites } from '../../bundler/shipped-packages';

// The pieces that let a function be bundled as an ES module: which CommonJS failures call for it,
// and the bundle's text as the readers of CommonJS bundles (computed requires, shipped packages) expect it.
describe('ES module bundles', () => {
  const failure = (...texts: Array<[string, string | undefined, number]>) => ({
    errors: texts.map(([text, file, line]) => ({ text, location: file ? { file, line } : null })),
  });

  it('are called for when every error of the CommonJS build is a top-level await, with where each is', () => {
    const tla = 'Top-level await is currently not supported with the "cjs" output format';
    expect(topLevelAwaits(failure([tla, 'routes/orders.mjs', 6], [tla, 'db.mjs', 3], [tla, 'routes/orders.mjs', 6]))).toEqual([
      'routes/orders.mjs:6',
      'db.mjs:3',
    ]);
    expect(topLevelAwaits(failure([tla, 'db.mjs', 3], ['Could not resolve "pg"', 'db.mjs', 1]))).toBeUndefined();
    expect(topLevelAwaits(new Error('not esbuild'))).toBeUndefined();
  });

  it("read esbuild's __require calls as require, so computed requires are found as in a CommonJS bundle", () => {
    const text = [
      'var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : x)(function(x) {',
      '  if (typeof require !== "undefined") return require.apply(this, arguments);',
      '});',
      '// node_modules/mongoose/lib/index.js',
      'var driver = __require(driverPath + "/connection");',
      'var path = __require("path");',
    ].join('\n');
    expect(dynamicRequireSites(text)).toEqual([]);
    expect(dynamicRequireSites(asCommonJsText(text))).toEqual([{ file: 'node_modules/mongoose/lib/index.js', call: 'require(driverPath + "/connection")' }]);
  });
});
