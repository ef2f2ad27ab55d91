import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { oneFileApp, routerFilesApp } from '../../bench/split-scale';

// The split scale apps of the benchmark (bench/split-scale.ts) must register the routes they
// claim, and cleave must find each with its full mounted path: otherwise (d) measures nothing.
describe('bench/split-scale apps', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-split-scale-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one file of 40 inline routes', async () => {
    oneFileApp(path.join(dir, 'one'), 40);
    const analysis = await analyzeApp({ appDir: path.join(dir, 'one') });
    expect(analysis.routes).toHaveLength(40);
    expect(analysis.routes.map((r) => r.id)).toContain('GET /items40/:id');
  });

  it('30 router files of one route each', async () => {
    routerFilesApp(path.join(dir, 'routers'), 30);
    const analysis = await analyzeApp({ appDir: path.join(dir, 'routers') });
    expect(analysis.routes).toHaveLength(30);
    expect(analysis.routes.map((r) => r.id)).toContain('GET /r30/items/:id');
  });
});
