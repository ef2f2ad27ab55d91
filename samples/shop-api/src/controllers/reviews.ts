import type { Request, Response } from 'express';
import * as reviews from '../services/review.service';

type ReviewParams = { productId: string; reviewId?: string };

export const reviewsController = {
  list: async (req: Request<ReviewParams>, res: Response) => {
    const sort = req.query.sort === 'helpful' ? 'helpful' : 'recent';
    const [data, summary] = await Promise.all([
      reviews.listReviews(req.params.productId, sort),
      reviews.ratingSummary(req.params.productId),
    ]);
    res.json({ summary, data });
  },

  get: async (req: Request<ReviewParams>, res: Response) => {
    res.json(await reviews.getReview(req.params.productId, req.params.reviewId!));
  },

  create: async (req: Request<ReviewParams>, res: Response) => {
    const { rating, title, body = '' } = req.body;
    const review = await reviews.createReview(req.params.productId, req.user!.id, { rating, title, body });
    res.status(201).json(review);
  },

  remove: async (req: Request<ReviewParams>, res: Response) => {
    await reviews.deleteReview(req.params.productId, req.params.reviewId!, req.user!);
    res.status(204).end();
  },

  helpful: async (req: Request<ReviewParams>, res: Response) => {
    const review = await reviews.markHelpful(req.params.productId, req.params.reviewId!);
    res.json({ id: review.id, helpfulCount: review.helpfulCount });
  },
};
