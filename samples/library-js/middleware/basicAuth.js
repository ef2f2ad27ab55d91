'use strict';

const crypto = require('crypto');

function safeEqual(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

// HTTP basic auth for the staff back office. Credentials come from the
// environment; the fallback only exists so a developer laptop works out of the box.
module.exports = function basicAuth({ realm = 'Library Admin', user, password } = {}) {
  const expectedUser = user || process.env.ADMIN_USER || 'admin';
  const expectedPassword = password || process.env.ADMIN_PASSWORD || 'letmein';

  return function checkBasicAuth(req, res, next) {
    const header = req.get('authorization') || '';
    const [scheme, encoded] = header.split(' ');
    if (scheme === 'Basic' && encoded) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const sep = decoded.indexOf(':');
      const name = decoded.slice(0, sep);
      const pass = decoded.slice(sep + 1);
      if (sep > 0 && safeEqual(name, expectedUser) && safeEqual(pass, expectedPassword)) {
        req.adminUser = name;
        return next();
      }
    }
    res.set('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`);
    res.status(401).json({ error: 'unauthorized', message: 'Admin credentials required' });
  };
};
