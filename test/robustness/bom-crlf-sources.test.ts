import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureDir } from '../support/analyze-fixture';
import { analysisOf, expectContract, routeIds, runChecked } from '../support/bad-input';

// Sources saved by a Windows editor: a UTF-8 byte order mark and CRLF line endings (the fixture's
// .gitattributes keeps git from converting them). Routes are found at their right lines, and the
// text report's code frames show neither the BOM nor a carriage return.
describe('robustness/bom-crlf-sources', () => {
  const dir = fixtureDir('robustness', 'bom-crlf-sources');

  it('the fixture really has a BOM and CRLF line endings', () => {
    const text = fs.readFileSync(path.join(dir, 'routes', 'users.js'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
  });

  it('finds the routes with the right lines', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /users', 'GET /users/:id']);
    const at = Object.fromEntries(analysis.routes.map((r) => [r.id, `${r.file}:${r.line} ${r.handler.name}`]));
    expect(at).toEqual({ 'GET /health': 'server.js:8 health', 'GET /users': 'routes/users.js:6 list', 'GET /users/:id': 'routes/users.js:10 show' });
    expect(analysis.hazards.map((h) => `${h.code} ${h.file}:${h.line}:${h.column}`)).toEqual(['LISTEN_CALL server.js:12:1']);
    expect(analysis.diagnostics).toEqual([]);
  }, 30_000);

  it('prints code frames without a BOM or carriage returns', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--quiet');
    expectContract(run, 0);
    expect(run.stdout).toContain('  > 12 | app.listen(3000);\n');
    expect(run.stdout).not.toMatch(/[\r\uFEFF]/);
  }, 30_000);
});
