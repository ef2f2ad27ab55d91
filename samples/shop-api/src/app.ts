import path from 'path';
import express from 'express';
import session from 'express-session';
import { config } from './config';
import { sessionStore } from './data/session-store';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { requestId } from './middleware/request-id';
import { requestLogger } from './middleware/request-logger';
import debugRouter from './routes/debug';
import { apiRouter } from './routes';

export function createApp(): express.Express {
  const app = express();

  app.disable('x-powered-by');
  app.set('trust proxy', 1);

  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(requestId);
  app.use(requestLogger({ enabled: config.logRequests, skip: ['/healthz'] }));
  app.use(
    session({
      store: sessionStore(),
      name: config.session.name,
      secret: config.session.secret,
      resave: false,
      saveUninitialized: false,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        maxAge: config.session.maxAgeMs,
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptime: Math.round(process.uptime()) });
  });

  app.use('/assets', express.static(path.join(__dirname, '..', 'public'), { maxAge: '1d' }));
  app.use('/uploads', express.static(config.uploadDir));

  app.use(config.api.prefix, apiRouter);

  if (config.env !== 'production') {
    app.use('/debug', debugRouter);
  }

  app.use(notFoundHandler);
  app.use(errorHandler);

  return app;
}
