import { Router } from 'express';
import { streamOrderEvents } from '../controllers/order-stream';
import { OrderController } from '../controllers/orders';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth, requireRole } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { orderService } from '../services/order.service';
import { checkoutSchema, orderStatusSchema } from '../validation/schemas';

const orders = new OrderController(orderService);

export const ordersRouter = Router();

ordersRouter.use(requireAuth);

ordersRouter.get('/', asyncHandler(orders.list));
ordersRouter.post('/', validate(checkoutSchema), asyncHandler(orders.checkout));
ordersRouter.get('/:id', asyncHandler(orders.get));
ordersRouter.get('/:id/events', asyncHandler(streamOrderEvents));
ordersRouter.get('/:id/invoice', asyncHandler(orders.invoice));
ordersRouter.post('/:id/cancel', asyncHandler(orders.cancel));
ordersRouter.patch('/:id/status', requireRole('admin'), validate(orderStatusSchema), asyncHandler(orders.updateStatus));
