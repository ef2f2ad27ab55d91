import { Pool } from 'pg';
import { config } from '../config';

/**
 * One connection pool per process. Created at load but connects on the first query, so a process
 * that serves no request never opens a connection.
 */
export const pool = new Pool({ connectionString: config.database.url, max: config.database.poolSize });

pool.on('error', (err) => {
  // An idle client lost its connection (the server restarted); the pool replaces it.
  console.error(JSON.stringify({ level: 'error', msg: 'idle database client failed', err: String(err) }));
});
