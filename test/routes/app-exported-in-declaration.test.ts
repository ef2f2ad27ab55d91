import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';

// `var app = module.exports = express()` and `var router = exports.router = Router()` export what
// they declare: generated handlers can import the app and the router instead of running the entry.
describe('routes/app-exported-in-declaration', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'app-exported-in-declaration');
  });

  it('records how to import the root app and the router', () => {
    const route = a.routes.find((r) => r.id === 'GET /api/items')!;
    expect(route.stack?.map((r) => [r.file, r.line, r.export])).toEqual([
      ['index.js', 3, '*'],
      ['index.js', 2, 'router'],
    ]);
  });
});

// Prettier writes the same declaration with parentheses: `const app = (module.exports = express())`.
describe('routes/app-exported-in-parentheses', () => {
  it('records how to import the root app', async () => {
    const a = await analyzeFixture('routes', 'app-exported-in-parentheses');
    expect(a.routes.find((r) => r.id === 'GET /api/items')!.stack?.map((r) => [r.file, r.line, r.export])).toEqual([
      ['index.js', 5, '*'],
      ['index.js', 4, undefined],
    ]);
  });
});
