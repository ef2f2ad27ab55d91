import { Router } from 'express';
import { reviewsController } from '../controllers/reviews';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { reviewSchema } from '../validation/schemas';

// Mounted under /products/:productId/reviews, so it needs the parent's params.
const router = Router({ mergeParams: true });

router.get('/', asyncHandler(reviewsController.list));
router.post('/', requireAuth, validate(reviewSchema), asyncHandler(reviewsController.create));
router.get('/:reviewId', asyncHandler(reviewsController.get));
router.delete('/:reviewId', requireAuth, asyncHandler(reviewsController.remove));
router.post('/:reviewId/helpful', requireAuth, asyncHandler(reviewsController.helpful));

export default router;
