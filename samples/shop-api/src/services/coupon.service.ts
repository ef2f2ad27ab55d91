import { db } from '../data/db';
import type { Coupon } from '../data/models';
import { badRequest, conflict, NotFoundError } from '../lib/errors';
import { couponProblem } from './pricing';

export const normalizeCode = (code: string) => code.trim().toUpperCase();

export const couponService = {
  list(): Promise<Coupon[]> {
    return db.coupons.findAll();
  },

  findByCode(code: string): Promise<Coupon | undefined> {
    const wanted = normalizeCode(code);
    return db.coupons.findOne((c) => c.code === wanted);
  },

  /** Throws a 400 explaining why the coupon cannot be used for this subtotal. */
  async requireUsable(code: string, subtotalCents: number): Promise<Coupon> {
    const coupon = await this.findByCode(code);
    if (!coupon) throw new NotFoundError('Coupon', normalizeCode(code));
    const problem = couponProblem(coupon, subtotalCents);
    if (problem) throw badRequest(problem);
    return coupon;
  },

  async create(input: Omit<Coupon, 'id' | 'timesUsed'>): Promise<Coupon> {
    const code = normalizeCode(input.code);
    if (await this.findByCode(code)) throw conflict(`Coupon ${code} already exists`);
    return db.coupons.insert({ ...input, code, timesUsed: 0 });
  },

  async deactivate(code: string): Promise<Coupon> {
    const coupon = await this.findByCode(code);
    if (!coupon) throw new NotFoundError('Coupon', normalizeCode(code));
    return (await db.coupons.update(coupon.id, { active: false }))!;
  },

  async redeem(code: string): Promise<void> {
    const coupon = await this.findByCode(code);
    if (coupon) await db.coupons.update(coupon.id, { timesUsed: coupon.timesUsed + 1 });
  },
};
