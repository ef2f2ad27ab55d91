import { Router } from 'express';
import * as users from '../controllers/users';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { adminUserSchema, profileSchema } from '../validation/schemas';

const router = Router();
const adminOnly = [requireAuth, requireRole('admin')];

// "me" routes must stay above "/:id"
router.get('/me', requireAuth, users.me);
router.patch('/me', requireAuth, validate(profileSchema), asyncHandler(users.updateMe));

router.get('/', adminOnly, asyncHandler(users.listUsers));
router
  .route('/:id')
  .get(adminOnly, asyncHandler(users.getUser))
  .put(adminOnly, validate(adminUserSchema), asyncHandler(users.updateUser))
  .delete(adminOnly, asyncHandler(users.deleteUser));
router.get('/:id/orders', adminOnly, asyncHandler(users.userOrders));

export default router;
