'use strict';

class HttpError extends Error {
  constructor(status, code, message, details) {
    super(message || code);
    this.status = status;
    this.code = code;
    if (details) this.details = details;
  }
}

const badRequest = (code, message, details) => new HttpError(400, code, message, details);
const notFound = (what) => new HttpError(404, 'not_found', `${what} not found`);
const conflict = (code, message) => new HttpError(409, code, message);
const forbidden = (message) => new HttpError(403, 'forbidden', message || 'Not allowed');

function notFoundHandler(req, res) {
  res.status(404).json({ error: 'not_found', message: `No route for ${req.method} ${req.originalUrl}` });
}

// Must keep four parameters so Express treats it as an error handler.
function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);

  if (err.type === 'entity.parse.failed') {
    return res.status(400).json({ error: 'invalid_json', message: 'Request body is not valid JSON' });
  }
  if (err.name === 'MulterError') {
    const status = err.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
    return res.status(status).json({ error: 'upload_rejected', message: err.message, field: err.field });
  }

  const status = err.status || err.statusCode || 500;
  if (status >= 500) console.error(`[error] ${req.method} ${req.originalUrl}`, err);

  const body = { error: err.code || (status >= 500 ? 'internal_error' : 'request_failed'), message: err.message };
  if (err.details) body.details = err.details;
  if (status >= 500 && process.env.NODE_ENV === 'production') body.message = 'Something went wrong';
  res.status(status).json(body);
}

module.exports = { HttpError, badRequest, notFound, conflict, forbidden, notFoundHandler, errorHandler };
