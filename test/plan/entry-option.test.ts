import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlanFile } from '../../model/plan-file';
import { fixtureDir } from '../support/analyze-fixture';
import { makeTemp, removeTemp } from '../support/bad-input';
import { runCli } from '../support/run-cli';

// The fixture's src/index.ts imports src/app.ts and both call listen: detection takes index.ts,
// so choosing app.ts shows which of `--entry`, `entry:` and detection won.
const APP = fixtureDir('load', 'two-listen-files-importer-wins');

describe('plan --entry and entry: in the config', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = makeTemp('entry-option');
  });
  afterAll(() => removeTemp(tmp));

  const config = (name: string, text: string): string => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const planEntry = async (name: string, ...args: string[]): Promise<string[]> => {
    const out = path.join(tmp, `${name}.plan.yaml`);
    const run = await runCli('--quiet', 'plan', APP, '-o', out, ...args);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return parsePlanFile(fs.readFileSync(out, 'utf8')).app.entry;
  };

  it('without either, the plan records the detected entry', async () => {
    expect(await planEntry('detected')).toEqual(['src/index.ts']);
  });

  it('--entry selects the entry', async () => {
    expect(await planEntry('flag', '--entry', 'src/app.ts')).toEqual(['src/app.ts']);
  });

  it.each([
    ['a path', 'entry: src/app.ts\n'],
    ['a list', 'entry: [src/app.ts]\n'],
  ])('entry: as %s selects the entry', async (name, text) => {
    expect(await planEntry(`config-${name.replace(' ', '-')}`, '--config', config(`${name}.yaml`, text))).toEqual(['src/app.ts']);
  });

  it('--entry wins over entry: in the config', async () => {
    const file = config('both.yaml', 'entry: src/app.ts\n');
    expect(await planEntry('both', '--config', file, '--entry', 'src/index.ts')).toEqual(['src/index.ts']);
  });

  it('analyze reads entry: from the config too', async () => {
    const run = await runCli('--quiet', 'analyze', APP, '--format', 'json', '--config', config('analyze.yaml', 'entry: src/app.ts\n'));
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { entry: string[] }).entry).toEqual(['src/app.ts']);
  });

  it.each([
    ['empty', 'entry: []\n', 'entry: expected array to have >=1 items'],
    ['number', 'entry: 3\n', 'entry: expected a file path or a non-empty list of file paths'],
  ])('an entry: that is %s is a config error naming the key', async (name, text, problem) => {
    const run = await runCli('plan', APP, '--config', config(`${name}.yaml`, text));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`cleave: error: ${path.join(tmp, `${name}.yaml`)}: ${problem} (schema/cleave.config.schema.json documents every key)\n`);
  });
});
