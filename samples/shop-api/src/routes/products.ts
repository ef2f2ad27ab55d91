import { Router } from 'express';
import { productController } from '../controllers/products';
import { asyncHandler } from '../lib/async-handler';
import { optionalAuth, requireAuth, requireRole } from '../middleware/auth';
import { productImageUpload } from '../middleware/upload';
import { validate } from '../middleware/validate';
import { productPatchSchema, productSchema, stockSchema } from '../validation/schemas';
import reviewsRouter from './reviews';

const router = Router();

router.get('/', optionalAuth, asyncHandler(productController.list));
router.get('/search', asyncHandler(productController.search));
router.get('/featured', asyncHandler(productController.featured));
router.post(
  '/',
  requireAuth,
  requireRole('admin'),
  validate(productSchema),
  asyncHandler(productController.create),
);

router
  .route('/:productId')
  .get(optionalAuth, asyncHandler(productController.get))
  .put(requireAuth, requireRole('admin'), validate(productPatchSchema), asyncHandler(productController.update))
  .delete(requireAuth, requireRole('admin'), asyncHandler(productController.remove));

router.post(
  '/:productId/images',
  requireAuth,
  requireRole('admin'),
  productImageUpload.single('image'),
  asyncHandler(productController.uploadImage),
);
router.patch(
  '/:productId/stock',
  requireAuth,
  requireRole('admin'),
  validate(stockSchema),
  asyncHandler(productController.adjustStock),
);

router.use('/:productId/reviews', reviewsRouter);

export default router;
