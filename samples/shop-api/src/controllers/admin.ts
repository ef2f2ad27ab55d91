import type { Request, Response } from 'express';
import { config } from '../config';
import { db } from '../data/db';
import type { OrderStatus } from '../data/models';
import { snapshot } from '../lib/metrics';
import { pendingResetCount } from '../services/auth.service';
import { expireStaleCarts } from '../services/cart.service';
import { orderService } from '../services/order.service';
import { cacheStats, flushProductCache } from '../services/product.service';

export const adminController = {
  async stats(_req: Request, res: Response) {
    const [users, products, orders, carts, pendingPasswordResets] = await Promise.all([
      db.users.count(),
      db.products.count(),
      db.orders.count(),
      db.carts.count(),
      pendingResetCount(),
    ]);
    res.json({
      env: config.env,
      process: snapshot(),
      counts: { users, products, orders, carts },
      productCache: cacheStats(),
      pendingPasswordResets,
    });
  },

  async orders(req: Request, res: Response) {
    const rows = await orderService.listAll(req.query.status as OrderStatus | undefined);
    res.json({ data: rows, count: rows.length });
  },

  flushCache(_req: Request, res: Response) {
    res.json({ flushed: flushProductCache() });
  },

  async expireCarts(req: Request, res: Response) {
    const ttlMs = req.body?.olderThanMs ?? config.carts.ttlMs;
    res.json({ expired: await expireStaleCarts(ttlMs) });
  },

  sessions(req: Request, res: Response) {
    const store = req.sessionStore;
    if (!store.all) {
      res.status(501).json({ error: { code: 'not_supported', message: 'Session store cannot list sessions' } });
      return;
    }
    store.all((err, sessions) => {
      if (err) {
        res.status(500).json({ error: { code: 'store_error', message: String(err) } });
        return;
      }
      const list = Array.isArray(sessions) ? sessions : Object.values(sessions ?? {});
      res.json({ active: list.length, authenticated: list.filter((s) => s.userId).length });
    });
  },
};
