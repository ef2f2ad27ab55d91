import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// A route given an array of paths (inline or a module-level constant), and a router mounted
// under an array of prefixes: one route per path, all sharing the registration site.
describe('routes/array-of-paths', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'array-of-paths');
  });

  it('yields one route per path and per mount prefix', () => {
    expect(routeKeys(a)).toEqual([
      'ALL /old-shop',
      'ALL /older-shop',
      'GET /',
      'GET /home',
      'GET /index.html',
      'GET /pages/about',
      'GET /pages/about-us',
      'GET /v1/items',
      'GET /v2/items',
    ]);
  });

  it('gives every path of an inline array the same site and handler', () => {
    for (const id of ['GET /', 'GET /home', 'GET /index.html']) {
      expect(a.routes).toContainEqual(
        expect.objectContaining({
          id,
          file: 'server.js',
          line: 9,
          handler: expect.objectContaining({ name: 'home', file: 'server.js', line: 9 }),
          middleware: [],
        }),
      );
    }
  });

  it('expands an array held in a constant (app.all → ALL)', () => {
    for (const id of ['ALL /old-shop', 'ALL /older-shop']) {
      expect(a.routes).toContainEqual(
        expect.objectContaining({
          id,
          method: 'ALL',
          file: 'server.js',
          line: 13,
          handler: expect.objectContaining({ name: 'gone', file: 'server.js', line: 13 }),
          middleware: [],
        }),
      );
    }
  });

  it('expands an array of paths inside a mounted router', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /pages/about-us',
        file: 'routes/pages.js',
        line: 5,
        handler: expect.objectContaining({ name: 'about', file: 'routes/pages.js', line: 5 }),
        middleware: [],
      }),
    );
  });

  it('mounts a router under every prefix of an array', () => {
    for (const id of ['GET /v1/items', 'GET /v2/items']) {
      expect(a.routes).toContainEqual(
        expect.objectContaining({
          id,
          file: 'routes/api.js',
          line: 5,
          handler: expect.objectContaining({ name: 'listItems', file: 'routes/api.js', line: 5 }),
          middleware: [],
        }),
      );
    }
  });
});
