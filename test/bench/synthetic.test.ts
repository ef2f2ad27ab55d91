import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { generateSynthetic } from '../../bench/synthetic';

// The benchmark's synthetic monolith (bench/synthetic.ts) must register exactly the routes it
// was asked for, and cleave must find all of them: otherwise the scale figures measure nothing.
describe('bench/synthetic', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([50, 23])('a %i-route app analyses to exactly that many routes', async (routes) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-synthetic-test-'));
    dirs.push(dir);
    const app = generateSynthetic({ routes, dir });
    expect(app.routes).toBe(routes);
    const analysis = await analyzeApp({ appDir: dir });
    expect(analysis.routes).toHaveLength(routes);
    expect(new Set(analysis.routes.map((r) => r.id)).size).toBe(routes);
    expect(analysis.entry).toEqual(['src/server.ts']);
    expect(analysis.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('refuses a folder that is not empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-synthetic-test-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'x.txt'), 'x');
    expect(() => generateSynthetic({ routes: 10, dir })).toThrow(/not empty/);
  });
});
