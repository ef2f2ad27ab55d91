'use strict';

const express = require('express');
const settings = require('../config/settings.json');
const db = require('../lib/db');
const members = require('../services/members');
const holds = require('../services/holds');
const { requireMember, requireLibrarian, selfOrLibrarian } = require('../middleware/auth');
const { validateIdParam } = require('../middleware/validate');

const router = express.Router();

router.use(requireMember);

router.get('/', requireLibrarian, async (req, res) => {
  const status = req.query.status;
  const items = (await db.all('members', (m) => !status || m.status === status)).map(members.publicView);
  res.json({ total: items.length, items });
});

router.get('/:id', validateIdParam(), selfOrLibrarian, async (req, res) => {
  const member = await db.get('members', Number(req.params.id));
  if (!member) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
  res.json(members.publicView(member));
});

router.patch('/:id', validateIdParam(), selfOrLibrarian, async (req, res) => {
  const id = Number(req.params.id);
  if (!(await db.has('members', id))) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
  const editable = req.member.role === 'librarian' ? ['name', 'email', 'homeBranchId', 'status'] : ['name', 'email', 'homeBranchId'];
  const patch = {};
  for (const key of editable) if (req.body[key] !== undefined) patch[key] = req.body[key];
  if (req.body.pin !== undefined) {
    if (!/^\d{4,6}$/.test(String(req.body.pin))) return res.status(422).json({ error: 'weak_pin' });
    patch.pinHash = members.hashPin(req.body.pin);
  }
  res.json(members.publicView(await db.update('members', id, patch)));
});

router.get('/:id/loans', validateIdParam(), selfOrLibrarian, async (req, res) => {
  const id = Number(req.params.id);
  const includeReturned = req.query.history === '1';
  const items = await db.all('loans', (l) => l.memberId === id && (includeReturned || l.status !== 'returned'));
  res.json({ memberId: id, total: items.length, items });
});

router.get('/:id/holds', validateIdParam(), selfOrLibrarian, async (req, res) => {
  const id = Number(req.params.id);
  const items = await holds.listFor(id);
  res.json({ memberId: id, total: items.length, items });
});

router.get('/:id/fines', validateIdParam(), selfOrLibrarian, async (req, res) => {
  res.json(await members.finesFor(Number(req.params.id)));
});

module.exports = (app) => {
  app.use(settings.apiBase + '/members', router);
};
