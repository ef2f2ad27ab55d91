'use strict';

const express = require('express');
const settings = require('../config/settings.json');
const members = require('../services/members');
const db = require('../lib/db');
const { validateBody } = require('../middleware/validate');

const router = express.Router();

router.post('/login', validateBody(['cardNumber', 'pin']), async (req, res, next) => {
  const member = await members.authenticate(req.body.cardNumber, req.body.pin);
  if (!member) return res.status(401).json({ error: 'invalid_credentials', message: 'Card number or PIN is wrong' });

  // New session id on login to avoid fixation.
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.memberId = member.id;
    req.session.role = member.role;
    req.session.loggedInAt = Date.now();
    res.json({ member: members.publicView(member) });
  });
});

router.post('/logout', (req, res, next) => {
  if (!req.session.memberId) return res.status(204).end();
  req.session.destroy((err) => {
    if (err) return next(err);
    res.clearCookie(settings.session.name);
    res.status(204).end();
  });
});

router.post('/register', validateBody(['name', 'email', 'pin']), async (req, res) => {
  const { error, member } = await members.register(req.body);
  if (error === 'weak_pin') return res.status(422).json({ error, message: 'PIN must be 4 to 6 digits' });
  if (error) return res.status(409).json({ error, message: 'An account with this email exists' });
  req.session.memberId = member.id;
  req.session.role = member.role;
  res.status(201).json({ member });
});

router.get('/me', async (req, res) => {
  const member = req.session.memberId && await db.get('members', req.session.memberId);
  if (!member) return res.status(401).json({ error: 'unauthenticated' });
  res.json({ member: members.publicView(member), session: { loggedInAt: req.session.loggedInAt } });
});

module.exports = (app) => {
  app.use('/auth', router);
};
