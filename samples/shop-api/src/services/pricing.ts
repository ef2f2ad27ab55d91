import { config } from '../config';
import type { Coupon, Product, Totals } from '../data/models';

export interface PricedLine {
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export function effectivePriceCents(product: Pick<Product, 'priceCents' | 'salePriceCents'>): number {
  const sale = product.salePriceCents;
  return sale !== undefined && sale > 0 && sale < product.priceCents ? sale : product.priceCents;
}

export function formatCents(cents: number, currency = config.pricing.currency): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

/** The shape every endpoint uses to show a product price. */
export function withDisplayPrice<P extends Product>(product: P) {
  const price = effectivePriceCents(product);
  return {
    ...product,
    price: {
      cents: price,
      formatted: formatCents(price),
      onSale: price < product.priceCents,
      listCents: product.priceCents,
    },
  };
}

export function couponProblem(coupon: Coupon, subtotalCents: number, now = new Date()): string | null {
  if (!coupon.active) return 'Coupon is not active';
  if (coupon.expiresAt && new Date(coupon.expiresAt) < now) return 'Coupon has expired';
  if (coupon.usageLimit !== null && coupon.timesUsed >= coupon.usageLimit) return 'Coupon usage limit reached';
  if (subtotalCents < coupon.minSubtotalCents) {
    return `Coupon requires a subtotal of at least ${formatCents(coupon.minSubtotalCents)}`;
  }
  return null;
}

export function computeTotals(lines: PricedLine[], coupon?: Coupon | null): Totals {
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const usable = coupon && couponProblem(coupon, subtotalCents) === null ? coupon : null;

  let discountCents = 0;
  if (usable?.kind === 'percent') discountCents = Math.round((subtotalCents * usable.value) / 100);
  if (usable?.kind === 'fixed') discountCents = Math.min(usable.value, subtotalCents);

  const afterDiscount = subtotalCents - discountCents;
  const freeShipping =
    lines.length === 0 || usable?.kind === 'shipping' || afterDiscount >= config.pricing.freeShippingOverCents;
  const shippingCents = freeShipping ? 0 : config.pricing.flatShippingCents;
  const taxCents = Math.round(afterDiscount * config.pricing.taxRate);

  return {
    subtotalCents,
    discountCents,
    taxCents,
    shippingCents,
    totalCents: afterDiscount + taxCents + shippingCents,
  };
}
