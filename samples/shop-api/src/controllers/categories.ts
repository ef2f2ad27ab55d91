import type { Request, Response } from 'express';
import { categoryService } from '../services/category.service';
import { listProducts } from '../services/product.service';
import { withDisplayPrice } from '../services/pricing';

async function index(_req: Request, res: Response) {
  res.json({ data: await categoryService.list() });
}

async function show(req: Request, res: Response) {
  res.json(await categoryService.getBySlug(req.params.slug));
}

async function products(req: Request, res: Response) {
  const category = await categoryService.getBySlug(req.params.slug);
  const rows = await listProducts({ categoryId: category.id, sort: req.query.sort as 'price' | undefined });
  res.json({ category: category.slug, data: rows.map(withDisplayPrice) });
}

async function create(req: Request, res: Response) {
  const { slug, name, description = '' } = req.body;
  res.status(201).json(await categoryService.create({ slug, name, description }));
}

async function update(req: Request, res: Response) {
  const { name, description } = req.body;
  res.json(await categoryService.update(req.params.slug, { name, description }));
}

async function destroy(req: Request, res: Response) {
  await categoryService.remove(req.params.slug);
  res.status(204).end();
}

export default { index, show, products, create, update, destroy };
