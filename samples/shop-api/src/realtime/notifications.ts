import type { IncomingMessage, Server } from 'http';
import { WebSocket, WebSocketServer } from 'ws';
import { logger } from '../lib/logger';
import { subscribeToOrderUpdates } from './order-feed';
import type { OrderUpdate } from '../services/order-events';

interface Client {
  socket: WebSocket;
  userId: string | null;
  alive: boolean;
}

/**
 * Pushes order updates to connected dashboards. Admin dashboards connect
 * without a user filter; storefront tabs pass ?userId= to get only their orders.
 */
export function attachNotificationSocket(server: Server): WebSocketServer {
  const wss = new WebSocketServer({ server, path: '/ws/notifications' });
  const clients = new Set<Client>();

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const client: Client = { socket, userId: url.searchParams.get('userId'), alive: true };
    clients.add(client);
    socket.send(JSON.stringify({ type: 'hello', clients: clients.size }));
    socket.on('pong', () => (client.alive = true));
    socket.on('close', () => clients.delete(client));
  });

  const unsubscribe = subscribeToOrderUpdates((update: OrderUpdate) => {
    const payload = JSON.stringify(update);
    for (const client of clients) {
      if (client.userId && client.userId !== update.userId) continue;
      if (client.socket.readyState === WebSocket.OPEN) client.socket.send(payload);
    }
  }).catch((err) => {
    logger.error('order updates unavailable to websocket clients', { err: String(err) });
    return () => undefined;
  });

  const ping = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate();
        clients.delete(client);
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, 30_000);

  wss.on('close', () => {
    clearInterval(ping);
    void unsubscribe.then((stop) => stop());
  });
  logger.info('websocket notifications ready', { path: '/ws/notifications' });
  return wss;
}
