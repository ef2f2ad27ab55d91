'use strict';

// Tiny access logger. Keeps running totals for /health and the admin dashboard.
const stats = {
  startedAt: new Date().toISOString(),
  total: 0,
  inFlight: 0,
  byStatus: {},
  slowest: null,
};

const quiet = process.env.NODE_ENV === 'test' || process.env.LOG_QUIET === '1';

function requestLogger(req, res, next) {
  const started = process.hrtime.bigint();
  stats.total += 1;
  stats.inFlight += 1;

  res.on('close', () => {
    stats.inFlight -= 1;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const bucket = `${Math.floor(res.statusCode / 100)}xx`;
    stats.byStatus[bucket] = (stats.byStatus[bucket] || 0) + 1;
    if (!stats.slowest || ms > stats.slowest.ms) {
      stats.slowest = { method: req.method, url: req.originalUrl, ms: Math.round(ms) };
    }
    if (!quiet) {
      const who = req.session && req.session.memberId ? ` member=${req.session.memberId}` : '';
      console.log(`${new Date().toISOString()} ${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms${who}`);
    }
  });
  next();
}

module.exports = { requestLogger, stats };
