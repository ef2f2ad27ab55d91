import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'package-serves-own-folder');

// A package that finds its files from its own place (swagger-ui-dist's `path.resolve(__dirname)`,
// whose folder swagger-ui-express serves): bundled, its `__dirname` is the bundle's folder, so it
// would find none of its files, or serve the function's own code. It is shipped installed.
describe('generators/a package that finds its files from __dirname', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-own-folder-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('ships the package installed, with the reason, so its files are found', async () => {
    const split = await runCli('split', FIXTURE, '-o', out);
    expect(split.code).toBe(0);
    const { bundles } = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as {
      bundles: Array<{ id: string; externalized?: Array<{ name: string; reason: string }> }>;
    };
    const docs = bundles.find((b) => b.id === 'docs-style')!;
    expect(docs.externalized).toEqual([{ name: 'docs-assets', reason: 'finds its files from __dirname in docs-assets/index.js' }]);
    expect(fs.existsSync(path.join(out, 'dist', 'functions', 'docs-style', 'node_modules', 'docs-assets', 'files', 'docs.css'))).toBe(true);
    const invoked = await runCli('invoke', 'docs-style', 'GET', '/docs/style', '--functions', out);
    expect(invoked.stdout).toMatch(/^HTTP 200$/m);
    expect(invoked.stdout).toContain('body { color: teal; }');
  }, 60_000);
});
