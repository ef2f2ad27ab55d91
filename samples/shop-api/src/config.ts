import os from 'os';
import path from 'path';

const env = process.env.NODE_ENV ?? 'development';

export const config = {
  env,
  port: Number(process.env.PORT ?? 3000),
  api: {
    prefix: '/api/v1',
    pageSize: 20,
    maxPageSize: 100,
  },
  session: {
    secret: process.env.SESSION_SECRET ?? 'dev-secret',
    name: 'shop.sid',
    maxAgeMs: 1000 * 60 * 60 * 24 * 7,
  },
  database: {
    url: process.env.DATABASE_URL ?? 'postgres://localhost:5432/shop',
    poolSize: Number(process.env.DB_POOL_SIZE ?? 5),
  },
  uploadDir: process.env.UPLOAD_DIR ?? path.join(os.tmpdir(), 'shop-api-uploads'),
  uploads: {
    maxFileBytes: 5 * 1024 * 1024,
    allowedMimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
  },
  carts: {
    // carts not touched for this long are dropped by the expiry job
    ttlMs: Number(process.env.CART_TTL_MS ?? 1000 * 60 * 60 * 24 * 3),
    sweepEveryMs: 60_000,
  },
  pricing: {
    currency: 'EUR',
    taxRate: 0.2,
    freeShippingOverCents: 5000,
    flatShippingCents: 590,
  },
  productCacheTtlMs: 5 * 60 * 1000,
  logRequests: process.env.LOG_REQUESTS !== 'false',
};

export type AppConfig = typeof config;
