import { randomUUID } from 'crypto';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-request-id';

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get(HEADER);
  req.id = incoming && incoming.length <= 64 ? incoming : randomUUID();
  res.setHeader(HEADER, req.id);
  next();
}
