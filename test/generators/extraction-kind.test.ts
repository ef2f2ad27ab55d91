import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BundleReport } from '../../model/bundle-report';
import { httpApiEvent } from '../support/invoke-functions-process';
import { runCli } from '../support/run-cli';

// bundles.json says per function how it gets hold of its routes: `imported` when the handler
// imports the router that registers them, `sliced` when it builds the monolith's app from copies
// without the other functions' registrations (with the generator's reason).
describe('generators/extraction kind in bundles.json', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
  const splitInto = async (fixture: string): Promise<{ out: string; report: BundleReport }> => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-extraction-'));
    temps.push(out);
    const run = await runCli('--quiet', 'split', path.join(__dirname, '..', 'fixtures', fixture), '-o', out);
    expect(run.stderr).not.toContain('BUNDLE_FAILED');
    return { out, report: JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as BundleReport };
  };
  const split = async (fixture: string): Promise<BundleReport> => (await splitInto(fixture)).report;

  it('is imported for an exported router', async () => {
    const report = await split('routes/app-exported-in-declaration');
    expect(report.bundles.map((b) => [b.id, b.extraction])).toEqual([['items', { kind: 'imported' }]]);
  }, 60_000);

  it('is sliced, with the reason, for routes on the root app of an entry', async () => {
    const report = await split('generators/slice-root-app-routes');
    const functions = report.bundles.filter((b) => b.kind === 'function');
    expect(functions.length).toBeGreaterThan(0);
    for (const b of functions) expect(b.extraction?.kind).toBe('sliced');
    // A setting under a condition cannot be repeated on a new app: the reason says so, not that `true` is no literal.
    expect(functions.map((b) => b.extraction?.reason)).toContainEqual(
      expect.stringContaining(
        "the root app's setting set('trust proxy', true) is made only when process.env.TRUST_PROXY, so it cannot be repeated on a new app",
      ),
    );
  }, 60_000);

  // Each function's own code is measured against the whole app bundled from its entry the same
  // way, and the report shows the functions as built.
  it('records own-code bytes and shares against the whole app, and the report shows them', async () => {
    const { out, report } = await splitInto('generators/slice-root-app-routes');
    expect(report.wholeApp?.entry).toBe('server.js');
    const whole = report.wholeApp!;
    const functions = report.bundles.filter((b) => b.kind === 'function');
    for (const b of functions) {
      expect(b.ownBytes).toBeGreaterThan(0);
      expect(b.ownShare).toBe(Math.round((b.ownBytes / whole.ownBytes) * 1000) / 1000);
      expect(b.bytesShare).toBe(Math.round((b.bytes / whole.bytes) * 1000) / 1000);
    }
    // The function without the orders routes leaves routes/orders.js and its controller out.
    const withoutOrders = functions.find((b) => !b.id.includes('orders'));
    expect(withoutOrders).toBeDefined();
    expect(withoutOrders!.ownShare!).toBeLessThan(1);
    const markdown = fs.readFileSync(path.join(out, 'SPLIT-REPORT.md'), 'utf8');
    const section = markdown.slice(markdown.indexOf('## Functions as built'), markdown.indexOf('## Routes'));
    expect(section).toContain('The whole app bundled from server.js carries');
    for (const b of functions) expect(section).toContain(`| \`${b.id}\` | sliced | `);
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<h2>Functions as built</h2>');
  }, 60_000);

  // Own code is counted by source size: a module weighs the same whether a bundle starts from it
  // (the whole app) or requires it (esbuild wraps it), and a copy weighs without cleave's additions.
  it('counts a function that loads the whole app as all of its own code, and a sliced copy without what cleave appends', async () => {
    const { out: wholeOut, report: whole } = await splitInto('generators/one-route-app');
    expect(whole.bundles.map((b) => [b.extraction?.kind, b.ownShare])).toEqual([['whole-app', 1]]);
    // Its bundle holds the monolith's own module, whose `if (!module.parent) app.listen(3000)` must not start a server.
    const listen = jest.spyOn(http.Server.prototype, 'listen').mockImplementation(function (this: http.Server) {
      return this;
    });
    const { handler } = require(path.join(wholeOut, whole.bundles[0]!.file)) as {
      handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    expect(await handler(httpApiEvent('GET', '/'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 })).toMatchObject({
      statusCode: 200,
      body: 'Hello World',
    });
    expect(listen).not.toHaveBeenCalled();
    listen.mockRestore();
    const { out, report } = await splitInto('generators/entry-only-app');
    const server = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'generators', 'entry-only-app', 'server.js'));
    expect(report.wholeApp?.ownBytes).toBe(server.byteLength);
    for (const b of report.bundles.filter((x) => x.kind === 'function')) {
      const copy = fs.readFileSync(path.join(out, 'functions', b.id, 'app', 'server.js'), 'utf8');
      expect(copy.length).toBeGreaterThan(b.ownBytes);
      expect(b.ownBytes).toBe(Buffer.byteLength(copy.slice(0, copy.indexOf('\n/* Generated by cleave: ') + 1)));
      expect(b.ownShare).toBeLessThanOrEqual(1);
    }
  }, 60_000);
});
