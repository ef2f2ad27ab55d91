import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { run } from '../support/pack-install';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'extraction', 'routing-controllers-app');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

// A routing-controllers app installed with its real packages: decorated controller classes found
// by a glob of their files at run time, services injected by typedi through decorator metadata,
// and an entry that exports the app and listens as it loads. Beside a bundle the glob matches no
// file, so each function's copy of the entry lists its own controller classes instead, required
// by path; importing the entry runs with listen intercepted.
describe('generators/routing-controllers apps', () => {
  let tmp: string;
  let app: string;
  let out: string;
  let split: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-routing-controllers-'));
    app = path.join(tmp, 'app');
    out = path.join(app, 'functions');
    fs.cpSync(FIXTURE, app, { recursive: true });
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], app);
    split = await runCli('split', app, '-o', out);
  }, 240_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const handlerOf = (id: string) => (require(path.join(out, 'dist', 'functions', id, 'handler.js')) as { handler: Handler }).handler;

  it("lists in each function's copy of the entry only the controller classes of its routes", () => {
    expect(split.stderr).not.toMatch(/error/);
    expect(split.code).toBe(0);
    const copy = (id: string) => fs.readFileSync(path.join(out, 'functions', id, 'app', 'src', 'index.ts'), 'utf8');
    expect(copy('users')).toContain('controllers: [require("../../../../../src/controllers/UserController").UserController]');
    expect(copy('books')).toContain('controllers: [require("../../../../../src/controllers/BookController").BookController]');
    expect(copy('health')).toContain('controllers: []');
    expect(split.stderr + split.stdout).toMatch(/1 routing-controllers call lists only the controller classes of its routes/);
    // So the books function carries no code of the users' controller and service.
    expect(fs.readFileSync(path.join(out, 'dist', 'functions', 'books', 'handler.js'), 'utf8')).not.toMatch(/UserService/);
  });

  it('answers each route from its bundle, with the services injected', async () => {
    const answers = await Promise.all([
      handlerOf('users')(httpApiEvent('GET', '/api/users'), CONTEXT),
      handlerOf('users')(httpApiEvent('GET', '/api/users/1'), CONTEXT),
      handlerOf('books')(httpApiEvent('GET', '/api/books'), CONTEXT),
      handlerOf('health')(httpApiEvent('GET', '/health'), CONTEXT),
    ]);
    expect(answers.map((a) => [a.statusCode, JSON.parse(a.body)])).toEqual([
      [200, [{ id: 1, name: 'ada', seen: '2020-01-01T00:00:00.000Z' }]],
      [200, { id: 1, name: 'ada' }],
      [200, [{ isbn: '9780441013593', title: 'Dune' }]],
      [200, { ok: true }],
    ]);
  }, 60_000);

  it('verifies alike against the monolith, which also runs its decorated files with their metadata', async () => {
    const verify = await runCli('verify', app, '--functions', out);
    expect(verify.stdout).toMatch(/4 alike, 0 different/);
    expect(verify.code).toBe(0);
  }, 120_000);
});
