import type { Request, Response } from 'express';
import path from 'path';
import { paginate, readPage } from '../lib/pagination';
import { badRequest } from '../lib/errors';
import { withDisplayPrice } from '../services/pricing';
import * as products from '../services/product.service';
import { ratingSummary } from '../services/review.service';

function numberParam(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw badRequest(`Expected a number, got ${String(value)}`);
  return n;
}

export const productController = {
  async list(req: Request, res: Response) {
    const rows = await products.listProducts({
      categoryId: req.query.category as string | undefined,
      minPriceCents: numberParam(req.query.minPrice),
      maxPriceCents: numberParam(req.query.maxPrice),
      inStock: req.query.inStock === 'true',
      includeInactive: req.user?.role === 'admin' && req.query.all === 'true',
      sort: req.query.sort as products.ProductFilters['sort'],
    });
    const page = paginate(rows.map(withDisplayPrice), readPage(req));
    res.json(page);
  },

  async search(req: Request, res: Response) {
    const q = String(req.query.q ?? '').trim();
    if (q.length < 2) throw badRequest('Query parameter q must have at least 2 characters');
    const rows = await products.searchProducts(q);
    res.json({ query: q, data: rows.map(withDisplayPrice) });
  },

  async featured(_req: Request, res: Response) {
    const rows = await products.featuredProducts();
    res.set('Cache-Control', 'public, max-age=60').json({ data: rows.map(withDisplayPrice) });
  },

  async get(req: Request, res: Response) {
    const product = await products.getProduct(req.params.productId);
    if (!product.active && req.user?.role !== 'admin') {
      res.status(404).json({ error: { code: 'not_found', message: 'Product not found' } });
      return;
    }
    res.json({ ...withDisplayPrice(product), rating: await ratingSummary(product.id) });
  },

  async create(req: Request, res: Response) {
    const product = await products.createProduct(req.body);
    res.status(201).location(`${req.baseUrl}/${product.id}`).json(withDisplayPrice(product));
  },

  async update(req: Request, res: Response) {
    const { id: _ignored, createdAt: _c, images: _i, ...patch } = req.body ?? {};
    const product = await products.updateProduct(req.params.productId, patch);
    res.json(withDisplayPrice(product));
  },

  async remove(req: Request, res: Response) {
    await products.deleteProduct(req.params.productId);
    res.status(204).end();
  },

  async uploadImage(req: Request, res: Response) {
    if (!req.file) throw badRequest('Expected a multipart field named "image"');
    const product = await products.addProductImage(req.params.productId, path.basename(req.file.path));
    res.status(201).json({ image: `/uploads/${req.file.filename}`, size: req.file.size, images: product.images });
  },

  async adjustStock(req: Request, res: Response) {
    const product = await products.adjustStock(req.params.productId, req.body.delta);
    res.json({ id: product.id, sku: product.sku, stock: product.stock });
  },
};
