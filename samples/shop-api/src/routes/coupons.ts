import { Request, Response, Router } from 'express';
import type { Coupon } from '../data/models';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { couponService } from '../services/coupon.service';
import { formatCents } from '../services/pricing';
import { couponSchema, couponValidateSchema } from '../validation/schemas';

const router = Router();

router.get('/', requireAuth, requireRole('admin'), asyncHandler(listCoupons));
router.post('/validate', validate(couponValidateSchema), asyncHandler(checkCoupon));
router.post('/', requireAuth, requireRole('admin'), validate(couponSchema), asyncHandler(createCoupon));
router.delete('/:code', requireAuth, requireRole('admin'), asyncHandler(deactivateCoupon));

export default router;

function describe(coupon: Coupon): string {
  switch (coupon.kind) {
    case 'percent': return `${coupon.value}% off`;
    case 'fixed': return `${formatCents(coupon.value)} off`;
    default: return 'Free shipping';
  }
}

async function listCoupons(_req: Request, res: Response) {
  const coupons = await couponService.list();
  res.json({ data: coupons.map((c) => ({ ...c, label: describe(c) })) });
}

async function checkCoupon(req: Request, res: Response) {
  const coupon = await couponService.requireUsable(req.body.code, req.body.subtotalCents);
  res.json({ valid: true, code: coupon.code, label: describe(coupon) });
}

async function createCoupon(req: Request, res: Response) {
  const { code, kind, value, minSubtotalCents = 0, usageLimit = null, expiresAt = null } = req.body;
  const coupon = await couponService.create({ code, kind, value, minSubtotalCents, usageLimit, expiresAt, active: true });
  res.status(201).json(coupon);
}

async function deactivateCoupon(req: Request, res: Response) {
  const coupon = await couponService.deactivate(req.params.code);
  res.json({ code: coupon.code, active: coupon.active });
}
