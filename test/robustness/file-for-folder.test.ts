import * as path from 'node:path';
import { badFixture, expectContract, runChecked } from '../support/bad-input';

// A file given where the app folder belongs: exit 2, pointing at --entry.
describe('robustness/file-for-folder', () => {
  it('exits 2 with one line that suggests --entry', async () => {
    const dir = badFixture('file-for-folder');
    const file = path.join(dir, 'server.js');
    const run = await runChecked(dir, 'analyze', file, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toBe(`cleave: error: not a folder: ${file} (pass the app's folder, not a file; use --entry to name the entry file)\n`);
  }, 30_000);
});
