import * as path from 'node:path';
import { expectContract, makeTemp, removeTemp, runChecked } from '../support/bad-input';

// A folder that does not exist: exit 2, APP_DIR_NOT_FOUND as one line; nothing gets created. Every
// command that takes the app folder checks it the same way (analyzer/load/app-root.ts checkAppFolder).
describe('robustness/missing-folder', () => {
  let parent: string;
  beforeAll(() => {
    parent = makeTemp('missing-folder');
  });
  afterAll(() => removeTemp(parent));

  it.each([
    ['analyze', []],
    ['generate', ['-o']],
    ['verify', ['--functions']],
  ])(
    '%s exits 2 with one line naming the folder',
    async (command, flag) => {
      const missing = path.join(parent, 'no-such-app');
      const run = await runChecked(parent, command, missing, ...flag.map((f) => [f, path.join(parent, 'out')]).flat(), '--quiet');
      expectContract(run, 2);
      expect(run.stderr).toBe(`cleave: error: app folder not found: ${missing} (pass the folder that holds the app's package.json)\n`);
      expect(run.after).toEqual({});
    },
    30_000,
  );
});
