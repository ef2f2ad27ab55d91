import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// `.listen()` of services that only attach event listeners (`webhooks.listen()`,
// `webhooks.sender.listen(events)`) starts no server; `app.listen(3000)` does, and so does the
// `listen` of an `http.createServer(app)` handed to another file under a name that says nothing
// (the route evaluator knows the value is a server).
describe('hazards/listen-on-service-object', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'listen-on-service-object');
  });

  it("reports the app's listen", () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'LISTEN_CALL', file: 'server.js', line: 13, message: expect.stringContaining('app.listen(3000)') }),
    );
  });

  it('reports the listen of a server made in another file', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'LISTEN_CALL', file: 'admin.js', line: 2 }));
  });

  it("does not report a service's listen", () => {
    expect(hazardSites(a).filter((s) => s.startsWith('LISTEN_CALL'))).toEqual(['LISTEN_CALL admin.js:2', 'LISTEN_CALL server.js:13']);
  });
});
