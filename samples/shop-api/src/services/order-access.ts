import { db } from '../data/db';
import type { Order } from '../data/models';
import { NotFoundError } from '../lib/errors';

/** Someone asking for an order: its owner sees it, an admin sees every order. */
export interface OrderViewer {
  id: string;
  role: string;
}

/** The order, when it exists and `viewer` (if any) may see it; a 404 otherwise, so ids of others' orders are not revealed. */
export async function findVisibleOrder(id: string, viewer?: OrderViewer): Promise<Order> {
  const order = await db.orders.findById(id);
  if (!order) throw new NotFoundError('Order', id);
  if (viewer && viewer.role !== 'admin' && order.userId !== viewer.id) throw new NotFoundError('Order', id);
  return order;
}
