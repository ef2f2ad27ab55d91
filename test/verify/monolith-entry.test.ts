import { monolithEntry } from '../../verifier/monolith-entry';
import { fixtureDir } from '../support/analyze-fixture';

// verify starts the monolith from the entry the plan was made from, unless --entry names another.
describe('verify: the monolith entry', () => {
  const app = fixtureDir('load', 'two-listen-files-importer-wins');

  it("takes the plan's first app.entry", () => {
    expect(monolithEntry(app, undefined, ['src/index.ts'], 'cleave.plan.yaml')).toBe('src/index.ts');
  });

  it('takes --entry over the plan', () => {
    expect(monolithEntry(app, ['src/app.ts'], ['src/index.ts'], 'cleave.plan.yaml')).toBe('src/app.ts');
  });

  it('refuses a plan with no entry, naming the plan', () => {
    expect(() => monolithEntry(app, undefined, [], 'out/cleave.plan.yaml')).toThrow('the plan out/cleave.plan.yaml names no entry file');
  });

  it('refuses a missing entry file of the plan, with advice on the plan key', () => {
    expect(() => monolithEntry(app, undefined, ['src/gone.ts'], 'out/cleave.plan.yaml')).toThrow(
      expect.objectContaining({
        code: 'ENTRY_NOT_FOUND',
        advice: 'set app.entry in out/cleave.plan.yaml to a file path relative to the app folder, or pass --entry',
      }),
    );
  });

  it("starts the program package.json runs (express-generator's bin/www) when the plan's entry never listens", () => {
    const generated = fixtureDir('verify', 'generator-bin-www');
    expect(monolithEntry(generated, undefined, ['app.js'], 'cleave.plan.yaml')).toBe('bin/www');
    expect(monolithEntry(generated, ['app.js'], ['app.js'], 'cleave.plan.yaml')).toBe('app.js'); // --entry is taken as given
  });
});
