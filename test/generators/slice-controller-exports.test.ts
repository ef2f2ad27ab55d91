import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { splitAndBundle } from '../support/split-and-bundle';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'slice-controller-exports');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

/** An HTTP API event posting `body` as JSON. */
function postJson(rawPath: string, body: unknown): Record<string, unknown> {
  const event = httpApiEvent('POST', rawPath);
  return { ...event, headers: { ...(event.headers as Record<string, string>), 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

// One controller module serves routes of two functions: each function's bundle carries a copy of
// it without the other's handler, so the model only `login` uses and the mailer only
// `sendReset` uses each land in one bundle, and both answer like the monolith.
describe('generators/slice controllers pruned per function', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-prune-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('bundle only the exports their routes use, with what those need, and answer', async () => {
    const split = await splitAndBundle(FIXTURE, out);
    const login = split.bundleOf('POST /login');
    expect(login.text).toContain('login-code');
    expect(login.text).toContain('users-model-code');
    expect(login.text).not.toContain('reset-code');
    expect(login.text).not.toContain('mailer-code');
    expect(login.size.slice).toEqual({ files: ['controllers/auth.js', 'server.js'], alsoOriginal: [] });
    const answer = await login.handler(postJson('/login', { email: 'a@b.c' }), CONTEXT);
    expect(JSON.parse(answer.body)).toEqual({ user: { email: 'a@b.c', model: 'users-model-code' }, from: 'login-code' });

    const reset = split.bundleOf('POST /password-reset');
    expect(reset.text).toContain('mailer-code');
    expect(reset.text).not.toContain('users-model-code');
    expect(reset.text).not.toContain('login-code');
    const sent = await reset.handler(postJson('/password-reset', { email: 'a@b.c' }), CONTEXT);
    expect(JSON.parse(sent.body)).toEqual({ sent: 'mailer-code: Reset your password to a@b.c', from: 'reset-code' });

    // The function that uses none of the controller does not load it at all.
    const health = split.bundleOf('GET /health');
    expect(health.text).not.toContain('login-code');
    expect(health.text).not.toContain('reset-code');

    const copy = fs.readFileSync(path.join(out, 'functions', login.size.id, 'app', 'controllers', 'auth.js'), 'utf8');
    const original = fs.readFileSync(path.join(FIXTURE, 'controllers', 'auth.js'), 'utf8');
    expect(copy).toContain('exports.login = wrap(');
    expect(copy).toContain('function emailOf(req)');
    expect(copy).not.toContain('exports.sendReset');
    expect(copy).not.toContain('Sends a reset mail'); // its doc comment goes with it
    expect(copy).not.toContain('RESET_SUBJECT');
    expect(copy).not.toContain('exports.attempts');
    expect(copy.split('\n').indexOf('exports.login = wrap(async (req, res) => {')).toBe(
      original.split('\n').indexOf('exports.login = wrap(async (req, res) => {'),
    ); // line numbers kept
    expect(copy).toMatch(/without the exports none of its routes use \(attempts, sendReset\)/);
    expect(
      split.diagnostics
        .filter((d) => d.code === 'EXPORTS_PRUNED')
        .map((d) => d.subject)
        .sort(),
    ).toEqual([login.size.id, reset.size.id].sort());
  }, 60_000);
});
