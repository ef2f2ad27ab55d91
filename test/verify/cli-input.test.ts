import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { REPO } from '../support/verify-run';

const LIBRARY = path.join(REPO, 'samples', 'library-js');

describe('cleave verify: bad input', () => {
  it.each([
    [['verify', path.join(REPO, 'no-such-app'), '--functions', LIBRARY], 'app folder not found:'],
    [['verify', LIBRARY, '--functions', path.join(REPO, 'no-such-out')], 'no cleave.plan.yaml in'],
    [['verify', LIBRARY, '--functions', LIBRARY, '--payload', 'v3'], 'unknown payload format: v3'],
    [['verify', LIBRARY], "required option '--functions <out-dir>' not specified"],
  ])('%j exits 2 with one line naming the problem', async (args, message) => {
    const run = await runCli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^cleave: error: /);
  });
});
