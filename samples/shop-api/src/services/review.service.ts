import { db } from '../data/db';
import type { Review } from '../data/models';
import { conflict, forbidden, NotFoundError } from '../lib/errors';

export async function listReviews(productId: string, sort: 'recent' | 'helpful' = 'recent'): Promise<Review[]> {
  const rows = await db.reviews.findAll((r) => r.productId === productId);
  return rows.sort((a, b) =>
    sort === 'helpful' ? b.helpfulCount - a.helpfulCount : b.createdAt.localeCompare(a.createdAt),
  );
}

export async function ratingSummary(productId: string) {
  const rows = await db.reviews.findAll((r) => r.productId === productId);
  const histogram: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of rows) histogram[r.rating]++;
  const average = rows.length ? rows.reduce((s, r) => s + r.rating, 0) / rows.length : null;
  return { count: rows.length, average: average && Math.round(average * 10) / 10, histogram };
}

export async function getReview(productId: string, reviewId: string): Promise<Review> {
  const review = await db.reviews.findById(reviewId);
  if (!review || review.productId !== productId) throw new NotFoundError('Review', reviewId);
  return review;
}

export async function createReview(
  productId: string,
  userId: string,
  input: Pick<Review, 'rating' | 'title' | 'body'>,
): Promise<Review> {
  if (!(await db.products.findById(productId))) throw new NotFoundError('Product', productId);
  const existing = await db.reviews.findOne((r) => r.productId === productId && r.userId === userId);
  if (existing) throw conflict('You already reviewed this product');
  return db.reviews.insert({
    productId,
    userId,
    ...input,
    helpfulCount: 0,
    createdAt: new Date().toISOString(),
  });
}

export async function deleteReview(productId: string, reviewId: string, actor: { id: string; role: string }) {
  const review = await getReview(productId, reviewId);
  if (review.userId !== actor.id && actor.role !== 'admin') throw forbidden('You can only delete your own reviews');
  await db.reviews.delete(reviewId);
}

export async function markHelpful(productId: string, reviewId: string): Promise<Review> {
  const review = await getReview(productId, reviewId);
  return (await db.reviews.update(reviewId, { helpfulCount: review.helpfulCount + 1 }))!;
}
