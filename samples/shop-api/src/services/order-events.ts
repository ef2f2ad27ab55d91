import type { Order } from '../data/models';
import { pool } from '../data/pool';

/** The PostgreSQL channel order updates are announced on (LISTEN/NOTIFY). */
export const ORDER_UPDATES_CHANNEL = 'order_updates';

export interface OrderUpdate {
  type: 'order.created' | 'order.updated' | 'order.cancelled';
  orderId: string;
  number: string;
  userId: string;
  status: Order['status'];
  at: string;
}

/**
 * Announces a change of an order to every process listening (realtime/order-feed.ts), whichever
 * process made it: the update goes through the database, not an in-process emitter.
 */
export async function publishOrderUpdate(type: OrderUpdate['type'], order: Order): Promise<void> {
  const update: OrderUpdate = {
    type,
    orderId: order.id,
    number: order.number,
    userId: order.userId,
    status: order.status,
    at: new Date().toISOString(),
  };
  await pool.query('SELECT pg_notify($1, $2)', [ORDER_UPDATES_CHANNEL, JSON.stringify(update)]);
}
