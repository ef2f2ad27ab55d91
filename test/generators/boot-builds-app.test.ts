import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { httpApiEvent } from '../support/invoke-functions-process';
import { splitAndBundle } from '../support/split-and-bundle';

const APP = path.join(__dirname, '..', 'fixtures', 'generators', 'boot-builds-app-and-timer');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

// The entry's one statement, `require('./boot')()`, starts a timer at boot (TIMER_AT_BOOT started
// from index.js:5) and builds the app (as Ghost's ghost.js does). Boot code the platform replaces
// is left out of a function's copy of the entry, but never a statement that builds the app: the
// functions still boot it and answer.
describe('generators/slice a boot sequence that starts a timer and builds the app', () => {
  let out: string;
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('keeps the statement in the copies of the entry, and every function answers', async () => {
    const analysis = await analyzeApp({ appDir: APP });
    expect(analysis.hazards).toContainEqual(expect.objectContaining({ code: 'TIMER_AT_BOOT', file: 'boot.js', startedAt: { file: 'index.js', line: 5 } }));
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-boot-builds-'));
    const split = await splitAndBundle(APP, out);
    for (const fn of split.plan.functions) {
      const copy = path.join(out, 'functions', fn.id, 'app', 'index.js');
      if (fs.existsSync(copy)) expect(fs.readFileSync(copy, 'utf8')).toContain("require('./boot')();");
    }
    const items = await split.bundleOf('GET /items/:id').handler(httpApiEvent('GET', '/items/42'), CONTEXT);
    expect([items.statusCode, JSON.parse(items.body)]).toEqual([200, { id: '42' }]);
    const health = await split.bundleOf('GET /health').handler(httpApiEvent('GET', '/health'), CONTEXT);
    expect([health.statusCode, JSON.parse(health.body)]).toEqual([200, { ok: true }]);
  }, 60_000);
});
