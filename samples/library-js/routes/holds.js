'use strict';

const express = require('express');
const settings = require('../config/settings.json');
const db = require('../lib/db');
const holds = require('../services/holds');
const { requireMember, requireLibrarian } = require('../middleware/auth');
const { validateBody, validateIdParam } = require('../middleware/validate');

const router = express.Router();

router.use(requireMember);

router.get('/', async (req, res) => {
  if (req.member.role === 'librarian' && req.query.all === '1') {
    const items = await holds.withPositions(await db.all('holds', (h) => !req.query.status || h.status === req.query.status));
    return res.json({ total: items.length, items });
  }
  const items = await holds.listFor(req.member.id);
  res.json({ total: items.length, items });
});

router.post('/', validateBody(['bookId', 'branchId']), async (req, res) => {
  const hold = await holds.place(req.member, Number(req.body.bookId), Number(req.body.branchId));
  res.status(201).location(`${req.baseUrl}/${hold.id}`).json(hold);
});

router.delete('/:id', validateIdParam(), async (req, res) => {
  await holds.cancel(req.member, Number(req.params.id));
  res.status(204).end();
});

// Staff pulled the copy from the shelf: tell the member it is waiting for them.
router.post('/:id/ready', validateIdParam(), requireLibrarian, async (req, res) => {
  const hold = await holds.markReady(Number(req.params.id));
  res.json(await holds.withPosition(hold));
});

module.exports = (app) => {
  app.use(`${settings.apiBase}/holds`, router);
};
