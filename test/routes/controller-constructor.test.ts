import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `new (require('./routes'))({ db })`: the constructor returns an object whose members are
// functions declared inside it; `notes.list` resolves to that inner declaration.
describe('routes/controller-constructor', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'controller-constructor');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /notes', 'GET /notes/:id', 'POST /notes']);
  });

  it.each([
    ['GET /notes', 7, { name: 'list', file: 'routes.js', line: 2 }],
    ['GET /notes/:id', 9, { name: 'show', file: 'routes.js', line: 11 }],
  ])('%s (server.js:%i) resolves to the constructed member', (id, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({ id, file: 'server.js', line, entry: 'server.js', handler: expect.objectContaining(handler), middleware: [] }),
    );
  });

  it('keeps the route-level express.json() of POST /notes', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /notes',
        file: 'server.js',
        line: 8,
        handler: expect.objectContaining({ name: 'create', file: 'routes.js', line: 6 }),
        middleware: [expect.objectContaining({ name: 'express.json()', scope: 'route', package: 'express', file: 'server.js', line: 8 })],
      }),
    );
  });
});
