import type { Request, Response } from 'express';
import * as carts from '../services/cart.service';

async function respond(res: Response, userId: string, status = 200) {
  const cart = await carts.getOrCreateCart(userId);
  res.status(status).json(await carts.summarize(cart));
}

export async function showCart(req: Request, res: Response) {
  await respond(res, req.user!.id);
}

export async function addToCart(req: Request, res: Response) {
  const { productId, quantity = 1 } = req.body;
  await carts.addItem(req.user!.id, productId, quantity);
  await respond(res, req.user!.id, 201);
}

export async function updateCartItem(req: Request, res: Response) {
  await carts.setQuantity(req.user!.id, req.params.productId, req.body.quantity);
  await respond(res, req.user!.id);
}

export async function removeCartItem(req: Request, res: Response) {
  await carts.removeItem(req.user!.id, req.params.productId);
  await respond(res, req.user!.id);
}

export async function emptyCart(req: Request, res: Response) {
  await carts.clearCart(req.user!.id);
  res.status(204).end();
}

export async function applyCoupon(req: Request, res: Response) {
  await carts.applyCoupon(req.user!.id, req.body.code);
  await respond(res, req.user!.id);
}

export async function removeCoupon(req: Request, res: Response) {
  await carts.removeCoupon(req.user!.id);
  await respond(res, req.user!.id);
}
