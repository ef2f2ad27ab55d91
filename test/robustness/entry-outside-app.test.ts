import * as fs from 'node:fs';
import * as path from 'node:path';
import { badFixture, expectContract, makeTemp, removeTemp, runChecked, tempCopy } from '../support/bad-input';
import { runCli } from '../support/run-cli';

// An entry outside the app folder, named by --entry, by entry: in the config, through a symbolic
// link, or by a plan's app.entry, is refused before it is read: exit 2, one line, no stack.
describe('robustness/entry-outside-app', () => {
  const dir = badFixture('small-app');
  const outside = (entry: string): string =>
    `cleave: error: entry file ${entry} is outside the app folder (give --entry a file inside the app folder, relative to it)\n`;
  let tmp: string;
  beforeAll(() => {
    tmp = makeTemp('entry-outside');
  });
  afterAll(() => removeTemp(tmp));

  it.each([
    ['plan', '../../etc/passwd'],
    ['analyze', '/etc/passwd'],
    ['plan', '..'],
  ])('%s --entry %s: exit 2, one line', async (command, entry) => {
    const run = await runChecked(dir, command, dir, '--entry', entry, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toBe(outside(entry));
  });

  it('split --entry outside writes nothing', async () => {
    const out = path.join(tmp, 'split-out');
    const run = await runChecked(dir, 'split', dir, '-o', out, '--entry', '../../etc/passwd', '--quiet');
    expectContract(run, 2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a symbolic link inside the app that leads outside: exit 2, one line', async () => {
    const app = tempCopy('small-app');
    try {
      fs.writeFileSync(path.join(tmp, 'secret.js'), 'module.exports = 1;\n');
      fs.symlinkSync(path.join(tmp, 'secret.js'), path.join(app, 'link.js'));
      const run = await runChecked(app, 'plan', app, '--entry', 'link.js', '--quiet');
      expectContract(run, 2);
      expect(run.stderr).toBe(
        'cleave: error: entry file link.js leads outside the app folder through a symbolic link (give --entry a file inside the app folder, relative to it)\n',
      );
    } finally {
      removeTemp(app);
    }
  });

  it('entry: in the config outside the app: exit 2, the advice names the config key', async () => {
    const config = path.join(tmp, 'outside.yaml');
    fs.writeFileSync(config, 'entry: [server.js, ../../etc/passwd]\n');
    const run = await runChecked(dir, 'plan', dir, '--config', config, '--quiet');
    expectContract(run, 2);
    expect(run.stderr).toBe(
      `cleave: error: entry file ../../etc/passwd is outside the app folder (set entry in ${config} to a file inside the app folder, relative to it, or pass --entry)\n`,
    );
  });

  describe('verify', () => {
    let functions: string;
    beforeAll(async () => {
      functions = path.join(tmp, 'functions');
      expect((await runCli('--quiet', 'plan', dir, '-o', path.join(functions, 'cleave.plan.yaml'))).code).toBe(0);
    });

    it('--entry outside the app: exit 2 before anything runs', async () => {
      const run = await runChecked(dir, 'verify', dir, '--functions', functions, '--entry', '../../etc/passwd', '--quiet');
      expectContract(run, 2);
      expect(run.stderr).toBe(outside('../../etc/passwd'));
    });

    it('--entry naming two files: exit 2 (verify starts one monolith)', async () => {
      const run = await runChecked(dir, 'verify', dir, '--functions', functions, '--entry', 'server.js', 'routes/users.js', '--quiet');
      expectContract(run, 2);
      expect(run.stderr).toContain('verify starts one monolith, but --entry names 2 files');
    });

    it("a plan whose app.entry leads outside the app: exit 2, the advice names the plan's key", async () => {
      const tampered = path.join(tmp, 'tampered');
      fs.mkdirSync(tampered);
      const plan = fs.readFileSync(path.join(functions, 'cleave.plan.yaml'), 'utf8');
      expect(plan).toContain('- server.js\n');
      fs.writeFileSync(path.join(tampered, 'cleave.plan.yaml'), plan.replace('- server.js\n', '- ../../etc/passwd\n'));
      const run = await runChecked(dir, 'verify', dir, '--functions', tampered, '--quiet');
      expectContract(run, 2);
      expect(run.stderr).toMatch(
        /^cleave: error: entry file \.\.\/\.\.\/etc\/passwd is outside the app folder \(set app\.entry in \S*tampered\/cleave\.plan\.yaml to a file inside the app folder, relative to it, or pass --entry\)\n$/,
      );
    });
  });
});
