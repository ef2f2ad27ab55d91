'use strict';

// Domain events (hold:placed, hold:ready, loan:created, loan:overdue, event:created, event:rsvp).
// Services publish them through PostgreSQL NOTIFY on one channel, so every process relaying them
// to clients (lib/notice-feed.js: the WebSocket server in server.js and the server-sent events
// route) hears them, whichever process made the change: nothing is shared in memory.
const { pool } = require('./db');

const NOTICES_CHANNEL = 'library_notices';

// Resolves with the message once it is handed to PostgreSQL. A notice that cannot be sent (the
// database is gone, or the message exceeds NOTIFY's 8000-byte payload) is logged, not thrown: the
// change it announces has already been made.
async function publish(type, payload) {
  const message = { type, at: new Date().toISOString(), payload };
  try {
    await pool.query('SELECT pg_notify($1, $2)', [NOTICES_CHANNEL, JSON.stringify(message)]);
  } catch (err) {
    console.error(`[notifier] could not publish ${type}: ${err.message}`);
  }
  return message;
}

module.exports = { NOTICES_CHANNEL, publish };
