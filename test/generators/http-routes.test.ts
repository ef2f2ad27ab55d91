import { gatewayRoutes } from '../../generators/http-routes';

// Express paths as API Gateway HTTP API routes; what the gateway cannot express gets a reason.
describe('generators/http-routes', () => {
  it.each([
    ['GET', '/api/users', [['GET', '/api/users']]],
    ['GET', '/api/users/:id', [['GET', '/api/users/{id}']]],
    ['PUT', '/api/v1/products/:productId/reviews/:reviewId', [['PUT', '/api/v1/products/{productId}/reviews/{reviewId}']]],
    ['GET', '/files/*', [['GET', '/files/{proxy+}']]],
    ['GET', '/files/*filepath', [['GET', '/files/{filepath+}']]],
    [
      'GET',
      '/api/events{/:year}',
      [
        ['GET', '/api/events'],
        ['GET', '/api/events/{year}'],
      ],
    ],
    [
      'GET',
      '/users/:id?',
      [
        ['GET', '/users'],
        ['GET', '/users/{id}'],
      ],
    ],
    ['GET', '/users/:id(\\d+)', [['GET', '/users/{id}']]],
    ['ALL', '/ping', [['ANY', '/ping']]],
    [
      'USE',
      '/hooks',
      [
        ['ANY', '/hooks'],
        ['ANY', '/hooks/{proxy+}'],
      ],
    ],
    ['GET', '/admin/export/loans.csv', [['GET', '/admin/export/loans.csv']]],
    ['GET', '/', [['GET', '/']]],
    ['ALL', '*', [['ANY', '/{proxy+}']]],
  ])('%s %s', (method, path, expected) => {
    expect(gatewayRoutes(method, path).routes).toEqual(expected.map(([m, p]) => ({ method: m, path: p })));
  });

  it.each([
    ['regex:/^\\/isbn\\/(\\d{10}|\\d{13})$/', 'regular expression'],
    ['/api + regex:/x/', 'regular expression'],
    ['/{?}/items', 'not statically known'],
    ['/files/*/meta', 'wildcard before the end'],
    ['/img/:name.:ext', 'segment'],
    ['/ftp(?!/quarantine)/:file', 'segment'],
  ])('cannot express %s', (path, reason) => {
    const t = gatewayRoutes('GET', path);
    expect(t.routes).toEqual([]);
    expect('reason' in t && t.reason).toContain(reason);
  });
});
