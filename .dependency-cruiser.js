/** Architecture rules of DESIGN.md, checked in CI (`npm run arch`, part of `npm test`). */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'no import cycles', from: {}, to: { circular: true, dependencyTypesNot: ['type-only'] } },
    {
      name: 'analyzer-not-to-later-stages',
      severity: 'error',
      comment: 'analyzer never imports the planner, generators, verifier or cli',
      from: { path: '^analyzer/' },
      to: { path: '^(planner|generators|verifier|cli)/' },
    },
    {
      name: 'evaluator-knows-no-express',
      severity: 'error',
      comment:
        "the route evaluator interprets JavaScript; Express's meaning lives in analyzer/routes/express, which the evaluator reaches only through its host interface",
      from: { path: '^analyzer/routes/evaluator/' },
      to: { path: '^analyzer/routes/express/' },
    },
    {
      name: 'analyzer-only-bundler-plugins',
      severity: 'error',
      comment: "the analysis measures the app with the bundler's esbuild plugins, never with the bundler that builds the functions",
      from: { path: '^analyzer/' },
      to: { path: '^bundler/', pathNot: '^bundler/plugins/' },
    },
    {
      name: 'bundler-plugins-are-leaves',
      severity: 'error',
      comment: 'the shared esbuild plugins import nothing of the project',
      from: { path: '^bundler/plugins/' },
      to: { path: '^(analyzer|planner|generators|verifier|cli|model|bundler/(?!plugins/))' },
    },
    {
      name: 'bundler-after-generators',
      severity: 'error',
      comment: 'the bundler builds what the generators emit: it imports model and generators, never the analyzer, the planner, the verifier or cli',
      from: { path: '^bundler/' },
      to: { path: '^(analyzer|planner|verifier|cli)/' },
    },
    {
      name: 'planner-reads-only-the-analysis',
      severity: 'error',
      comment: 'the planner knows the analysis only through model/ (planning from a saved analysis.json must work)',
      from: { path: '^planner/' },
      to: { path: '^(analyzer|generators|bundler|verifier|cli)/' },
    },
    {
      name: 'generators-only-model-types',
      severity: 'error',
      comment: 'generators import only model (type-level) and their own helpers',
      from: { path: '^generators/' },
      to: { path: '^(analyzer|planner|bundler|verifier|cli)/' },
    },
    {
      name: 'verifier-not-to-cli',
      severity: 'error',
      comment: 'verifier (run the monolith and the functions, compare their answers) is a stage the cli commands call; it never imports cli',
      from: { path: '^verifier/' },
      to: { path: '^(cli|planner)/' },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      comment: 'model imports nothing of the project',
      from: { path: '^model/' },
      to: { path: '^(analyzer|planner|generators|bundler|verifier|cli)/' },
    },
    { name: 'nothing-imports-test', severity: 'error', comment: 'nothing imports test/', from: { pathNot: '^test/' }, to: { path: '^test/' } },
    {
      name: 'only-cli-writes',
      severity: 'error',
      comment: 'only cli/ writes to disk: fs is imported elsewhere only to read',
      from: { path: '^(generators|model)/' },
      to: { path: '^(fs|node:fs|fs/promises|node:fs/promises)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
