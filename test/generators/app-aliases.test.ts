import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { runCli, STACK_LINE } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'routes', 'module-alias-imports');

// An app that reaches its own files through module-alias and NODE_PATH: the bundles resolve
// those imports at build time, and `require('module-alias/register')`, which would look for the
// app's package.json at run time, loads nothing. Each function answers from its own folder alone.
describe('generators/app aliases', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('bundle aliased imports, and the functions load and answer apart from the app', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-aliases-'));
    temps.push(out);
    const run = await runCli('split', FIXTURE, '-o', out);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.stderr).not.toMatch(/ error /);
    expect(run.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as { bundles: Array<{ file: string; externalized?: unknown }> };
    const answers: Record<string, unknown> = {};
    for (const bundle of report.bundles.filter((b) => b.file.startsWith('dist/functions/'))) {
      expect(bundle.externalized).toBeUndefined(); // module-alias is not shipped
      const lambda = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-lambda-'));
      temps.push(lambda);
      fs.cpSync(path.join(out, path.dirname(bundle.file)), lambda, { recursive: true, dereference: true });
      const { handler } = require(path.join(lambda, 'handler.js')) as { handler: (e: unknown, c: unknown) => Promise<{ body: string }> };
      for (const route of ['/api/users', '/api/posts']) {
        const answer = await handler(httpApiEvent('GET', route), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
        if (answer.body.startsWith('[')) answers[route] = JSON.parse(answer.body);
      }
    }
    expect(answers).toEqual({ '/api/users': ['user-model-code'], '/api/posts': [] });
  }, 60_000);
});
