import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// A module-level EventEmitter and an exported instance of a class extending EventEmitter, which
// a handler publishes to. An emitter created inside the handler is per request and not reported.
describe('hazards/event-emitter-state', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'event-emitter-state');
  });

  it('reports a module-level emitter by name', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'EVENT_EMITTER_STATE',
        severity: 'warning',
        file: 'bus.js',
        line: 9,
        message: expect.stringContaining('`audit` is a process-wide event bus'),
        advice: expect.stringContaining('SNS'),
      }),
    );
  });

  it('reports an exported instance of an EventEmitter subclass for the routes using it', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'EVENT_EMITTER_STATE', file: 'bus.js', line: 11, routes: ['POST /orders'] }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['EVENT_EMITTER_STATE bus.js:11', 'EVENT_EMITTER_STATE bus.js:9']);
  });
});
