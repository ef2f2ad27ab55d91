import { badFixture, expectContract, runChecked } from '../support/bad-input';

// `--entry` naming a file that is not there (or a folder): exit 2, ENTRY_NOT_FOUND as one line.
describe('robustness/missing-entry', () => {
  const dir = badFixture('small-app');

  it.each([
    ['a missing file', 'src/nope.ts'],
    ['a folder', 'routes'],
  ])(
    '%s: exit 2, one line',
    async (_name, entry) => {
      const run = await runChecked(dir, 'analyze', dir, '--entry', entry, '--quiet');
      expectContract(run, 2);
      expect(run.stderr).toBe(`cleave: error: entry file not found: ${entry} (give --entry a file path relative to the app folder)\n`);
    },
    30_000,
  );

  it('one missing entry among good ones is still an error', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--entry', 'server.js', 'gone.js', '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toContain('entry file not found: gone.js');
  }, 30_000);
});
