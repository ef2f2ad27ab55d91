import { db } from '../data/db';
import { formatCents } from './pricing';

const counted = (status: string) => status !== 'cancelled';

export async function salesByDay(from?: string, to?: string) {
  const orders = await db.orders.findAll(
    (o) => counted(o.status) && (!from || o.createdAt >= from) && (!to || o.createdAt <= to),
  );
  const days = new Map<string, { orders: number; revenueCents: number }>();
  for (const o of orders) {
    const day = o.createdAt.slice(0, 10);
    const row = days.get(day) ?? { orders: 0, revenueCents: 0 };
    row.orders += 1;
    row.revenueCents += o.totals.totalCents;
    days.set(day, row);
  }
  const rows = [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, r]) => ({ day, ...r }));
  const revenue = rows.reduce((s, r) => s + r.revenueCents, 0);
  return { rows, totalOrders: orders.length, revenue: formatCents(revenue) };
}

export async function topProducts(limit = 5) {
  const orders = await db.orders.findAll((o) => counted(o.status));
  const units = new Map<string, { name: string; units: number; revenueCents: number }>();
  for (const item of orders.flatMap((o) => o.items)) {
    const row = units.get(item.productId) ?? { name: item.name, units: 0, revenueCents: 0 };
    row.units += item.quantity;
    row.revenueCents += item.quantity * item.unitPriceCents;
    units.set(item.productId, row);
  }
  return [...units.entries()]
    .map(([productId, r]) => ({ productId, ...r }))
    .sort((a, b) => b.units - a.units)
    .slice(0, limit);
}

export async function inventory(threshold = 10) {
  const products = await db.products.findAll((p) => p.active);
  return {
    outOfStock: products.filter((p) => p.stock === 0).map((p) => p.sku),
    low: products.filter((p) => p.stock > 0 && p.stock < threshold).map((p) => ({ sku: p.sku, stock: p.stock })),
    unitsOnHand: products.reduce((s, p) => s + p.stock, 0),
  };
}

export async function customers() {
  const [users, orders] = await Promise.all([db.users.findAll((u) => u.role === 'customer'), db.orders.findAll()]);
  return users.map((u) => {
    const mine = orders.filter((o) => o.userId === u.id && counted(o.status));
    return {
      id: u.id,
      email: u.email,
      orders: mine.length,
      lifetimeValue: formatCents(mine.reduce((s, o) => s + o.totals.totalCents, 0)),
      lastOrderAt: mine.map((o) => o.createdAt).sort().pop() ?? null,
    };
  });
}
