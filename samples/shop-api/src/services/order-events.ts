import { EventEmitter } from 'events';
import type { Order } from '../data/models';

export interface OrderUpdate {
  type: 'order.created' | 'order.updated' | 'order.cancelled';
  orderId: string;
  number: string;
  userId: string;
  status: Order['status'];
  at: string;
}

class OrderEventBus extends EventEmitter {
  publish(type: OrderUpdate['type'], order: Order): void {
    const update: OrderUpdate = {
      type,
      orderId: order.id,
      number: order.number,
      userId: order.userId,
      status: order.status,
      at: new Date().toISOString(),
    };
    this.emit('update', update);
  }

  subscribe(listener: (update: OrderUpdate) => void): () => void {
    this.on('update', listener);
    return () => this.off('update', listener);
  }
}

export const orderEvents = new OrderEventBus();
orderEvents.setMaxListeners(200);
