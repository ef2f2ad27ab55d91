import { expectContract, makeTemp, removeTemp, runChecked } from '../support/bad-input';

// An empty folder (created at test time: git keeps no empty folders) is no Express app: exit 2.
describe('robustness/empty-folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('empty-folder');
  });
  afterAll(() => removeTemp(dir));

  it('exits 2 with one line saying there is no source', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toContain('is not an Express app: no JavaScript or TypeScript source files');
  }, 30_000);

  it('prints one error line after the progress lines without --quiet, and no stack', async () => {
    const run = await runChecked(dir, 'analyze', dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('cleave: error:'))).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
  }, 30_000);
});
