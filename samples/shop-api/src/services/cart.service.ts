import { db } from '../data/db';
import type { Cart, Product } from '../data/models';
import { badRequest, conflict, NotFoundError } from '../lib/errors';
import { logger } from '../lib/logger';
import { couponService } from './coupon.service';
import { computeTotals, effectivePriceCents, formatCents, PricedLine } from './pricing';

const MAX_QUANTITY = 20;

export async function getOrCreateCart(userId: string): Promise<Cart> {
  const existing = await db.carts.findOne((c) => c.userId === userId);
  if (existing) return existing;
  return db.carts.insert({ userId, items: [], couponCode: null, updatedAt: new Date().toISOString() });
}

async function save(cart: Cart, patch: Partial<Omit<Cart, 'id'>>): Promise<Cart> {
  return (await db.carts.update(cart.id, { ...patch, updatedAt: new Date().toISOString() }))!;
}

async function sellableProduct(productId: string, quantity: number): Promise<Product> {
  const product = await db.products.findById(productId);
  if (!product || !product.active) throw new NotFoundError('Product', productId);
  if (quantity > MAX_QUANTITY) throw badRequest(`At most ${MAX_QUANTITY} units per product`);
  if (product.stock < quantity) throw conflict(`Only ${product.stock} units of ${product.name} in stock`);
  return product;
}

export async function addItem(userId: string, productId: string, quantity: number): Promise<Cart> {
  const cart = await getOrCreateCart(userId);
  const line = cart.items.find((i) => i.productId === productId);
  const wanted = (line?.quantity ?? 0) + quantity;
  await sellableProduct(productId, wanted);
  const items = line
    ? cart.items.map((i) => (i.productId === productId ? { ...i, quantity: wanted } : i))
    : [...cart.items, { productId, quantity }];
  return save(cart, { items });
}

export async function setQuantity(userId: string, productId: string, quantity: number): Promise<Cart> {
  const cart = await getOrCreateCart(userId);
  if (!cart.items.some((i) => i.productId === productId)) throw new NotFoundError('Cart item', productId);
  if (quantity === 0) return removeItem(userId, productId);
  await sellableProduct(productId, quantity);
  return save(cart, { items: cart.items.map((i) => (i.productId === productId ? { ...i, quantity } : i)) });
}

export async function removeItem(userId: string, productId: string): Promise<Cart> {
  const cart = await getOrCreateCart(userId);
  return save(cart, { items: cart.items.filter((i) => i.productId !== productId) });
}

export async function clearCart(userId: string): Promise<Cart> {
  const cart = await getOrCreateCart(userId);
  return save(cart, { items: [], couponCode: null });
}

export async function applyCoupon(userId: string, code: string): Promise<Cart> {
  const cart = await getOrCreateCart(userId);
  const { totals } = await summarize(cart);
  const coupon = await couponService.requireUsable(code, totals.subtotalCents);
  return save(cart, { couponCode: coupon.code });
}

export async function removeCoupon(userId: string): Promise<Cart> {
  return save(await getOrCreateCart(userId), { couponCode: null });
}

/** Prices a cart with current product prices; used by the cart view and by checkout. */
export async function summarize(cart: Cart) {
  const lines: (PricedLine & { product: Product; lineTotal: string })[] = [];
  for (const item of cart.items) {
    const product = await db.products.findById(item.productId);
    if (!product) continue; // product removed since it was added
    const unitPriceCents = effectivePriceCents(product);
    lines.push({
      productId: product.id,
      quantity: item.quantity,
      unitPriceCents,
      product,
      lineTotal: formatCents(unitPriceCents * item.quantity),
    });
  }
  const coupon = cart.couponCode ? await couponService.findByCode(cart.couponCode) : null;
  const totals = computeTotals(lines, coupon);
  return { id: cart.id, couponCode: cart.couponCode, updatedAt: cart.updatedAt, lines, totals };
}

export async function expireStaleCarts(ttlMs: number, now = Date.now()): Promise<number> {
  const stale = await db.carts.findAll((c) => now - new Date(c.updatedAt).getTime() > ttlMs);
  for (const cart of stale) await db.carts.delete(cart.id);
  if (stale.length) logger.info('expired stale carts', { count: stale.length });
  return stale.length;
}
