import type { RequestHandler } from 'express';
import { logger } from '../lib/logger';
import { recordRequest } from '../lib/metrics';

interface RequestLoggerOptions {
  enabled?: boolean;
  skip?: string[];
}

export function requestLogger(options: RequestLoggerOptions = {}): RequestHandler {
  const skip = new Set(options.skip ?? []);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      recordRequest(res.statusCode);
      if (options.enabled === false || skip.has(req.path)) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info('request', {
        id: req.id,
        method: req.method,
        url: req.originalUrl,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        user: req.session?.userId,
      });
    });
    next();
  };
}
