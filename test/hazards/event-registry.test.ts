import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// A hand-made domain-event registry (a module-level object of handler lists) that hooks fill at
// boot through `on` and a route fires through `emit`: a process-wide bus, like an EventEmitter.
// A Map filled at boot and only read after (settings) is no hazard.
describe('hazards/event-registry', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'event-registry');
  });

  it('reports the registry, naming where it is subscribed and fired', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'EVENT_EMITTER_STATE',
        file: 'events.js',
        line: 2,
        routes: ['POST /users'],
        message: expect.stringContaining(
          '`handlers` is an in-process event registry: handlers are subscribed at boot (on at line 4) and fired per request (emit at line 8)',
        ),
      }),
    );
  });

  it("reports the hook's own state and nothing else", () => {
    expect(hazardSites(a)).toEqual(['EVENT_EMITTER_STATE events.js:2', 'MODULE_STATE_SHARED hooks/welcome-mail.js:3']);
  });
});
