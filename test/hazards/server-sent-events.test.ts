import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// A handler setting `Content-Type: text/event-stream`, and one that flushes headers and keeps
// writing; both errors, for their own route. A handler that writes JSON in chunks is not SSE.
describe('hazards/server-sent-events', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'server-sent-events');
  });

  it('reports the event-stream content type at the header', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'SERVER_SENT_EVENTS',
        severity: 'error',
        file: 'app.js',
        line: 6,
        column: 3,
        routes: ['GET /events'],
        advice: expect.stringContaining('response streaming'),
      }),
    );
  });

  it('reports flushHeaders followed by writes', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'SERVER_SENT_EVENTS', file: 'app.js', line: 13, routes: ['GET /ticks'] }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['SERVER_SENT_EVENTS app.js:13', 'SERVER_SENT_EVENTS app.js:6']);
  });
});
