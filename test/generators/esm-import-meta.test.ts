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
    expect(JSON.parse(tags.body)).toEqual({ tags: ['tags-data'], from: 'filename' });

    const copy = fs.readFileSync(path.join(out, 'functions', 'articles', 'app', 'server.js'), 'utf8');
    expect(copy).toContain('const __dirname = path.dirname(fileURLToPath(__cleaveImportMeta().url));');
    expect(copy).not.toContain('tags');
  }, 60_000);
});
