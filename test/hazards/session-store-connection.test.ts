import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// Missed on node-express-mongoose-demo (test/hazards/practice-truth): connect-mongo's
// `MongoStore.create({ mongoUrl })` opens a MongoDB client of its own at boot, beside the app's
// Mongoose pool; one handed the app's client (`{ client }`) opens none.
describe('hazards/session-store-connection', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'session-store-connection');
  });

  it('reports the store built from a URL, via the boot call that builds it', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'CONNECTION_AT_MODULE_SCOPE',
        severity: 'warning',
        file: 'config/express.js',
        line: 13,
        message: expect.stringContaining('connect-mongo session store (a MongoDB client of its own) `MongoStore.create('),
      }),
    );
    expect(a.hazards.find((h) => h.file === 'config/express.js' && h.line === 13)?.message).toContain('(via server.js:6)');
  });

  it('reports the app client, not the store handed it', () => {
    expect(hazardSites(a).filter((s) => s.startsWith('CONNECTION_AT_MODULE_SCOPE'))).toEqual([
      'CONNECTION_AT_MODULE_SCOPE config/express.js:13',
      'CONNECTION_AT_MODULE_SCOPE config/express.js:5',
    ]);
  });
});
