import * as fs from 'node:fs';
import * as path from 'node:path';
import { dynamicAppModules } from '../../bundler/dynamic-app-modules';
import { makeTemp, removeTemp } from '../support/bad-input';

// Which of the app's modules a bundle carries for a module that requires computed paths: the
// folder it names beside `__dirname`, its own folder when it lists it, or the folder of a literal
// glob pattern; never the whole app for a join of `__dirname` and a name.
describe('bundler dynamicAppModules', () => {
  let app: string;
  beforeAll(() => {
    app = makeTemp('dynamic-app-modules');
    const files: Record<string, string> = {
      'server.js': "glob.sync('./routes/*.js', { cwd: __dirname }).forEach((f) => require(path.resolve(__dirname, f))(app));\n",
      'routes/home.js': '',
      'routes/about.js': '',
      'models/index.js': 'fs.readdirSync(__dirname).forEach((file) => require(path.join(__dirname, file)));\n',
      'models/user.js': '',
      'lib/loader.js': 'module.exports = (name) => require(path.join(__dirname, name));\n',
      'lib/other.js': '',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      fs.writeFileSync(path.join(app, file), text);
    }
  });
  afterAll(() => removeTemp(app));

  it('carries the folder of a literal glob pattern', () => {
    expect(dynamicAppModules(app, ['server.js']).modules).toEqual(['routes/about.js', 'routes/home.js']);
  });

  it('carries the own folder a module lists', () => {
    expect(dynamicAppModules(app, ['models/index.js']).modules).toEqual(['models/index.js', 'models/user.js']);
  });

  it('carries nothing for a join with a name only the caller knows', () => {
    expect(dynamicAppModules(app, ['lib/loader.js']).modules).toEqual([]);
  });
});
