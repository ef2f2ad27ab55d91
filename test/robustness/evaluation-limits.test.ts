import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';

// Every depth or budget limit of the evaluation says where it stopped: routers nested past the
// mount limit, a loop past the iteration limit, calls nested past the call-depth limit. Before,
// a chain of 150 nested routers gave no route and no word. (Apps are written at run time.)
describe('robustness/evaluation-limits', () => {
  let dir: string;
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const analyze = async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    return analysisOf(run);
  };
  beforeEach(() => {
    dir = makeTemp('evaluation-limits');
    write('package.json', JSON.stringify({ name: 'limits', dependencies: { express: '4.21.2' } }));
  });
  afterEach(() => removeTemp(dir));

  it('names the mount where routers nested too deep stop (150 router files in a chain)', async () => {
    for (let i = 0; i < 150; i++) {
      const next = i < 149 ? `r.use('/m${i + 1}', require('./m${i + 1}'));` : "r.get('/leaf', (req, res) => res.send('ok'));";
      write(`routes/m${i}.js`, `const express = require('express');\nconst r = express.Router();\n${next}\nmodule.exports = r;\n`);
    }
    write(
      'server.js',
      "const express = require('express');\nconst app = express();\napp.get('/up', (req, res) => res.send('up'));\napp.use('/m0', require('./routes/m0'));\napp.listen(3000);\n",
    );
    const analysis = await analyze();
    expect(routeIds(analysis)).toEqual(['GET /up']);
    expect(analysis.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'MOUNT_NESTING_LIMIT',
        severity: 'warning',
        file: 'routes/m23.js',
        line: 3,
        message: expect.stringContaining('nothing under /m0/m1/'),
      }),
    );
  }, 60_000);

  it('names the loop the iteration limit stopped', async () => {
    const ids = Array.from({ length: 2500 }, (_, i) => i).join(', ');
    write(
      'server.js',
      `const express = require('express');\nconst app = express();\nfor (const id of [${ids}]) app.get('/item' + id, (req, res) => res.send(String(id)));\nmodule.exports = app;\n`,
    );
    const analysis = await analyze();
    expect(routeIds(analysis)).toHaveLength(2000);
    expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'LOOP_LIMIT', severity: 'warning', file: 'server.js', line: 3 }));
  }, 60_000);

  it('names the call the call-depth limit stopped', async () => {
    const fns = Array.from({ length: 30 }, (_, i) =>
      i === 29 ? "function f29(app) { app.get('/deep', (req, res) => res.send('deep')); }" : `function f${i}(app) { f${i + 1}(app); }`,
    );
    write('server.js', `const express = require('express');\nconst app = express();\n${fns.join('\n')}\nf0(app);\nmodule.exports = app;\n`);
    const analysis = await analyze();
    expect(routeIds(analysis)).toEqual([]);
    expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'ANALYSIS_DEPTH_LIMIT', severity: 'info', file: 'server.js' }));
  }, 60_000);
});
