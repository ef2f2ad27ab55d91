import { randomBytes } from 'crypto';
import { db } from '../data/db';
import type { PublicUser } from '../data/models';
import { badRequest, unauthorized } from '../lib/errors';
import { logger } from '../lib/logger';
import { verifyPassword } from './passwords';
import { toPublic, userService } from './user.service';

const RESET_TTL_MS = 30 * 60 * 1000;

export async function login(email: string, password: string): Promise<PublicUser> {
  const user = await userService.findByEmail(email);
  if (!user || !verifyPassword(password, user.passwordHash)) {
    throw unauthorized('Invalid email or password');
  }
  return toPublic(user);
}

/** Returns the token so tests and the dev UI can use it; production would email it. */
export async function startPasswordReset(email: string): Promise<string | null> {
  const user = await userService.findByEmail(email);
  if (!user) return null;
  const token = randomBytes(24).toString('base64url');
  await db.passwordResets.insert({ id: token, userId: user.id, expires: Date.now() + RESET_TTL_MS });
  logger.info('password reset requested', { userId: user.id });
  return token;
}

export async function completePasswordReset(token: string, password: string): Promise<void> {
  const entry = await db.passwordResets.findById(token);
  if (entry) await db.passwordResets.delete(token);
  if (!entry || entry.expires < Date.now()) throw badRequest('Reset token is invalid or has expired');
  await userService.setPassword(entry.userId, password);
}

export async function pendingResetCount(): Promise<number> {
  return db.passwordResets.count((r) => r.expires >= Date.now());
}
