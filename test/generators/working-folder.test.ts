import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'cwd-relative-reads');

// Lambda starts a function with the package root as its working folder, which holds only dist/.
// An app that reads files relative to its working folder (its config, as node-config does,
// `path.resolve('data/...')`) finds them beside its bundle, where they are copied: the bundle moves
// the working folder there when it runs as a function. Loaded in a child process, as Lambda would.
describe('generators/working folder of a function', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('answers reads relative to the working folder from the files beside its bundle', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-cwd-'));
    const task = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-task-'));
    temps.push(out, task);
    const run = await runCli('split', FIXTURE, '-o', out);
    expect(run.code).toBe(0);
    // The package as serverless zips it: dist/functions/<id>/ under the task root.
    fs.cpSync(path.join(out, 'dist'), path.join(task, 'dist'), { recursive: true, dereference: true });
    const answer = (id: string, route: string, env: Record<string, string>, cwd = task): { statusCode: number; body: string } => {
      const script = `require(${JSON.stringify(path.join(task, 'dist', 'functions', id, 'handler.js'))}).handler(${JSON.stringify(httpApiEvent('GET', route))}, { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 }).then((r) => process.stdout.write(JSON.stringify(r)));`;
      return JSON.parse(
        execFileSync(process.execPath, ['-e', script], {
          cwd,
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ) as { statusCode: number; body: string };
    };
    const lambda = { LAMBDA_TASK_ROOT: task };
    const ids = fs.readdirSync(path.join(task, 'dist', 'functions'));
    const serving = (route: string) =>
      ids.find((id) => fs.readFileSync(path.join(task, 'dist', 'functions', id, 'handler.js'), 'utf8').includes(`"${route}"`))!;
    expect(JSON.parse(answer(serving('/greeting'), '/greeting', lambda).body)).toEqual({ greeting: 'hello-from-settings' });
    expect(JSON.parse(answer(serving('/data'), '/data', lambda).body)).toEqual(['item-from-data']);
    // Started from the package root without a Lambda around it (an unzipped package, `serverless
    // invoke local`), it moves there too; started anywhere else, it leaves the working folder alone.
    expect(JSON.parse(answer(serving('/greeting'), '/greeting', {}).body)).toEqual({ greeting: 'hello-from-settings' });
    expect(() => answer(serving('/greeting'), '/greeting', {}, path.join(task, 'dist'))).toThrow(
      /ENOENT: no such file or directory, open 'config\/settings.json'/,
    );
  }, 60_000);
});
