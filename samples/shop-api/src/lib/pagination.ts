import type { Request } from 'express';
import { config } from '../config';

export interface Page {
  page: number;
  limit: number;
}

export function readPage(req: Request): Page {
  const page = Math.max(1, parseInt(String(req.query.page ?? '1'), 10) || 1);
  const requested = parseInt(String(req.query.limit ?? config.api.pageSize), 10) || config.api.pageSize;
  const limit = Math.min(Math.max(1, requested), config.api.maxPageSize);
  return { page, limit };
}

export function paginate<T>(rows: T[], { page, limit }: Page) {
  const start = (page - 1) * limit;
  return {
    data: rows.slice(start, start + limit),
    meta: { page, limit, total: rows.length, pages: Math.max(1, Math.ceil(rows.length / limit)) },
  };
}
