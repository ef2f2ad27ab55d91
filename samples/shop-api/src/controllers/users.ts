import type { Request, Response } from 'express';
import { forbidden } from '../lib/errors';
import { paginate, readPage } from '../lib/pagination';
import { orderService } from '../services/order.service';
import { userService } from '../services/user.service';

export async function listUsers(req: Request, res: Response) {
  const users = await userService.list(req.query.search as string | undefined);
  res.json(paginate(users, readPage(req)));
}

export function me(req: Request, res: Response) {
  res.json(req.user);
}

export async function updateMe(req: Request, res: Response) {
  const { name, address } = req.body;
  res.json(await userService.updateProfile(req.user!.id, { name, address }));
}

export async function getUser(req: Request, res: Response) {
  res.json(await userService.getById(req.params.id));
}

export async function updateUser(req: Request, res: Response) {
  const { name, address, role } = req.body;
  let user = await userService.updateProfile(req.params.id, { name, address });
  if (role && role !== user.role) {
    if (req.params.id === req.user!.id) throw forbidden('You cannot change your own role');
    user = await userService.setRole(req.params.id, role);
  }
  res.json(user);
}

export async function deleteUser(req: Request, res: Response) {
  if (req.params.id === req.user!.id) throw forbidden('Use account settings to close your own account');
  await userService.remove(req.params.id);
  res.status(204).end();
}

export async function userOrders(req: Request, res: Response) {
  await userService.getById(req.params.id);
  const orders = await orderService.listForUser(req.params.id);
  res.json({ data: orders, count: orders.length });
}
