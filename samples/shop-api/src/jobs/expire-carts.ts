import { config } from '../config';
import { pruneExpiredSessions } from '../data/session-store';
import { logger } from '../lib/logger';
import { expireStaleCarts } from '../services/cart.service';

export function startCartExpiryJob(everyMs = config.carts.sweepEveryMs): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await expireStaleCarts(config.carts.ttlMs);
      await pruneExpiredSessions();
    } catch (err) {
      logger.error('cart expiry failed', { err: String(err) });
    } finally {
      running = false;
    }
  }, everyMs);
  logger.info('cart expiry job scheduled', { everyMs, ttlMs: config.carts.ttlMs });
  return timer;
}
