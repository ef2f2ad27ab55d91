import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { splitAndBundle } from '../support/split-and-bundle';

const APP = path.join(__dirname, '..', 'fixtures', 'generators', 'package-require-matches-nothing');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

// probe-binding looks for a binding a build step would have compiled (`require('./src/build/' +
// dir + '/ProbeBindings')` in a try, as dtrace-provider does, which Ghost's logger loads): esbuild
// turns the call into a file pattern that matches nothing and fails the whole bundle. The package
// is shipped installed beside the bundle instead, said with the call, and answers as in the monolith.
describe('bundler: a package whose computed require matches none of its files', () => {
  let out: string;
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('is shipped installed, with the reason, and the function answers', async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-unexpandable-'));
    const split = await splitAndBundle(APP, out);
    const probe = split.bundleOf('GET /probe');
    expect(probe.size.externalized).toEqual([
      { name: 'probe-binding', reason: 'require("./src/build/**/*/ProbeBindings") matches none of its files in probe-binding/index.js:7' },
    ]);
    expect(fs.existsSync(path.join(out, path.dirname(probe.size.file), 'node_modules', 'probe-binding', 'index.js'))).toBe(true);
    const answer = await probe.handler(httpApiEvent('GET', '/probe'), CONTEXT);
    expect([answer.statusCode, JSON.parse(answer.body)]).toEqual([200, { enabled: false }]);
    // The other function never loads the package: nothing shipped there.
    expect(split.bundleOf('GET /health').size.externalized).toBeUndefined();
  }, 60_000);
});
