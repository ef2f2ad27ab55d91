import * as fs from 'node:fs';
import * as path from 'node:path';
import { CookieJar } from '../../verifier/cookie-jar';
import type { RequestSpec } from '../../verifier/request-spec';
import { REPO, type SplitOutput, differences, splitIntoTemp, verifyRun } from '../support/verify-run';

const spec = (cookie?: string): RequestSpec => ({ route: 'GET /me', method: 'GET', path: '/me', query: [], headers: cookie ? { cookie } : {} });

describe('verifier/cookie-jar', () => {
  it('keeps what Set-Cookie gives, replaces a cookie by name and forgets an expired one', () => {
    const jar = new CookieJar();
    expect(jar.apply(spec())).toEqual(spec());
    jar.store(['sid=s%3Aabc; Path=/; HttpOnly', 'theme=light; Max-Age=2592000']);
    expect(jar.apply(spec()).headers.cookie).toBe('sid=s%3Aabc; theme=light');
    jar.store(['theme=dark; Path=/']);
    expect(jar.apply(spec()).headers.cookie).toBe('sid=s%3Aabc; theme=dark');
    jar.store(['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'theme=; Max-Age=0']);
    expect(jar.apply(spec())).toEqual(spec());
  });

  it("leaves a cookie the request names itself as the request has it, and adds the jar's others", () => {
    const jar = new CookieJar();
    jar.store(['sid=abc', 'theme=light']);
    expect(jar.apply(spec('theme=dark')).headers.cookie).toBe('theme=dark; sid=abc');
  });
});

// verify.cookies: the login's cookie is sent with the later requests of each side, so the route
// behind the login answers 200 on both sides until the logout clears it.
describe('verify with verify.cookies on a split into one function per route', () => {
  let split: SplitOutput;
  beforeAll(async () => {
    split = await splitIntoTemp(path.join(REPO, 'test', 'fixtures', 'verify', 'session-cookie'));
  }, 120_000);
  afterAll(() => split?.remove());

  it('signs in once per side and stays signed in across functions until the logout', async () => {
    const run = await verifyRun(split);
    expect(differences(run.report)).toEqual([]);
    expect(run.report.results.map((r) => [r.request, r.function, r.monolithStatus, r.functionStatus])).toEqual([
      ['GET /me', 'me', 401, 401],
      ['POST /login', 'login', 200, 200],
      ['GET /me', 'me', 200, 200],
      ['GET /me', 'me', 200, 200],
      ['POST /logout', 'logout', 200, 200],
      ['GET /me', 'me', 401, 401],
    ]);
  }, 120_000);

  it('without it, every request goes as written: the route behind the login is refused', async () => {
    const config = path.join(split.outDir, 'no-jar.config.yaml');
    fs.writeFileSync(config, fs.readFileSync(path.join(split.appDir, 'cleave.config.yaml'), 'utf8').replace('cookies: true', 'cookies: false'));
    const run = await verifyRun(split, '--config', config);
    expect(run.report.results.filter((r) => r.request === 'GET /me').map((r) => [r.monolithStatus, r.functionStatus])).toEqual([
      [401, 401],
      [401, 401],
      [401, 401],
      [401, 401],
    ]);
  }, 120_000);
});
