import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// Calls to the app itself: an axios instance with a loopback baseURL, axios to localhost, fetch to
// the request's own host, got to BASE_URL. A call to a third-party API is not reported.
describe('hazards/self-http-call', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'self-http-call');
  });

  const self = (line: number, extra: object = {}) => expect.objectContaining({ code: 'SELF_HTTP_CALL', severity: 'warning', file: 'app.js', line, ...extra });

  it('reports calls to localhost, the own host and the own base URL, for their route', () => {
    for (const line of [11, 12, 13]) expect(a.hazards).toContainEqual(self(line, { routes: ['GET /profile/:id'] }));
  });

  it('reports an axios instance created with a loopback base URL', () => {
    expect(a.hazards).toContainEqual(
      self(6, { message: expect.stringContaining('axios.create'), advice: expect.stringContaining('call the shared service code directly') }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['SELF_HTTP_CALL app.js:11', 'SELF_HTTP_CALL app.js:12', 'SELF_HTTP_CALL app.js:13', 'SELF_HTTP_CALL app.js:6']);
  });
});
