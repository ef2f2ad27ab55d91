/** Architecture rules of DESIGN.md, checked in CI (`npm run arch`, part of `npm test`). */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'no import cycles', from: {}, to: { circular: true, dependencyTypesNot: ['type-only'] } },
    { name: 'analyzer-not-to-generators-or-cli', severity: 'error', comment: 'analyzer never imports generators or cli', from: { path: '^analyzer/' }, to: { path: '^(generators|cli)/' } },
    { name: 'generators-only-model-types', severity: 'error', comment: 'generators import only model (type-level) and their own helpers', from: { path: '^generators/' }, to: { path: '^(analyzer|cli)/' } },
    { name: 'model-is-a-leaf', severity: 'error', comment: 'model imports nothing of the project', from: { path: '^model/' }, to: { path: '^(analyzer|generators|cli)/' } },
    { name: 'nothing-imports-test', severity: 'error', comment: 'nothing imports test/', from: { pathNot: '^test/' }, to: { path: '^test/' } },
    { name: 'only-cli-writes', severity: 'error', comment: 'only cli/ writes to disk: fs is imported elsewhere only to read', from: { path: '^(generators|model)/' }, to: { path: '^(fs|node:fs|fs/promises|node:fs/promises)$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
