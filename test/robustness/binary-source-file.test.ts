import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysisOf, expectContract, removeTemp, routeIds, runChecked, tempCopy } from '../support/bad-input';

// Binary files named .ts (written at test time, never committed): an image with NUL bytes,
// random bytes without a single NUL, UTF-16 text. Each is skipped with BINARY_SOURCE_FILE and
// the app is analysed, even though server.js requires two of them.
describe('robustness/binary-source-file', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempCopy('small-app');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), randomBytes(4096)]);
    fs.writeFileSync(path.join(dir, 'routes', 'logo.ts'), png);
    fs.writeFileSync(
      path.join(dir, 'routes', 'noise.ts'),
      randomBytes(20_000).map((b) => (b === 0 ? 1 : b)),
    );
    fs.writeFileSync(path.join(dir, 'routes', 'utf16.ts'), Buffer.from('\ufeffimport express from "express";\n', 'utf16le'));
    const server = path.join(dir, 'server.js');
    fs.writeFileSync(
      server,
      fs
        .readFileSync(server, 'utf8')
        .replace('app.listen(3000);', "app.use('/logo', require('./routes/logo'));\napp.use('/noise', require('./routes/noise'));\n\napp.listen(3000);"),
    );
  });
  afterAll(() => removeTemp(dir));

  it('skips each binary with a warning and finds the routes', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /orders', 'GET /users', 'GET /users/:id', 'POST /orders']);
    const binary = analysis.diagnostics.filter((d) => d.code === 'BINARY_SOURCE_FILE').map((d) => [d.file, d.severity]);
    expect(binary).toEqual([
      ['routes/logo.ts', 'warning'],
      ['routes/noise.ts', 'warning'],
      ['routes/utf16.ts', 'warning'],
    ]);
  }, 30_000);
});
