import type { NextFunction, Request, RequestHandler, Response } from 'express';

type AsyncRequestHandler<Req extends Request = Request> = (
  req: Req,
  res: Response,
  next: NextFunction,
) => Promise<unknown>;

/**
 * Express 4 does not catch rejected promises. Wrap every async handler so the
 * rejection ends up in the error middleware instead of crashing the process.
 */
export function asyncHandler<Req extends Request = Request>(fn: AsyncRequestHandler<Req>): RequestHandler {
  return function asyncHandlerWrapper(req, res, next) {
    Promise.resolve(fn(req as Req, res, next)).catch(next);
  };
}
