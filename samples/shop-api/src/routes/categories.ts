import { Router } from 'express';
import categories from '../controllers/categories';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { categorySchema } from '../validation/schemas';

const router = Router();

router.get('/', asyncHandler(categories.index));
router.get('/:slug', asyncHandler(categories.show));
router.get('/:slug/products', asyncHandler(categories.products));
router.post('/', requireAuth, requireRole('admin'), validate(categorySchema), asyncHandler(categories.create));
router.patch('/:slug', requireAuth, requireRole('admin'), asyncHandler(categories.update));
router.delete('/:slug', requireAuth, requireRole('admin'), asyncHandler(categories.destroy));

export = router;
