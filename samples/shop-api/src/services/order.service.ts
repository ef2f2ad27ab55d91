import { db } from '../data/db';
import type { Address, Order, OrderStatus } from '../data/models';
import { badRequest, conflict, forbidden, NotFoundError } from '../lib/errors';
import { clearCart, getOrCreateCart, summarize } from './cart.service';
import { couponService } from './coupon.service';
import { findVisibleOrder, type OrderViewer } from './order-access';
import { publishOrderUpdate } from './order-events';
import { adjustStock } from './product.service';

const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

export class OrderService {
  async listForUser(userId: string): Promise<Order[]> {
    const rows = await db.orders.findAll((o) => o.userId === userId);
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async listAll(status?: OrderStatus): Promise<Order[]> {
    const rows = await db.orders.findAll((o) => !status || o.status === status);
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async get(id: string, viewer?: OrderViewer): Promise<Order> {
    return findVisibleOrder(id, viewer);
  }

  async checkout(userId: string, shippingAddress: Address): Promise<Order> {
    const cart = await getOrCreateCart(userId);
    if (cart.items.length === 0) throw badRequest('Cart is empty');
    const summary = await summarize(cart);

    for (const line of summary.lines) await adjustStock(line.productId, -line.quantity);
    if (summary.couponCode) await couponService.redeem(summary.couponCode);

    const now = new Date().toISOString();
    const count = await db.orders.count();
    const order = await db.orders.insert({
      number: `SO-${10001 + count}`,
      userId,
      status: 'pending',
      couponCode: summary.couponCode,
      items: summary.lines.map((l) => ({
        productId: l.productId, sku: l.product.sku, name: l.product.name,
        quantity: l.quantity, unitPriceCents: l.unitPriceCents,
      })),
      totals: summary.totals,
      shippingAddress,
      history: [{ status: 'pending', at: now }],
      createdAt: now,
      updatedAt: now,
    });
    await clearCart(userId);
    await publishOrderUpdate('order.created', order);
    return order;
  }

  async transition(id: string, next: OrderStatus): Promise<Order> {
    const order = await this.get(id);
    if (!TRANSITIONS[order.status].includes(next)) {
      throw conflict(`Cannot move order ${order.number} from ${order.status} to ${next}`);
    }
    const now = new Date().toISOString();
    const updated = (await db.orders.update(id, {
      status: next,
      history: [...order.history, { status: next, at: now }],
      updatedAt: now,
    }))!;
    if (next === 'cancelled') {
      for (const item of order.items) await adjustStock(item.productId, item.quantity).catch(() => undefined);
    }
    await publishOrderUpdate(next === 'cancelled' ? 'order.cancelled' : 'order.updated', updated);
    return updated;
  }

  async cancel(id: string, actor: { id: string; role: string }): Promise<Order> {
    const order = await this.get(id, actor);
    if (actor.role !== 'admin' && order.status !== 'pending') {
      throw forbidden('Only pending orders can be cancelled; contact support');
    }
    return this.transition(id, 'cancelled');
  }
}

export const orderService = new OrderService();
