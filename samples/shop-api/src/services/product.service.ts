import { config } from '../config';
import { db } from '../data/db';
import type { Product } from '../data/models';
import { badRequest, conflict, NotFoundError } from '../lib/errors';
import { effectivePriceCents } from './pricing';

const productCache = new Map<string, { product: Product; cachedAt: number }>();
let cacheHits = 0;
let cacheMisses = 0;

export interface ProductFilters {
  categoryId?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock?: boolean;
  includeInactive?: boolean;
  sort?: 'name' | 'price' | '-price' | 'newest';
}

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function sortProducts(rows: Product[], sort: ProductFilters['sort']): Product[] {
  const byPrice = (a: Product, b: Product) => effectivePriceCents(a) - effectivePriceCents(b);
  switch (sort) {
    case 'price': return rows.sort(byPrice);
    case '-price': return rows.sort((a, b) => byPrice(b, a));
    case 'newest': return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    default: return rows.sort((a, b) => a.name.localeCompare(b.name));
  }
}

export async function listProducts(filters: ProductFilters = {}): Promise<Product[]> {
  const rows = await db.products.findAll((p) => {
    if (!filters.includeInactive && !p.active) return false;
    if (filters.categoryId && p.categoryId !== filters.categoryId) return false;
    if (filters.inStock && p.stock <= 0) return false;
    const price = effectivePriceCents(p);
    if (filters.minPriceCents !== undefined && price < filters.minPriceCents) return false;
    if (filters.maxPriceCents !== undefined && price > filters.maxPriceCents) return false;
    return true;
  });
  return sortProducts(rows, filters.sort);
}

export async function searchProducts(q: string): Promise<Product[]> {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = await db.products.findAll((p) => {
    const text = `${p.name} ${p.description} ${p.sku}`.toLowerCase();
    return p.active && terms.every((t) => text.includes(t));
  });
  return sortProducts(rows, 'name');
}

export async function featuredProducts(limit = 4): Promise<Product[]> {
  const rows = await db.products.findAll((p) => p.active && p.featured && p.stock > 0);
  return sortProducts(rows, 'newest').slice(0, limit);
}

export async function getProduct(id: string): Promise<Product> {
  const hit = productCache.get(id);
  if (hit && Date.now() - hit.cachedAt < config.productCacheTtlMs) {
    cacheHits++;
    return hit.product;
  }
  cacheMisses++;
  const product = await db.products.findById(id);
  if (!product) throw new NotFoundError('Product', id);
  productCache.set(id, { product, cachedAt: Date.now() });
  return product;
}

export type ProductInput = Pick<Product, 'name' | 'sku' | 'description' | 'categoryId' | 'priceCents'> &
  Partial<Pick<Product, 'salePriceCents' | 'stock' | 'featured' | 'active'>>;

export async function createProduct(input: ProductInput): Promise<Product> {
  if (await db.products.findOne((p) => p.sku === input.sku)) throw conflict(`SKU ${input.sku} already exists`);
  if (!(await db.categories.findById(input.categoryId))) throw badRequest(`Unknown category ${input.categoryId}`);
  const now = new Date().toISOString();
  return db.products.insert({
    stock: 0, featured: false, active: true, ...input,
    slug: slugify(input.name), images: [], createdAt: now, updatedAt: now,
  });
}

export type ProductPatch = Partial<ProductInput> & { images?: string[] };

export async function updateProduct(id: string, patch: ProductPatch): Promise<Product> {
  const updated = await db.products.update(id, {
    ...patch,
    ...(patch.name ? { slug: slugify(patch.name) } : {}),
    updatedAt: new Date().toISOString(),
  });
  if (!updated) throw new NotFoundError('Product', id);
  productCache.delete(id);
  return updated;
}

export async function deleteProduct(id: string): Promise<void> {
  if (!(await db.products.delete(id))) throw new NotFoundError('Product', id);
  productCache.delete(id);
}

export async function addProductImage(id: string, fileName: string): Promise<Product> {
  const product = await getProduct(id);
  return updateProduct(id, { images: [...product.images, fileName] });
}

export async function adjustStock(id: string, delta: number): Promise<Product> {
  const product = await getProduct(id);
  const stock = product.stock + delta;
  if (stock < 0) throw conflict(`Only ${product.stock} units of ${product.sku} left`);
  return updateProduct(id, { stock });
}

export function cacheStats() {
  return { entries: productCache.size, hits: cacheHits, misses: cacheMisses, keys: [...productCache.keys()] };
}

export function flushProductCache(): number {
  const n = productCache.size;
  productCache.clear();
  return n;
}
