import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// routing-controllers: `useExpressServer(app, { routePrefix, controllers })` adds a route per
// decorated method of each `@JsonController('/users')` / `@Controller()` class.
describe('routes/decorated-controllers', () => {
  it('finds a route per decorated method, under the route prefix and the controller prefix', async () => {
    const a = await analyzeFixture('routes', 'decorated-controllers');
    expect(routeKeys(a)).toEqual(['GET /api/health', 'GET /api/users', 'GET /api/users/:id', 'POST /api/users']);
    expect(a.routes.find((r) => r.id === 'GET /api/users/:id')).toMatchObject({
      file: 'src/controllers/UserController.ts',
      line: 10,
      entry: 'src/index.ts',
      handler: { name: 'UserController.getOne', file: 'src/controllers/UserController.ts', line: 10 }, // the method, from its decorator
    });
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES')).toEqual([]);
  });
});
