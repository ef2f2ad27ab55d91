import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'ts-morph';
import { Interpreter } from '../../analyzer/routes/evaluator/interpreter';
import { analysisOf, expectContract, removeTemp, routeIds, runChecked, tempCopy } from '../support/bad-input';
import { STACK_LINE } from '../support/run-cli';

// An unexpected error while analysing one file does not end the analysis: it becomes an
// ANALYSIS_ERROR (severity error, exit 1) naming that file, and the other files' routes are
// found. Its stack is printed only with --debug.
describe('robustness/internal-error', () => {
  describe('an evaluator bug in one module', () => {
    let dir: string;
    let spy: jest.SpyInstance | undefined;
    beforeAll(() => {
      dir = tempCopy('small-app');
      const execute = Interpreter.prototype.execute;
      spy = jest.spyOn(Interpreter.prototype, 'execute').mockImplementation(function (this: Interpreter, statements: Node[], ...rest) {
        if (statements[0]?.getSourceFile().getFilePath().endsWith('/routes/orders.js')) throw new Error('boom in the evaluator');
        return execute.call(this, statements, ...rest);
      });
    });
    afterAll(() => {
      spy?.mockRestore();
      removeTemp(dir);
    });

    it('reports ANALYSIS_ERROR at that file and finds the rest', async () => {
      const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
      expectContract(run, 1);
      const analysis = analysisOf(run);
      expect(routeIds(analysis)).toEqual(['GET /health', 'GET /users', 'GET /users/:id']);
      expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([
        expect.objectContaining({
          code: 'ANALYSIS_ERROR',
          file: 'routes/orders.js',
          message: 'cleave failed while evaluating orders.js: Error: boom in the evaluator',
        }),
      ]);
      expect(run.stderr).toBe('cleave: ANALYSIS_ERROR routes/orders.js: cleave failed while evaluating orders.js: Error: boom in the evaluator\n');
    }, 30_000);

    it('prints the stack with --debug', async () => {
      const run = await runChecked(dir, '--debug', 'analyze', dir, '--format', 'json', '--quiet');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`cleave: debug: unexpected error in ${path.join(dir, 'routes', 'orders.js')}:\nError: boom in the evaluator\n`);
      expect(run.stderr).toContain(STACK_LINE);
      expect(run.after).toEqual(run.before);
    }, 30_000);
  });

  describe('absurdly deep nesting (generated at test time)', () => {
    let dir: string;
    beforeAll(() => {
      dir = tempCopy('small-app');
      const routes = path.join(dir, 'routes');
      // The compiler's recursive parser runs out of stack on this file.
      fs.writeFileSync(
        path.join(routes, 'nested.js'),
        [
          "const router = require('express').Router();",
          "router.get('/', function nested(req, res) { res.send('n'); });",
          `const data = ${'['.repeat(5000)}1${']'.repeat(5000)};`,
          'module.exports = router;',
        ].join('\n'),
      );
      // This one parses (binary expressions parse in a loop), but a recursive evaluation of it does not end well.
      // 10,000 terms already overflow both the evaluator (from about 2,500) and the hazard scan (by 5,000);
      // 50,000 proved nothing more and cost over a minute in esbuild, whose constant folding of the
      // string is quadratic (the analysis bundles the app to measure its module graph).
      fs.writeFileSync(
        path.join(routes, 'concat.js'),
        [
          "const router = require('express').Router();",
          `const prefix = ${Array.from({ length: 10_000 }, () => "'/x'").join(' +\n  ')};`,
          "router.get('/', function concat(req, res) { res.send(prefix); });",
          'module.exports = router;',
        ].join('\n'),
      );
      const server = path.join(dir, 'server.js');
      fs.writeFileSync(
        server,
        fs
          .readFileSync(server, 'utf8')
          .replace(
            'app.listen(3000);',
            "app.use('/nested', require('./routes/nested'));\napp.use('/concat', require('./routes/concat'));\n\napp.listen(3000);",
          ),
      );
    });
    afterAll(() => removeTemp(dir));

    it('survives, finds the other routes, and names only the deep files', async () => {
      const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
      expect(run.code === 0 || run.code === 1).toBe(true);
      expect(run.stderr).not.toContain(STACK_LINE);
      expect(run.stderr).not.toContain('cleave: error:');
      expect(run.after).toEqual(run.before);
      const analysis = analysisOf(run);
      expect(routeIds(analysis)).toEqual(expect.arrayContaining(['GET /health', 'GET /orders', 'GET /users', 'GET /users/:id', 'POST /orders']));
      const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.file)).toEqual(expect.arrayContaining(['routes/nested.js']));
      for (const error of errors) {
        expect(error.code).toBe('ANALYSIS_ERROR');
        expect(['routes/nested.js', 'routes/concat.js']).toContain(error.file);
      }
    }, 60_000);
  });
});
