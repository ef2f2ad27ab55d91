'use strict';

// The notices this process's open streams follow (the WebSocket server in server.js and
// GET /api/events/stream): one dedicated database connection LISTENs on the notices channel,
// opened with the first subscriber, and fans each notification out to them in process. Publishers
// (lib/notifier.js) go through pg_notify, so only the streaming side needs this module.
const { EventEmitter } = require('events');
const { pool } = require('./db');
const { NOTICES_CHANNEL } = require('./notifier');

const feed = new EventEmitter();
feed.setMaxListeners(200);
let listening = null;

function hasSubscribers() {
  return feed.eventNames().some((name) => feed.listenerCount(name) > 0);
}

function listen() {
  if (listening) return listening;
  const attempt = (async () => {
    const client = await pool.connect();
    let released = false;
    const release = (err) => {
      if (released) return false;
      released = true;
      if (listening === attempt) listening = null;
      client.release(err);
      return true;
    };
    client.on('notification', (notification) => {
      if (notification.channel !== NOTICES_CHANNEL || !notification.payload) return;
      let message;
      try {
        message = JSON.parse(notification.payload);
      } catch {
        return;
      }
      feed.emit(message.type, message);
      feed.emit('*', message);
    });
    client.on('error', (err) => {
      if (!release(err)) return;
      console.error(`[notices] listening connection lost: ${err.message}`);
      // Current subscribers keep their listeners: listen again for them once (a failure is
      // logged; the next subscriber tries again).
      if (hasSubscribers()) {
        listen().catch((again) => console.error(`[notices] cannot listen again: ${again.message}`));
      }
    });
    try {
      await client.query(`LISTEN ${NOTICES_CHANNEL}`);
    } catch (err) {
      release(err);
      throw err;
    }
    return client;
  })();
  listening = attempt;
  attempt.catch(() => {
    if (listening === attempt) listening = null;
  });
  return attempt;
}

// Calls `listener(message)` with every notice of the given types until the returned function is called.
async function subscribe(types, listener) {
  await listen();
  for (const type of types) feed.on(type, listener);
  return function unsubscribe() {
    for (const type of types) feed.off(type, listener);
  };
}

module.exports = { subscribe };
