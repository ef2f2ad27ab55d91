import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `app.crud = function (base, controller) { this.get(base, ...) }`: a function the app assigns
// onto its own express app and then calls as `app.crud('/books', books)`. The property is kept
// on the app, so each call registers its routes with `this` bound to the app.
describe('routes/app-extension-method', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'app-extension-method');
  });

  it('finds the routes each call of the helper registers', () => {
    expect(routeKeys(a)).toEqual(['DELETE /authors/:id', 'DELETE /books/:id', 'GET /', 'GET /authors', 'GET /books', 'POST /authors', 'POST /books']);
  });

  it('places the registrations inside the helper and resolves the controller members', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'DELETE /books/:id',
        file: 'server.js',
        line: 9,
        handler: expect.objectContaining({ name: 'books.remove', file: 'server.js', line: 15 }),
      }),
    );
  });

  it('has nothing to warn about', () => {
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
