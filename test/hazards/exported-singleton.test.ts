import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';

// An in-memory model exported as its one instance (`module.exports = new UserModel()`,
// `export default new ItemStore()`) keeps its data in one process as a module-level variable
// does, though it has no variable of its own; one that keeps nothing is no hazard.
describe('hazards/exported-singleton', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'exported-singleton');
  });

  const shared = () => a.hazards.filter((h) => h.code === 'MODULE_STATE_SHARED');

  it('reports the instance module.exports holds, with the routes that use it', () => {
    expect(shared()).toContainEqual(
      expect.objectContaining({
        file: 'models/users.js',
        line: 17,
        message: expect.stringMatching(/^`module\.exports` holds an in-process `UserModel` instance; each keeps its `records` Map/),
        routes: ['GET /users/:id', 'POST /users'],
      }),
    );
  });

  it('reports a default export of a stateful instance', () => {
    expect(shared()).toContainEqual(
      expect.objectContaining({
        file: 'models/items.mjs',
        line: 10,
        message: expect.stringMatching(/^the module's default export holds an in-process `ItemStore` instance/),
      }),
    );
  });

  it('does not report an exported instance that keeps nothing', () => {
    expect(shared().filter((h) => h.file === 'models/clock.js')).toEqual([]);
  });
});
