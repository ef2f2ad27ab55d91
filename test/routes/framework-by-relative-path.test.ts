import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Examples inside the express repository reach the framework by a relative path
// (`require('../../')`, `require('../../lib/express')`). Those resolve to express's own main
// module and lib/, which stand for the express package: its source is never evaluated, while
// the examples' own relative imports (`./users`) are followed as usual.
describe('routes/framework-by-relative-path', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'framework-by-relative-path');
  });

  it('takes each example as an entry and finds its routes', () => {
    expect(a.entry).toEqual(['examples/hello/index.js', 'examples/users/index.js']);
    expect(routeKeys(a)).toEqual(['GET /', 'GET /users/:id']);
  });

  it("follows the example's own modules", () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users/:id',
        entry: 'examples/users/index.js',
        handler: expect.objectContaining({ name: 'show', file: 'examples/users/users.js', line: 1 }),
      }),
    );
  });
});
