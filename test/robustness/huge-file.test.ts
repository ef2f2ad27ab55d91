import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../../model/analysis';
import { expectContract, makeTemp, removeTemp, runChecked } from '../support/bad-input';

// The bench splits 20,000 routes in one file; this test keeps to a size that still shows a
// quadratic step (it once took over ten minutes at 20,000) within the suite's time.
const ROUTES = 8_000;

/** A server.js of about 2 MB registering `ROUTES` routes, each with a named handler and a comment. */
function writeHugeApp(dir: string): number {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'huge', private: true, dependencies: { express: '^4.21.2' } }));
  const lines = ["const express = require('express');", 'const app = express();', ''];
  for (let i = 0; i < ROUTES; i++) {
    lines.push(`// route ${i}: returns item ${i} as JSON ${'-'.repeat(60)}`);
    lines.push(`app.get('/items/${i}', function getItem${i}(req, res) {`);
    lines.push(`  res.json({ id: ${i}, name: 'item ${i}', note: '${'x'.repeat(60)}' });`);
    lines.push('});');
  }
  lines.push('app.listen(3000);', '');
  fs.writeFileSync(path.join(dir, 'server.js'), lines.join('\n'));
  return fs.statSync(path.join(dir, 'server.js')).size;
}

// A 2 MB file registering 8,000 routes (generated at test time, never committed) is analysed in
// reasonable time and every route is found.
describe('robustness/huge-file', () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = makeTemp('huge-file');
    out = makeTemp('huge-file-out');
    expect(writeHugeApp(dir)).toBeGreaterThan(2_000_000);
  });
  afterAll(() => {
    removeTemp(dir);
    removeTemp(out);
  });

  it('finds all 8,000 routes', async () => {
    const started = Date.now();
    const file = path.join(out, 'analysis.json');
    const run = await runChecked(dir, 'analyze', dir, '-o', file, '--quiet');
    const seconds = (Date.now() - started) / 1000;
    expectContract(run, 0);
    const analysis = JSON.parse(fs.readFileSync(file, 'utf8')) as Analysis;
    expect(analysis.routes).toHaveLength(ROUTES);
    const ids = new Set(analysis.routes.map((r) => r.id));
    for (let i = 0; i < ROUTES; i++) expect(ids.has(`GET /items/${i}`)).toBe(true);
    expect(analysis.routes.find((r) => r.id === 'GET /items/7999')).toEqual(
      expect.objectContaining({ file: 'server.js', line: 5 + 4 * 7999, handler: expect.objectContaining({ name: 'getItem7999' }) }),
    );
    // Generous: the point is no quadratic blow-up.
    expect(seconds).toBeLessThan(60);
  }, 240_000);
});
