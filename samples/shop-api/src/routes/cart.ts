import { Router } from 'express';
import {
  addToCart,
  applyCoupon,
  emptyCart,
  removeCartItem,
  removeCoupon,
  showCart,
  updateCartItem,
} from '../controllers/cart';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { cartItemSchema, cartQuantitySchema, couponCodeSchema } from '../validation/schemas';

const router = Router();

router.use(requireAuth);

router.get('/', asyncHandler(showCart));
router.delete('/', asyncHandler(emptyCart));
router.post('/items', validate(cartItemSchema), asyncHandler(addToCart));
router.patch('/items/:productId', validate(cartQuantitySchema), asyncHandler(updateCartItem));
router.delete('/items/:productId', asyncHandler(removeCartItem));
router.post('/coupon', validate(couponCodeSchema), asyncHandler(applyCoupon));
router.delete('/coupon', asyncHandler(removeCoupon));

export default router;
