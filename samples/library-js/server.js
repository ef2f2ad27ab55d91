'use strict';

const http = require('http');
const { URL } = require('url');
const WebSocket = require('ws');

const app = require('./app');
const noticeFeed = require('./lib/notice-feed');
const loanService = require('./services/loans');

const port = Number(process.env.PORT) || 3001;
const OVERDUE_SWEEP_MS = 5 * 60 * 1000;

const server = http.createServer(app);

// Live hold notifications for the member app and the desk screens:
//   ws://host/ws/holds?member=2   -> only that member's notices
//   ws://host/ws/holds            -> every notice (desk screens)
const wss = new WebSocket.Server({ server, path: '/ws/holds' });
const subscribers = new Map();

// Notices come from the database (lib/notice-feed.js), whichever process published them. The
// feed is joined at boot; if that failed (database unreachable), the next client joins it again.
const RELAYED = ['hold:placed', 'hold:ready', 'loan:overdue'];
let relaying = null;

function relay(message) {
  const data = JSON.stringify(message);
  for (const [socket, memberId] of subscribers) {
    if (socket.readyState !== WebSocket.OPEN) continue;
    if (memberId && message.payload.memberId !== memberId) continue;
    socket.send(data);
  }
}

function startRelay() {
  relaying ??= noticeFeed.subscribe(RELAYED, relay).catch((err) => {
    console.error(`[ws] hold notices unavailable: ${err.message}`);
    relaying = null;
  });
  return relaying;
}
startRelay();

wss.on('connection', (socket, req) => {
  const memberId = Number(new URL(req.url, 'http://localhost').searchParams.get('member')) || null;
  subscribers.set(socket, memberId);
  socket.on('close', () => subscribers.delete(socket));
  socket.on('error', () => subscribers.delete(socket));
  // Greets the client once notices reach it.
  startRelay().then(() => {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'hello', memberId, at: new Date().toISOString() }));
    }
  });
});

// Nightly batch used to do this; now it runs in-process. A failed sweep (database unreachable) is
// logged and the next one tries again.
function sweepOverdue(done) {
  return loanService.markOverdue()
    .then(({ marked }) => done(marked))
    .catch((err) => console.error(`[overdue] sweep failed: ${err.message}`));
}

const sweep = setInterval(() => {
  sweepOverdue((marked) => {
    if (marked.length) console.log(`[overdue] marked ${marked.length} loan(s) overdue: ${marked.join(', ')}`);
  });
}, OVERDUE_SWEEP_MS);

function shutdown(signal) {
  console.log(`[server] ${signal} received, closing`);
  clearInterval(sweep);
  for (const socket of wss.clients) socket.close(1001, 'server shutting down');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

server.listen(port, () => {
  console.log(`Library API listening on http://localhost:${port} (websocket at /ws/holds)`);
  sweepOverdue((marked) => {
    if (marked.length) console.log(`[overdue] startup sweep marked ${marked.length} loan(s)`);
  });
});
