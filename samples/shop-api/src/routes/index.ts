import { Router } from 'express';
import adminRouter from './admin';
import authRouter from './auth';
import cartRouter from './cart';
import categoriesRouter from './categories';
import couponsRouter from './coupons';
import { ordersRouter } from './orders';
import productsRouter from './products';
import usersRouter from './users';

export const apiRouter = Router();

apiRouter.get('/', (req, res) => {
  res.json({
    name: 'shop-api',
    version: process.env.APP_VERSION ?? 'dev',
    links: ['products', 'categories', 'cart', 'orders', 'coupons', 'users', 'auth'].map((r) => `${req.baseUrl}/${r}`),
  });
});

apiRouter.use('/auth', authRouter);

// Plain resource routers; each owns its auth rules.
const resources = new Map<string, Router>([
  ['/products', productsRouter],
  ['/categories', categoriesRouter],
  ['/users', usersRouter],
  ['/cart', cartRouter],
  ['/coupons', couponsRouter],
]);
for (const [path, router] of resources) apiRouter.use(path, router);

apiRouter.use('/orders', ordersRouter);
apiRouter.use('/admin', adminRouter);

export {
  adminRouter,
  authRouter,
  cartRouter,
  categoriesRouter,
  couponsRouter,
  ordersRouter,
  productsRouter,
  usersRouter,
};
export { reportsRouter } from './admin/reports';
export default apiRouter;
