import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { fixtureDir } from '../support/analyze-fixture';
import { makeTemp, removeTemp } from '../support/bad-input';

// Found on microsoft/TypeScript-Node-Starter: `"paths": { "*": ["node_modules/*", "src/types/*"] }`
// and no node_modules installed. The catch-all alias made every bare import ("express") count as
// an unresolved alias instead of a package, so no express app was seen and 0 routes were found.
// Analysed from a temporary copy: inside the repo, cleave's own node_modules would resolve express.
describe('robustness/catch-all-path-alias', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('catch-all-path-alias');
    fs.cpSync(fixtureDir('robustness', 'catch-all-path-alias'), dir, { recursive: true });
  });
  afterAll(() => removeTemp(dir));

  it('treats bare imports under a catch-all alias as packages and finds every route', async () => {
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
    const analysis = await analyzeApp({ appDir: dir });
    expect(analysis.entry).toEqual(['src/server.ts']);
    expect(analysis.routes.map((r) => r.id).sort()).toEqual(['GET /', 'GET /notes', 'POST /notes']);
  }, 30_000);
});
