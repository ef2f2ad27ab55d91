'use strict';

const express = require('express');
const { requireMember, requireLibrarian } = require('../middleware/auth');
const { validateBody, validateIdParam } = require('../middleware/validate');

// `loans` is the object built by controllers/loans.js.
module.exports = function loanRoutes(loans) {
  const router = express.Router();

  router.use(requireMember);

  router.get('/', loans.list);
  router.post('/', validateBody(['bookId', 'branchId']), loans.checkout);
  router.get('/overdue', requireLibrarian, loans.overdue);
  router.get('/:id', validateIdParam(), loans.show);
  router.post('/:id/renew', validateIdParam(), loans.renew);
  router.post('/:id/return', validateIdParam(), requireLibrarian, loans.checkin);

  return router;
};
