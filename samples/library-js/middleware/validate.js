'use strict';

// validateBody(['title', 'authorId']) -> middleware rejecting bodies that miss a field.
function validateBody(required, options = {}) {
  const allowUnknown = options.allowUnknown !== false;
  return function validate(req, res, next) {
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return res.status(400).json({ error: 'invalid_body', message: 'Expected a JSON object' });
    }
    const missing = required.filter((field) => body[field] === undefined || body[field] === null || body[field] === '');
    if (missing.length) {
      return res.status(422).json({ error: 'validation_failed', missing });
    }
    if (!allowUnknown && options.fields) {
      const unknown = Object.keys(body).filter((k) => !options.fields.includes(k));
      if (unknown.length) return res.status(422).json({ error: 'validation_failed', unknown });
    }
    next();
  };
}

function validateIdParam(name = 'id') {
  return function checkId(req, res, next) {
    if (!/^\d+$/.test(String(req.params[name]))) {
      return res.status(400).json({ error: 'invalid_id', message: `${name} must be numeric` });
    }
    next();
  };
}

module.exports = { validateBody, validateIdParam };
