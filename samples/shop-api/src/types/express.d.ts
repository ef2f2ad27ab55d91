import type { PublicUser, Role } from '../data/models';

declare global {
  namespace Express {
    interface Request {
      id: string;
      user?: PublicUser;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    role?: Role;
    lastSeenAt?: number;
  }
}

export {};
