'use strict';

// Process-wide event bus. Services publish domain events here; the WebSocket
// server (server.js) and the SSE stream (routes/events.js) relay them.
const { EventEmitter } = require('events');

const notifier = new EventEmitter();
notifier.setMaxListeners(200);

notifier.publish = function publish(type, payload) {
  const message = { type, at: new Date().toISOString(), payload };
  notifier.emit(type, message);
  notifier.emit('*', message);
  return message;
};

module.exports = notifier;
