import { analysisOf, badFixture, expectContract, routeIds, runChecked } from '../support/bad-input';

// Two files that do not parse (a .ts and a .js): exit 1, one SYNTAX_ERROR each, the other routes
// found; the error-level findings are also named on stderr, since the JSON goes to stdout.
describe('robustness/syntax-errors', () => {
  const dir = badFixture('syntax-errors');

  it('exits 1 with a SYNTAX_ERROR per broken file and the other routes', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 1);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /users']);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'SYNTAX_ERROR', file: 'routes/broken.ts', line: 6 }),
      expect.objectContaining({ code: 'SYNTAX_ERROR', file: 'routes/legacy.js' }),
    ]);
    expect(run.stderr).toContain('cleave: SYNTAX_ERROR routes/broken.ts:6: syntax error:');
    expect(run.stderr).toContain('cleave: SYNTAX_ERROR routes/legacy.js:');
  }, 30_000);

  it('shows the findings with a code frame in the text report', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--quiet');
    expectContract(run, 1);
    expect(run.stdout).toContain('error SYNTAX_ERROR routes/broken.ts:6');
    expect(run.stdout).toContain('res.json([);');
  }, 30_000);
});
