import type { Request, Response } from 'express';
import { badRequest } from '../lib/errors';
import { OrderService } from '../services/order.service';
import { formatCents } from '../services/pricing';

export class OrderController {
  constructor(private readonly orders: OrderService) {}

  list = async (req: Request, res: Response) => {
    const rows = await this.orders.listForUser(req.user!.id);
    res.json({ data: rows, count: rows.length });
  };

  checkout = async (req: Request, res: Response) => {
    const address = req.body.shippingAddress ?? req.user!.address;
    if (!address) throw badRequest('A shipping address is required');
    const order = await this.orders.checkout(req.user!.id, address);
    res.status(201).location(`${req.baseUrl}/${order.id}`).json(order);
  };

  get = async (req: Request, res: Response) => {
    res.json(await this.orders.get(req.params.id, req.user));
  };

  cancel = async (req: Request, res: Response) => {
    res.json(await this.orders.cancel(req.params.id, req.user!));
  };

  updateStatus = async (req: Request, res: Response) => {
    res.json(await this.orders.transition(req.params.id, req.body.status));
  };

  invoice = async (req: Request, res: Response) => {
    const order = await this.orders.get(req.params.id, req.user);
    const lines = order.items.map(
      (i) => `${i.quantity} x ${i.name.padEnd(32)} ${formatCents(i.unitPriceCents * i.quantity).padStart(12)}`,
    );
    const t = order.totals;
    const body = [
      `Invoice ${order.number}`,
      `Date: ${order.createdAt.slice(0, 10)}`,
      '',
      ...lines,
      '',
      `Subtotal ${formatCents(t.subtotalCents)}`,
      `Discount -${formatCents(t.discountCents)}`,
      `Shipping ${formatCents(t.shippingCents)}`,
      `VAT      ${formatCents(t.taxCents)}`,
      `Total    ${formatCents(t.totalCents)}`,
    ].join('\n');
    res.type('text/plain').attachment(`${order.number}.txt`).send(body);
  };
}
