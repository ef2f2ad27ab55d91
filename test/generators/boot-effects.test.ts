import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bootEffects, effectMatters } from '../../generators/slice/boot-effects';
import { httpApiEvent } from '../support/invoke-functions-process';
import { splitAndBundle } from '../support/split-and-bundle';

const APP = path.join(__dirname, '..', 'fixtures', 'generators', 'boot-effects-entry');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

// Boot code of the registering modules that the routes need (a client the entry connects, a
// strategy the app module registers) must run in the function, as it runs in the monolith;
// boot code the platform replaces (a timer, a shutdown handler) must not.
describe('generators/boot effects', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-boot-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('finds what a registering module does at load beyond wiring the app, and what it touches', () => {
    const read = (f: string) => fs.readFileSync(path.join(APP, f), 'utf8');
    const registering = new Set(['server.js', 'app.js', 'routes/books.js', 'routes/health.js']);
    const entry = bootEffects('server.js', read('server.js'), registering);
    // process.on is for the server process, not an effect on what routes use.
    expect(entry.map((e) => [e.line, e.text])).toEqual([
      [6, "store.connect(process.env.STORE_URL || 'memory://books');"],
      [7, 'const sweep = startSweep();'],
    ]);
    expect(bootEffects('app.js', read('app.js'), registering).map((e) => e.text)).toEqual([expect.stringMatching(/^registry\.use\('token'/)]);
    expect(bootEffects('routes/health.js', read('routes/health.js'), registering)).toEqual([]);
    const [connect] = entry;
    expect(effectMatters(connect!, { files: ['routes/books.js', 'lib/registry.js', 'lib/store.js'], packages: ['express'] })).toBe(true);
    expect(effectMatters(connect!, { files: ['routes/health.js'], packages: ['express'] })).toBe(false);
  });

  it('runs the entry and the app module boot code a route needs; leaves out the timer and shutdown handler; a route needing none does not run the entry', async () => {
    const split = await splitAndBundle(APP, out);
    const books = split.bundleOf('GET /books/:id');
    const bookReason = split.diagnostics.find((d) => d.subject === books.size.id && d.code === 'WHOLE_APP_FALLBACK')?.message;
    expect(bookReason).toContain(
      "its entry server.js:6 runs `store.connect(process.env.STORE_URL || 'memory://books');` at boot, so the handler runs the entry",
    );
    const copy = fs.readFileSync(path.join(out, 'functions', books.size.id, 'app', 'server.js'), 'utf8');
    expect(copy).toContain("store.connect(process.env.STORE_URL || 'memory://books');");
    expect(copy).not.toContain('startSweep');
    expect(copy).not.toContain("process.on('SIGTERM'");
    expect(books.text).not.toContain('sweep-job-code');

    const ok = await books.handler(
      { ...httpApiEvent('GET', '/books/7'), headers: { ...(httpApiEvent('GET', '/books/7').headers as object), 'x-token': 'ok' } },
      CONTEXT,
    );
    expect({ status: ok.statusCode, body: JSON.parse(ok.body) }).toEqual({ status: 200, body: { id: '7', from: 'memory://books' } });
    const refused = await books.handler(httpApiEvent('GET', '/books/7'), CONTEXT);
    expect({ status: refused.statusCode, body: JSON.parse(refused.body) }).toEqual({ status: 401, body: { error: 'no token' } });

    // Health needs neither the store nor the registry: its handler does not run the entry.
    const health = split.bundleOf('GET /health');
    expect(split.diagnostics.find((d) => d.subject === health.size.id && d.code === 'WHOLE_APP_FALLBACK')?.message).not.toContain('its entry');
    expect(fs.existsSync(path.join(out, 'functions', health.size.id, 'app', 'server.js'))).toBe(false);
    expect(health.text).not.toContain('store-code');
    expect((await health.handler(httpApiEvent('GET', '/health'), CONTEXT)).statusCode).toBe(200);
  }, 60_000);
});
