import type { NextFunction, Request, Response } from 'express';
import { MulterError } from 'multer';
import { config } from '../config';
import { HttpError } from '../lib/errors';
import { logger } from '../lib/logger';

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'route_not_found', message: `No route for ${req.method} ${req.path}` } });
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof MulterError) {
    res.status(400).json({ error: { code: err.code.toLowerCase(), message: err.message } });
    return;
  }
  if (err instanceof SyntaxError && 'body' in err) {
    res.status(400).json({ error: { code: 'invalid_json', message: 'Request body is not valid JSON' } });
    return;
  }
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
    return;
  }
  logger.error('unhandled error', { id: req.id, url: req.originalUrl, err: String(err) });
  res.status(500).json({
    error: {
      code: 'internal',
      message: 'Something went wrong',
      requestId: req.id,
      stack: config.env === 'development' && err instanceof Error ? err.stack : undefined,
    },
  });
}
