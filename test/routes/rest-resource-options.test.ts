import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// epilogue's resource on a router mounted at /api, limited by `actions` and with
// `updateMethod: 'patch'`; a finale resource made before initialize() has no app to register
// on and stays a LIBRARY_ROUTES warning.
describe('routes/rest-resource-options', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'rest-resource-options');
  });

  it('registers only the listed actions, under the mount, with the update method asked for', () => {
    expect(routeKeys(a)).toEqual(['GET /api/books', 'GET /api/books/:isbn', 'PATCH /api/books/:isbn']);
    expect(a.routes.every((r) => r.library === 'epilogue')).toBe(true);
  });

  it('warns about the resource it could not model', () => {
    expect(a.diagnostics).toContainEqual(expect.objectContaining({ code: 'LIBRARY_ROUTES', file: 'server.js', line: 11 }));
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES')).toHaveLength(1);
  });
});
