import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `for (const name of models)` over a literal list of model names, registering
// `/${name}s` and `/${name}s/:id` with handler factories `list(name)` / `show(name)` defined in
// the app: each handler is the arrow the factory returns.
describe('routes/template-literal-loop', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'template-literal-loop');
  });

  it('builds every path from the list', () => {
    expect(routeKeys(a)).toEqual(['GET /comments', 'GET /comments/:id', 'GET /posts', 'GET /posts/:id', 'GET /users', 'GET /users/:id']);
  });

  it.each(['users', 'posts', 'comments'])('/%s routes resolve to the arrows returned by the factories', (name) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: `GET /${name}`,
        file: 'server.js',
        line: 8,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'crud.js', line: 1 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: `GET /${name}/:id`,
        file: 'server.js',
        line: 9,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'crud.js', line: 3 }),
        middleware: [],
      }),
    );
  });

  it('reports nothing dynamic', () => {
    const codes = a.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('DYNAMIC_REGISTRATION');
    expect(codes).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
