import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtureDir } from '../support/analyze-fixture';
import { runCli } from '../support/run-cli';

// Node resolves a relative fs path and `path.resolve('x')` against process.cwd(), which for a
// started app is its root: cleave models them so, never against its own working folder, and the
// analysis is byte-identical from wherever cleave runs.
describe('routes/cwd-relative-paths', () => {
  const app = fixtureDir('routes', 'cwd-relative-paths');
  const analyzeFrom = async (cwd: string): Promise<string> => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-cwd-'));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const run = await runCli('analyze', app, '-o', path.join(out, 'analysis.json'));
      expect(run.code).toBe(0);
      return fs.readFileSync(path.join(out, 'analysis.json'), 'utf8');
    } finally {
      process.chdir(before);
      fs.rmSync(out, { recursive: true, force: true });
    }
  };

  it('reads config.json and resolves public/dist from the app root', async () => {
    const analysis = JSON.parse(await analyzeFrom(os.tmpdir())) as { routes: Array<{ id: string }>; static: Array<{ dir: string }> };
    expect(analysis.routes.map((r) => r.id).sort()).toEqual(['GET /api/v2/items', 'GET /has-items']);
    expect(analysis.static.map((s) => s.dir)).toEqual(['public/dist']);
  });

  it('writes the same bytes from the app folder, its parent and a temporary folder', async () => {
    const texts = [await analyzeFrom(app), await analyzeFrom(path.dirname(app)), await analyzeFrom(os.tmpdir())];
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  });
});
