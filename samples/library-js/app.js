'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const session = require('express-session');

const db = require('./lib/db');
const notifier = require('./lib/notifier');
const { requestLogger, stats } = require('./lib/logger');
const { notFoundHandler, errorHandler } = require('./lib/errors');
const { requireLibrarian } = require('./middleware/auth');
const { validateBody } = require('./middleware/validate');
const createBookRepository = require('./services/books');
const loanService = require('./services/loans');
const createBooksRouter = require('./routes/books');
const createAuthorsRouter = require('./routes/authors');
const createEventsRouter = require('./routes/events');
const loanRoutes = require('./routes/loans');
const branches = require('./handlers/branches');
const adminApp = require('./admin');

const settings = JSON.parse(fs.readFileSync(path.join(__dirname, 'config', 'settings.json'), 'utf8'));

const app = express();
const repo = createBookRepository(db);
const loans = new (require('./controllers/loans'))({ db, loanService, books: repo });

app.disable('x-powered-by');
app.set('trust proxy', 1);

app.use(requestLogger);
app.use(express.json({ limit: '100kb' }));
app.use(session({
  name: settings.session.name,
  secret: process.env.SESSION_SECRET || settings.session.secret,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: 'lax', maxAge: settings.session.maxAgeMinutes * 60 * 1000 },
}));

app.get('/', (req, res) => {
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
});

app.get('/health', (req, res) => {
  res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()), requestsServed: stats.total });
});

// Old barcode scanners at the desks hit /isbn/<digits> directly.
app.get(/^\/isbn\/(\d{10}|\d{13})$/, async (req, res) => {
  const book = await repo.findByIsbn(req.params[0]);
  if (!book) return res.status(404).json({ error: 'not_found', message: `No book with ISBN ${req.params[0]}` });
  res.set('Link', `<${settings.apiBase}/books/${book.id}>; rel="canonical"`).json(book);
});

// Printable policies and forms.
app.get('/files/*filepath', (req, res, next) => {
  const relative = req.params.filepath.join('/');
  res.sendFile(relative, { root: path.join(__dirname, 'public', 'files'), dotfiles: 'deny' }, (err) => {
    if (!err) return;
    if (err.code === 'ENOENT' || err.status === 404) return next();
    next(err);
  });
});

// Counters for the catalogue widgets on the website. Registered before the
// routers so that /count is not taken for an :id.
['books', 'authors', 'branches'].forEach((name) => {
  app.get(`${settings.apiBase}/${name}/count`, async (req, res) => {
    res.json({ collection: name, count: await db.count(name) });
  });
});

app.use(`${settings.apiBase}/books`, createBooksRouter({ repo, db, settings }));
app.use(`${settings.apiBase}/authors`, createAuthorsRouter({ db, repo }));

app.get(settings.apiBase + '/branches', branches.list);
app.route(`${settings.apiBase}/branches/:id`)
  .get(branches.show)
  .put(requireLibrarian, validateBody(['name', 'address']), branches.update)
  .delete(requireLibrarian, branches.remove);

app.use(`${settings.apiBase}/loans`, loanRoutes(loans));
app.use(settings.apiBase, createEventsRouter({ db, notifier }));

[require('./routes/auth'), require('./routes/members'), require('./routes/holds')].forEach((register) => register(app));

app.use(settings.adminBase, adminApp);

if (process.env.NODE_ENV !== 'production') {
  app.get('/__debug/routes', (req, res) => {
    const describe = (stack) => stack.map((layer) => {
      if (layer.route) {
        return { path: String(layer.route.path), methods: Object.keys(layer.route.methods).map((m) => m.toUpperCase()) };
      }
      if (layer.handle && Array.isArray(layer.handle.stack)) {
        return { mount: layer.name, routes: describe(layer.handle.stack).filter((r) => r.path || r.mount) };
      }
      return { middleware: layer.name };
    });
    res.json({ env: process.env.NODE_ENV || 'development', stack: describe(app.router.stack) });
  });
}

app.use(notFoundHandler);
app.use(errorHandler);

module.exports = app;
