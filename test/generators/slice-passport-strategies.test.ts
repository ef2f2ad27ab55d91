import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFixture, fixtureDir } from '../support/analyze-fixture';
import { splitAndBundle } from '../support/split-and-bundle';

const FIXTURE = ['generators', 'slice-passport-strategies'] as const;

// Passport strategies registered at boot: each function registers only the strategies its
// routes authenticate with, so the other strategies' modules and packages stay out of its
// bundle; a strategy named at run time keeps them all, and so does a registration whose name
// cannot be known.
describe('generators/slice passport strategies', () => {
  let out: string;
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('finds each registration with its name: given, or the strategy package default', async () => {
    const analysis = await analyzeFixture(...FIXTURE);
    expect(analysis.authStrategies).toEqual([
      { file: 'config/passport.js', line: 10, name: 'local', package: 'passport-local' },
      { file: 'config/passport.js', line: 11, name: 'github', package: 'passport-github2' },
      { file: 'config/passport.js', line: 12, name: 'api-key' },
      { file: 'config/passport.js', line: 13 },
    ]);
  }, 60_000);

  it('bundles with each function only the strategies its routes authenticate with', async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-strategies-'));
    const split = await splitAndBundle(fixtureDir(...FIXTURE), out);
    const markers = (route: string): string[] => ['local', 'github', 'api-key', 'sso'].filter((s) => split.bundleOf(route).text.includes(`${s}-strategy-code`));
    expect(markers('GET /articles')).toEqual(['sso']); // the unknown name stays registered
    expect(markers('POST /login')).toEqual(['local', 'sso']);
    expect(markers('GET /auth/github')).toEqual(['github', 'sso']); // through `passport.authenticate.bind(passport)`
    expect(markers('GET /auth/:provider')).toEqual(['local', 'github', 'api-key', 'sso']); // `authenticate(req.params.provider)`
    expect(split.bundleOf('GET /articles').text).not.toContain('passport-github2');
    const sliced = split.diagnostics.find(
      (d) => d.code === 'REGISTRATIONS_SLICED' && d.subject === split.plan.functions.find((f) => f.routes.includes('POST /login'))!.id,
    );
    expect(sliced?.message).toContain('the passport strategies none of its routes authenticates with (api-key, github) not registered');
    const provider = split.plan.functions.find((f) => f.routes.includes('GET /auth/:provider'))!.id;
    expect(split.diagnostics.find((d) => d.code === 'REGISTRATIONS_SLICED' && d.subject === provider)?.message).not.toContain('passport strategies');
  }, 120_000);
});
