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
});
