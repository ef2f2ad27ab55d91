import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { runtimeRoutesInProcess } from '../support/runtime-routes-process';

const samples = path.join(__dirname, '..', '..', 'samples');

/**
 * Accuracy is measured against the running app: each sample is loaded for real in a child
 * process (listen intercepted), its router stack walked, and the static analysis must find
 * exactly those routes.
 */
describe.each([
  { name: 'shop-api', module: 'src/app.ts', factory: 'createApp', atLeast: 45 },
  { name: 'library-js', module: 'app.js', factory: undefined, atLeast: 32 },
])('sample $name', ({ name, module, factory, atLeast }) => {
  it('static analysis finds exactly the routes the running app serves', async () => {
    const dir = path.join(samples, name);
    const served = runtimeRoutesInProcess(path.join(dir, module), factory).map((r) => `${r.method} ${r.path}`).sort();
    const analysis = await analyzeApp({ appDir: dir });
    expect(served.length).toBeGreaterThan(atLeast);
    expect(analysis.routes.map((r) => r.id).sort()).toEqual(served);
  });
});
