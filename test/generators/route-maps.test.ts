import { parseSource } from '../../generators/slice/module-specifiers';
import { routeMapEntries } from '../../generators/slice/route-maps';

const MAP = `app.map({
  '/users': {
    get: users.list,
    delete: users.delete,
    '/:uid': {
      get: users.get,
      '/pets': {
        get: pets.list,
        '/:pid': { delete: pets.delete },
      },
    },
  },
});
`;

const ROUTES = ['GET /users', 'DELETE /users', 'GET /users/:uid', 'GET /users/:uid/pets', 'DELETE /users/:uid/pets/:pid'];

/** The text of each property `routeMapEntries` leaves out, when the function serves `serve` of `routes`. */
function leftOut(text: string, serve: string[], routes: string[] = ROUTES): string[] {
  const source = parseSource('index.js', text);
  const entries = routeMapEntries(source, { serve: new Set(serve), elsewhere: new Set(routes.filter((r) => !serve.includes(r))) });
  return entries.map((e) => e.getText(source).split('\n')[0]!);
}

// Object route maps (Express's route-map example): the methods of routes served elsewhere, and the
// paths that lose all their methods, are left out of a function's copy; objects that only look
// like a map, or spell routes the analysis did not find in the file, are never touched.
describe('routeMapEntries', () => {
  it('leaves out the methods served elsewhere and the paths left without any', () => {
    expect(leftOut(MAP, ['GET /users', 'DELETE /users'])).toEqual(["'/:uid': {"]);
    expect(leftOut(MAP, ['GET /users/:uid/pets'])).toEqual(['get: users.list', 'delete: users.delete', 'get: users.get', "'/:pid': { delete: pets.delete }"]);
    expect(leftOut(MAP, ROUTES)).toEqual([]);
  });

  it('matches the routes under the prefix of the router the map registers on', () => {
    const under = ROUTES.map((r) => r.replace(' /', ' /api/'));
    expect(leftOut(MAP, ['GET /api/users'], under)).toEqual(['delete: users.delete', "'/:uid': {"]);
  });

  it('touches no object that is not a map of routes the analysis found in the file', () => {
    expect(leftOut(MAP, ['GET /users'], ['GET /users', 'DELETE /users'])).toEqual([]); // spells routes not found here
    expect(leftOut("const headers = { get: 'x', '/a': { b: 1 } };", [], ['GET /a'])).toEqual([]); // a key neither path nor method
    expect(leftOut('const methods = { get: fetchIt, post: postIt };', [], ['GET /', 'POST /'])).toEqual([]); // no path at all
  });
});
