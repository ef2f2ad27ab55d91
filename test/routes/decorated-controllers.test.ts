import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// routing-controllers: `useExpressServer(app, { routePrefix, controllers })` adds a route per
// decorated method of each `@JsonController('/users')` / `@Controller()` class, given as a class
// or matched by a glob pattern of controller files.
describe('routes/decorated-controllers', () => {
  it('finds a route per decorated method, under the route prefix and the controller prefix', async () => {
    const a = await analyzeFixture('routes', 'decorated-controllers');
    expect(routeKeys(a)).toEqual(['GET /api/admin/stats', 'GET /api/health', 'GET /api/users', 'GET /api/users/:id', 'POST /api/users']);
    expect(a.routes.find((r) => r.id === 'GET /api/users/:id')).toMatchObject({
      file: 'src/controllers/UserController.ts',
      line: 11,
      entry: 'src/index.ts',
      handler: { name: 'UserController.getOne', file: 'src/controllers/UserController.ts', line: 11 }, // the method, from its decorator
    });
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES')).toEqual([]);
    // The glob works in the monolith; a bundle holds no files for it to match.
    expect(a.diagnostics.filter((d) => d.code === 'CONTROLLERS_FROM_GLOB')).toEqual([
      expect.objectContaining({ file: 'src/index.ts', line: 10, message: expect.stringContaining('src/controllers/admin/*.js') }),
    ]);
  });

  it("lists the middleware of `@UseBefore` (the controller's, then the action's) and the check of `@Authorized()` before each handler", async () => {
    const a = await analyzeFixture('routes', 'decorated-controllers');
    const chain = (id: string) => a.routes.find((r) => r.id === id)!.middleware.map((m) => `${m.name} ${m.file}:${m.line} ${m.scope}`);
    expect(chain('GET /api/admin/stats')).toEqual(['requireApiKey src/middlewares/guards.ts:5 route']);
    expect(chain('POST /api/users')).toEqual(['audit src/middlewares/guards.ts:11 route']);
    expect(chain('GET /api/users/:id')).toEqual(['checkRole src/middlewares/guards.ts:17 route']);
    expect(chain('GET /api/users')).toEqual([]);
    expect(a.routes.find((r) => r.id === 'GET /api/admin/stats')!.deps.files).toContain('src/middlewares/guards.ts');
  });
});
