import type { Request, RequestHandler } from 'express';
import { asyncHandler } from '../lib/async-handler';
import * as reports from '../services/report.service';

/** Builds a handler that wraps any report in the same envelope. */
function report(name: string, build: (req: Request) => Promise<unknown>): RequestHandler {
  return asyncHandler(async (req, res) => {
    const started = Date.now();
    const data = await build(req);
    res.json({ report: name, generatedAt: new Date().toISOString(), tookMs: Date.now() - started, data });
  });
}

export const salesReport = report('sales', (req) =>
  reports.salesByDay(req.query.from as string | undefined, req.query.to as string | undefined),
);

export const topProductsReport = report('top-products', (req) =>
  reports.topProducts(Number(req.query.limit ?? 5)),
);

export const inventoryReport = report('inventory', (req) =>
  reports.inventory(Number(req.query.threshold ?? 10)),
);

export const customersReport = report('customers', () => reports.customers());
