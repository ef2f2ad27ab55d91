import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import { pool } from './pool';

const PgSessionStore = connectPgSimple(session);

/**
 * Sessions in the `session` table (scripts/db-reset.js creates it) on the app's pool, so every
 * process knows every login. Expired rows are deleted by the cart expiry job
 * ({@link pruneExpiredSessions}), not by a timer in each process.
 */
export function sessionStore(): session.Store {
  return new PgSessionStore({ pool, tableName: 'session', pruneSessionInterval: false });
}

/** Deletes the sessions that have expired; returns how many. */
export async function pruneExpiredSessions(): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM session WHERE expire < now()');
  return rowCount ?? 0;
}
