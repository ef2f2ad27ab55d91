import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'folder-loop-literal-head');

// `readdirSync(__dirname).forEach((f) => router.use(..., require('./' + f)))`: esbuild turns a
// require with a literal head into a table of the folder's files, so the requires work in the
// bundle, but the loop reads the folder where the bundle ships it: its listing must be there, or
// the function fails as it loads (ENOENT, scandir .../routes).
describe('generators/folder loop whose require has a literal head', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-literal-head-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('lists the folder beside each bundle, and each function answers', async () => {
    const split = await runCli('split', FIXTURE, '-o', out);
    expect(split.code).toBe(0);
    const ids = fs.readdirSync(path.join(out, 'dist', 'functions')).sort();
    for (const id of ids) expect(fs.readdirSync(path.join(out, 'dist', 'functions', id, 'routes')).sort()).toEqual(['authors.js', 'books.js', 'index.js']);
    const answers: string[] = [];
    for (const [route, body] of [
      ['/api/books', '["Dune"]'],
      ['/api/authors', '["Herbert"]'],
    ] as const) {
      const id = ids.find((i) => fs.readFileSync(path.join(out, 'functions', i, 'handler.ts'), 'utf8').includes(`'${route}'`))!;
      const invoked = await runCli('invoke', id, 'GET', route, '--functions', out);
      answers.push(invoked.stdout.includes('HTTP 200') && invoked.stdout.includes(body) ? 'ok' : `${route}: ${invoked.stdout}${invoked.stderr}`);
    }
    expect(answers).toEqual(['ok', 'ok']);
  }, 60_000);
});
