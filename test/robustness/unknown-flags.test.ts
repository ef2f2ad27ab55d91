import { badFixture, expectContract, runChecked } from '../support/bad-input';

// Usage errors from the command line: exit 2, one `cleave: error:` line naming the help to read,
// commander's own "Did you mean" folded into the advice; the app is never analysed.
describe('robustness/unknown-flags', () => {
  const dir = badFixture('small-app');
  const cases: [string, string[], string][] = [
    ['an unknown option of analyze', ['analyze', dir, '--bogus'], "cleave: error: unknown option '--bogus' (see cleave analyze --help)\n"],
    ['an unknown global option', ['--bogus'], "cleave: error: unknown option '--bogus' (see cleave --help)\n"],
    ['an unknown option before the command', ['--bogus', 'analyze', dir], "cleave: error: unknown option '--bogus' (see cleave analyze --help)\n"],
    ['a misspelt option', ['analyze', dir, '--formt', 'json'], "cleave: error: unknown option '--formt' (did you mean --format? see cleave analyze --help)\n"],
    ['an unknown command', ['analyse', dir], "cleave: error: unknown command 'analyse' (did you mean analyze? see cleave --help)\n"],
    ['a missing argument', ['analyze'], "cleave: error: missing required argument 'app-dir' (see cleave analyze --help)\n"],
    [
      'too many arguments',
      ['analyze', dir, dir],
      "cleave: error: too many arguments for 'analyze'. Expected 1 argument but got 2 (see cleave analyze --help)\n",
    ],
    [
      'an invalid choice',
      ['analyze', dir, '--format', 'xml'],
      "cleave: error: option '--format <format>' argument 'xml' is invalid. Allowed choices are json, text (see cleave analyze --help)\n",
    ],
    ['an option without its value', ['analyze', dir, '-o'], "cleave: error: option '-o, --output <file>' argument missing (see cleave analyze --help)\n"],
  ];

  it.each(cases)(
    '%s: exit 2, one line',
    async (_name, args, line) => {
      const run = await runChecked(dir, ...args);
      expectContract(run, 2);
      expect(run.stderr).toBe(line);
    },
    30_000,
  );

  it('no command at all: the help on stderr, then one error line, exit 2', async () => {
    const run = await runChecked(dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: cleave [options] [command]');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('cleave: error:'))).toEqual([
      expect.stringMatching(/^cleave: error: no command given \(use one of analyze, .*; see cleave --help\)$/),
    ]);
    expect(run.after).toEqual(run.before);
  }, 30_000);
});
