import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expressRange } from '../../analyzer/load/express-version';

describe('load expressRange', () => {
  let root: string;
  beforeAll(() => {
    // A repo that installs Express 5 at its root and keeps example apps without a package.json below.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-express-version-'));
    fs.mkdirSync(path.join(root, 'node_modules', 'express'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'express', 'package.json'), JSON.stringify({ name: 'express', version: '5.1.0' }));
    fs.mkdirSync(path.join(root, 'examples', 'mvc'), { recursive: true });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('takes the installed version Node would load over the range package.json lists: the app runs on it and its bundles take it', () => {
    expect(expressRange({ dependencies: { express: '^4.18.2' } }, path.join(root, 'examples', 'mvc'))).toEqual({ express: '5.1.0' });
  });

  it('takes the range package.json lists when nothing is installed', () => {
    expect(expressRange({ dependencies: { express: '^4.18.2' } }, path.parse(root).root)).toEqual({ express: '^4.18.2' });
  });

  it('takes the installed version Node would load when package.json lists none', () => {
    expect(expressRange(undefined, path.join(root, 'examples', 'mvc'))).toEqual({ express: '5.1.0' });
  });

  it('takes the installed version when the listed range names no version', () => {
    expect(expressRange({ dependencies: { express: 'latest' } }, path.join(root, 'examples', 'mvc'))).toEqual({ express: '5.1.0' });
  });

  it('takes the version of the Express repository itself, whose examples require it by relative path', () => {
    expect(expressRange({ name: 'express', version: '5.2.1', devDependencies: { ejs: '^3.1.10' } }, root)).toEqual({ express: '5.2.1' });
  });

  it('says nothing when neither package.json nor node_modules knows', () => {
    expect(expressRange(undefined, path.parse(root).root)).toEqual({});
  });
});
