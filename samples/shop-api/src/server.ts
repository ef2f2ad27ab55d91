import http from 'http';
import { createApp } from './app';
import { config } from './config';
import { startCartExpiryJob } from './jobs/expire-carts';
import { logger } from './lib/logger';
import { attachNotificationSocket } from './realtime/notifications';

const app = createApp();
const server = http.createServer(app);
const wss = attachNotificationSocket(server);
const cartSweep = startCartExpiryJob();

server.listen(config.port, () => {
  logger.info('shop-api listening', { port: config.port, env: config.env, api: config.api.prefix });
});

function shutdown(signal: string): void {
  logger.info('shutting down', { signal });
  clearInterval(cartSweep);
  for (const client of wss.clients) client.close(1001, 'server shutting down');
  wss.close();
  server.close((err) => {
    if (err) logger.error('error while closing server', { err: String(err) });
    process.exit(err ? 1 : 0);
  });
  // do not hang forever on keep-alive or SSE connections
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
