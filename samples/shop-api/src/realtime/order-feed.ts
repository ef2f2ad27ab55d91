import { EventEmitter } from 'events';
import type { PoolClient } from 'pg';
import { pool } from '../data/pool';
import { logger } from '../lib/logger';
import { ORDER_UPDATES_CHANNEL, OrderUpdate } from '../services/order-events';

/**
 * The order updates this process's open streams (server-sent events, websockets) follow: one
 * connection LISTENs on the channel, opened with the first subscriber, and fans each
 * notification out to them.
 */
const feed = new EventEmitter();
feed.setMaxListeners(200);
let listening: Promise<PoolClient> | undefined;

function listen(): Promise<PoolClient> {
  listening ??= pool.connect().then(async (client) => {
    client.on('notification', (message) => {
      if (message.channel !== ORDER_UPDATES_CHANNEL || !message.payload) return;
      feed.emit('update', JSON.parse(message.payload) as OrderUpdate);
    });
    client.on('error', (err) => {
      logger.error('order feed connection lost', { err: String(err) });
      listening = undefined;
    });
    await client.query(`LISTEN ${ORDER_UPDATES_CHANNEL}`);
    return client;
  });
  return listening;
}

/** Calls `listener` with every order update until the returned function is called. */
export async function subscribeToOrderUpdates(listener: (update: OrderUpdate) => void): Promise<() => void> {
  await listen();
  feed.on('update', listener);
  return () => feed.off('update', listener);
}
