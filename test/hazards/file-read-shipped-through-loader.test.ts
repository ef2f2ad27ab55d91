import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// lib/seed.js reads through a parameter: `load(file)` is only ever called with a deployment
// setting whose default is shipped (info), `readAny(file)` with a request's query (warning).
// `/proc/self/cgroup` is an OS file: no hazard at all.
describe('hazards/file-read-shipped-through-loader', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'file-read-shipped-through-loader');
  });

  it('a loader called only with a shipped path (or a setting defaulting to one) reads a shipped file: info', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'LOCAL_FILE_READ_AT_REQUEST', severity: 'info', file: 'lib/seed.js', line: 7, routes: ['POST /reset'] }),
    );
  });

  it('the same read through a parameter a request fills stays a warning', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'LOCAL_FILE_READ_AT_REQUEST', severity: 'warning', file: 'lib/seed.js', line: 11, routes: ['GET /raw'] }),
    );
  });

  it('reading an OS file under /proc is no hazard', () => {
    expect(hazardSites(a)).toEqual(['LOCAL_FILE_READ_AT_REQUEST lib/seed.js:11', 'LOCAL_FILE_READ_AT_REQUEST lib/seed.js:7']);
  });
});
