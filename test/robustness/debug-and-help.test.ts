import * as analyzer from '../../analyzer/analyze';
import { badFixture } from '../support/bad-input';
import { STACK_LINE, runCli } from '../support/run-cli';

// --debug prints stack traces of unexpected errors; without it no run prints one. --help of the
// program and of analyze list the flags (global ones included).
describe('robustness/debug-and-help', () => {
  const dir = badFixture('small-app');

  describe('an unexpected error that ends the run', () => {
    let spy: jest.SpyInstance;
    beforeEach(() => {
      spy = jest.spyOn(analyzer, 'analyzeApp').mockRejectedValue(new TypeError('kaboom\nsecond line'));
    });
    afterEach(() => spy.mockRestore());

    it('is one line, exit 2, without --debug', async () => {
      const run = await runCli('analyze', dir, '--quiet');
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: 'cleave: error: kaboom (run again with --debug for details, and report it if it persists)\n',
      });
    });

    it.each([
      ['before the command', ['--debug', 'analyze', dir, '--quiet']],
      ['after the command', ['analyze', dir, '--quiet', '--debug']],
    ])('adds the stack with --debug %s', async (_where, args) => {
      const run = await runCli(...args);
      expect(run.code).toBe(2);
      const [first, ...rest] = run.stderr.split('\n');
      expect(first).toBe('cleave: error: kaboom (run again with --debug for details, and report it if it persists)');
      expect(rest.join('\n')).toContain('TypeError: kaboom');
      expect(rest.join('\n')).toContain(STACK_LINE);
    });
  });

  it('input errors carry no stack without --debug', async () => {
    const run = await runCli('analyze', badFixture('no-such-fixture'));
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(STACK_LINE);
  });

  it('cleave --help lists the commands and the global flags', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of ['Usage: cleave', 'analyze [options] <app-dir>', '--debug', '--quiet', '--version', '--help']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('cleave analyze --help lists its flags and the global ones', async () => {
    const run = await runCli('analyze', '--help');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const text of [
      'Usage: cleave analyze [options] <app-dir>',
      '--entry <file...>',
      '-o, --output <file>',
      '--format <format>',
      '"json", "text"',
      'Global Options:',
      '--debug',
      '--quiet',
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('cleave --version prints the version', async () => {
    const run = await runCli('--version');
    expect(run).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
  });
});
