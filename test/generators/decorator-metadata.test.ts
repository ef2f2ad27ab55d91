import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'decorator-metadata');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

// A TypeScript app whose container injects by constructor type, as typedi, tsyringe and
// inversify do, under a tsconfig with emitDecoratorMetadata. esbuild emits no such metadata:
// compiled by it, `constructor(private readonly clock: Clock)` gets nothing and every request
// fails. Decorated files go through TypeScript, in the bundles and in the monolith verify starts.
describe('generators/decorator metadata', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-decorators-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('bundles decorated classes with their design:paramtypes, so their dependencies are injected', async () => {
    const split = await runCli('split', FIXTURE, '-o', out);
    expect(split.stderr).not.toMatch(/error/);
    expect(split.code).toBe(0);
    const handlerOf = (id: string) => (require(path.join(out, 'dist', 'functions', id, 'handler.js')) as { handler: Handler }).handler;

    const greet = await handlerOf('greet')(httpApiEvent('GET', '/greet/ada'), CONTEXT);
    expect(greet.statusCode).toBe(200);
    expect(JSON.parse(greet.body)).toEqual({ hello: 'ada', at: '2020-01-01T00:00:00.000Z' });
    // Decorated and reading a file beside it: its __dirname still points at its shipped files.
    const notices = await handlerOf('notices')(httpApiEvent('GET', '/notices'), CONTEXT);
    expect(notices.statusCode).toBe(200);
    expect(JSON.parse(notices.body)).toEqual({ notices: ['the library opens at nine'], at: '2020-01-01T00:00:00.000Z' });
  }, 60_000);

  it('runs the monolith for verify with the same metadata, so both sides answer alike', async () => {
    const verify = await runCli('verify', FIXTURE, '--functions', out);
    expect(verify.stdout).toMatch(/2 alike, 0 different/);
    expect(verify.code).toBe(0);
  }, 60_000);
});
