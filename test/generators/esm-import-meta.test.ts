import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'esm-import-meta');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

// An ES module app (`"type": "module"`) locates its files through `import.meta.url`, and its
// entry declares `const __dirname = path.dirname(fileURLToPath(import.meta.url))`. The bundles
// are CommonJS, with no `import.meta`: each module, sliced copy or not, still finds its files
// where the bundle ships them, and the entry's own `__dirname` stays its declaration.
describe('generators/ES module apps', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-esm-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('bundle modules that read import.meta and declare __dirname, and answer with their files', async () => {
    const split = await runCli('split', FIXTURE, '-o', out);
    expect(split.stderr).not.toMatch(/error/);
    expect(split.code).toBe(0);
    const handlerOf = (id: string) => (require(path.join(out, 'dist', 'functions', id, 'handler.js')) as { handler: Handler }).handler;

    const articles = await handlerOf('articles')(httpApiEvent('GET', '/articles'), CONTEXT);
    expect(JSON.parse(articles.body)).toEqual([{ title: 'articles-data' }]);
    const tags = await handlerOf('tags')(httpApiEvent('GET', '/tags'), CONTEXT);
    expect(JSON.parse(tags.body)).toEqual({ tags: ['tags-data'], required: ['tags-data'], version: '1.2.3', from: 'filename' });

    const copy = fs.readFileSync(path.join(out, 'functions', 'articles', 'app', 'server.js'), 'utf8');
    expect(copy).toContain('const __dirname = path.dirname(fileURLToPath(__cleaveImportMeta().url));');
    expect(copy).not.toContain('tags');
  }, 60_000);

  it('marks the bundles CommonJS when the output folder lies inside the ES module app, so they load in place', async () => {
    const app = path.join(out, 'app-copy');
    fs.cpSync(FIXTURE, app, { recursive: true });
    // Outside the repository: its packages through a link, as an installed app has them.
    fs.symlinkSync(path.join(__dirname, '..', '..', 'node_modules'), path.join(app, 'node_modules'), 'dir');
    const split = await runCli('split', app, '-o', path.join(app, 'functions'));
    expect(split.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(app, 'functions', 'dist', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    // Required where it lies, as `serverless invoke local` does, under the app's "type": "module".
    const loaded = spawnSync(process.execPath, ['-e', "require('./functions/dist/functions/tags/handler.js')"], { cwd: app, encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    expect(loaded.status).toBe(0);
  }, 60_000);
});
