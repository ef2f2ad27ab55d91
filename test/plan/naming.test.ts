import { baseId } from '../../planner/naming';

describe('plan/naming', () => {
  it('names routes sharing no path segment after the module all their handlers live in', () => {
    expect(baseId(['/login', '/logout'], ['src/app.ts', 'src/app.ts'])).toBe('app');
  });

  it('an index module is named after its folder (express mvc: controllers/user/index.js)', () => {
    expect(baseId(['/users', '/user/:id'], ['controllers/user/index.js', 'controllers/user/index.js'])).toBe('user');
    expect(baseId(['/', '/health'], ['index.js'])).toBe('index');
  });

  it('prefers the path the routes share', () => {
    expect(baseId(['/api/v1/admin/reports/sales', '/api/v1/admin/reports/top'], ['src/a.ts', 'src/b.ts'])).toBe('admin-reports');
  });

  it('names many resources none of which has a fifth of the routes by the range they span; a few by the most common', () => {
    const paths = ['/r10/items/:id', '/r11/items/:id', '/r12/items/:id', '/r13/items/:id', '/r14/items/:id', '/r15/items/:id'];
    expect(
      baseId(
        paths,
        paths.map((_, i) => `routes/r${i}.js`),
      ),
    ).toBe('r10-to-r15');
    expect(baseId(['/cart', '/cart/items', '/coupons', '/orders'], ['a.ts', 'b.ts', 'c.ts', 'd.ts'])).toBe('cart-coupons-orders');
  });
});
