import type { Request, Response } from 'express';
import { config } from '../config';
import { completePasswordReset, login as checkCredentials, startPasswordReset } from '../services/auth.service';
import { userService } from '../services/user.service';

function startSession(req: Request, userId: string, role: 'customer' | 'admin'): Promise<void> {
  // regenerate to avoid session fixation
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = userId;
      req.session.role = role;
      resolve();
    });
  });
}

export async function register(req: Request, res: Response) {
  const { email, name, password } = req.body;
  const user = await userService.create({ email, name, password });
  await startSession(req, user.id, user.role);
  res.status(201).json(user);
}

export async function login(req: Request, res: Response) {
  const user = await checkCredentials(req.body.email, req.body.password);
  await startSession(req, user.id, user.role);
  res.json(user);
}

export function logout(req: Request, res: Response) {
  req.session.destroy(() => {
    res.clearCookie(config.session.name).status(204).end();
  });
}

export async function forgotPassword(req: Request, res: Response) {
  const token = await startPasswordReset(req.body.email);
  // Always 202 so the endpoint cannot be used to probe for accounts.
  res.status(202).json({
    message: 'If the account exists, a reset link has been sent.',
    ...(config.env !== 'production' && token ? { devToken: token } : {}),
  });
}

export async function resetPassword(req: Request, res: Response) {
  await completePasswordReset(req.body.token, req.body.password);
  res.status(204).end();
}
