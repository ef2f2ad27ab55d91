import { progressPrinter } from '../../cli/progress';

// On a terminal, counts are a bar redrawn in place and cleared before the next stage line;
// in a log (not a TTY) only the stage lines appear; --quiet prints nothing.
describe('cli/progress', () => {
  const run = (tty: boolean, quiet = false): string => {
    let out = '';
    const print = progressPrinter(quiet, (t) => void (out += t), tty);
    print({ stage: 'generate', message: 'bundling 4 handlers with esbuild' });
    for (let done = 1; done <= 4; done++) print({ stage: 'generate', message: 'bundling handlers', done, total: 4 });
    print({ stage: 'split', message: 'wrote 9 files' });
    return out;
  };

  it('draws a bar on a terminal and clears it before the next line', () => {
    const out = run(true);
    expect(out).toContain('\r\x1b[2Kcleave: generate: bundling handlers [############............] 2/4');
    expect(out).toContain('[########################] 4/4');
    expect(out.endsWith('4/4\r\x1b[2Kcleave: split: wrote 9 files\n')).toBe(true);
  });

  it('prints only the stage lines when stderr is not a terminal, and nothing when quiet', () => {
    expect(run(false)).toBe('cleave: generate: bundling 4 handlers with esbuild\ncleave: split: wrote 9 files\n');
    expect(run(true, true)).toBe('');
  });
});
