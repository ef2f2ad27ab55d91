import { NextFunction, Request, Response, Router } from 'express';
import { adminController } from '../../controllers/admin';
import { asyncHandler } from '../../lib/async-handler';
import { requireAuth, requireRole } from '../../middleware/auth';
import { reportsRouter } from './reports';

const router = Router();

router.use(requireAuth);
router.use(requireRole('admin'));
router.use(function noStore(_req: Request, res: Response, next: NextFunction) {
  res.set('Cache-Control', 'no-store');
  next();
});

router.get('/stats', asyncHandler(adminController.stats));
router.get('/orders', asyncHandler(adminController.orders));
router.get('/sessions', adminController.sessions);
router.post('/cache/flush', adminController.flushCache);
router.post('/carts/expire', asyncHandler(adminController.expireCarts));

router.use('/reports', reportsRouter);

export default router;
