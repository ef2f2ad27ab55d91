import { db } from '../data/db';
import type { Category } from '../data/models';
import { conflict, NotFoundError } from '../lib/errors';

export class CategoryService {
  async list(): Promise<(Category & { productCount: number })[]> {
    const [categories, products] = await Promise.all([db.categories.findAll(), db.products.findAll((p) => p.active)]);
    return categories
      .map((c) => ({ ...c, productCount: products.filter((p) => p.categoryId === c.id).length }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async getBySlug(slug: string): Promise<Category> {
    const category = await db.categories.findOne((c) => c.slug === slug);
    if (!category) throw new NotFoundError('Category', slug);
    return category;
  }

  async create(input: Omit<Category, 'id'>): Promise<Category> {
    if (await db.categories.findOne((c) => c.slug === input.slug)) throw conflict(`Category ${input.slug} exists`);
    return db.categories.insert(input);
  }

  async update(slug: string, patch: Partial<Omit<Category, 'id' | 'slug'>>): Promise<Category> {
    const current = await this.getBySlug(slug);
    return (await db.categories.update(current.id, patch))!;
  }

  async remove(slug: string): Promise<void> {
    const current = await this.getBySlug(slug);
    const used = await db.products.count((p) => p.categoryId === current.id);
    if (used > 0) throw conflict(`Category ${slug} still has ${used} products`);
    await db.categories.delete(current.id);
  }
}

export const categoryService = new CategoryService();
