import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureDir } from '../support/analyze-fixture';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';

/** One line of minified code of about 500 KB, full of what would be hazards in server code. */
function minified(): string {
  let text = '!function(){var c={};';
  for (let i = 0; text.length < 500_000; i++) {
    text += `setInterval(function(){c.k${i}=Date.now()},1e3);require("fs").writeFileSync("/tmp/v${i}","x");new WebSocket("ws://h/${i}");`;
  }
  return `${text}module.exports={items:[]}}();`;
}

// Minified vendor files in the tree (written at test time): public/vendor.min.js, and a bundle the
// server itself requires (lib/legacy-bundle.js). Neither is parsed, so analysis stays fast and
// invents no hazards from them; BUNDLED_SOURCE_SKIPPED names the one that looked like source.
describe('robustness/minified-vendor', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('minified-vendor');
    fs.cpSync(fixtureDir('robustness', 'minified-vendor'), dir, { recursive: true });
    const text = minified();
    fs.writeFileSync(path.join(dir, 'public', 'vendor.min.js'), text);
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true }); // git keeps no empty folder
    fs.writeFileSync(path.join(dir, 'lib', 'legacy-bundle.js'), text);
  });
  afterAll(() => removeTemp(dir));

  it('leaves the minified files unparsed: hazards from server.js only', async () => {
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /api/items']);
    expect(analysis.routes[0]).toEqual(expect.objectContaining({ file: 'server.js', line: 7, handler: expect.objectContaining({ name: 'listItems' }) }));
    expect(analysis.hazards.map((h) => `${h.code} ${h.file}`).sort()).toEqual(['LISTEN_CALL server.js', 'STATIC_ASSETS server.js']);
    expect(analysis.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['BUNDLED_SOURCE_SKIPPED lib/legacy-bundle.js']);
    // Parsing the required bundle once took two minutes and reported 6,000 hazards from it (speed is measured by the bench, not here).
  }, 60_000);
});
