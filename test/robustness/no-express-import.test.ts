import { badFixture, expectContract, runChecked } from '../support/bad-input';

// No file imports express (a plain node:http server; package.json naming express does not make
// it one): NOT_AN_EXPRESS_APP, exit 2.
describe('robustness/no-express-import', () => {
  it('exits 2 with one line saying no file imports express', async () => {
    const dir = badFixture('no-express-import');
    const run = await runChecked(dir, 'analyze', dir, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toBe(`cleave: error: ${dir} is not an Express app: no file imports express (point cleave at the folder of an Express app)\n`);
  }, 30_000);
});
