import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../data/models';
import { forbidden, unauthorized } from '../lib/errors';
import { userService } from '../services/user.service';

/** Loads the session user into req.user, or answers 401. */
export async function requireAuth(req: Request, _res: Response, next: NextFunction): Promise<void> {
  try {
    const userId = req.session.userId;
    if (!userId) return next(unauthorized());
    const user = await userService.findPublicById(userId);
    if (!user) {
      // account was deleted while the session was alive
      req.session.userId = undefined;
      return next(unauthorized('Session expired'));
    }
    req.user = user;
    req.session.lastSeenAt = Date.now();
    next();
  } catch (err) {
    next(err);
  }
}

export function requireRole(...roles: Role[]): RequestHandler {
  return function roleGuard(req, _res, next) {
    if (!req.user) return next(unauthorized());
    if (!roles.includes(req.user.role)) return next(forbidden(`Requires role: ${roles.join(' or ')}`));
    next();
  };
}

/** Like requireAuth but lets anonymous requests through. */
export async function optionalAuth(req: Request, _res: Response, next: NextFunction): Promise<void> {
  if (!req.session.userId) return next();
  try {
    req.user = await userService.findPublicById(req.session.userId);
    next();
  } catch (err) {
    next(err);
  }
}
