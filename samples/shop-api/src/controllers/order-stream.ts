import type { Request, Response } from 'express';
import type { OrderStatus } from '../data/models';
import { subscribeToOrderUpdates } from '../realtime/order-feed';
import { findVisibleOrder } from '../services/order-access';
import type { OrderUpdate } from '../services/order-events';

const FINAL: OrderStatus[] = ['delivered', 'cancelled'];

/** Server-sent events: pushes status changes of one order until it reaches a final state. */
export async function streamOrderEvents(req: Request, res: Response): Promise<void> {
  const order = await findVisibleOrder(req.params.id, req.user);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('status', { orderId: order.id, status: order.status });

  const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
  const unsubscribe = await subscribeToOrderUpdates((update: OrderUpdate) => {
    if (update.orderId !== order.id) return;
    send('status', update);
    if (FINAL.includes(update.status)) res.end();
  });
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
