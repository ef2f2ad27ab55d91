'use strict';

// Staff back office, mounted by app.js under settings.adminBase. It is its own
// express() application so it can carry its own auth and settings.
const express = require('express');
const db = require('../lib/db');
const catalog = require('../services/catalog');
const loanService = require('../services/loans');
const members = require('../services/members');
const { stats } = require('../lib/logger');
const basicAuth = require('../middleware/basicAuth');
const { validateBody } = require('../middleware/validate');

const adminApp = express();

adminApp.set('json spaces', 2);
adminApp.use(basicAuth({ realm: 'Library Back Office' }));
adminApp.use(express.urlencoded({ extended: false }));
adminApp.use((req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
});

adminApp.get('/stats', async (req, res) => {
  const counts = {};
  for (const name of db.collections) counts[name] = await db.count(name);
  const loansByStatus = {};
  for (const loan of await db.all('loans')) loansByStatus[loan.status] = (loansByStatus[loan.status] || 0) + 1;
  res.json({
    requests: stats,
    counts,
    loansByStatus,
    searchCache: catalog.cacheStats(),
    memory: process.memoryUsage().rss,
    uptimeSeconds: Math.round(process.uptime()),
  });
});

adminApp.get('/cache', (req, res) => {
  res.json({ ...catalog.cacheStats(), top: catalog.trending(25) });
});

adminApp.delete('/cache', (req, res) => {
  res.json({ cleared: catalog.clearCache() });
});

adminApp.post('/jobs/overdue', async (req, res) => {
  const result = await loanService.markOverdue();
  res.status(202).json({ job: 'mark-overdue', triggeredBy: req.adminUser, ...result });
});

adminApp.route('/members/:id/status')
  .get(async (req, res) => {
    const member = await db.get('members', db.toId(req.params.id));
    if (!member) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
    res.json({ id: member.id, status: member.status, fines: await members.finesFor(member.id) });
  })
  .put(validateBody(['status']), async (req, res) => {
    const id = db.toId(req.params.id);
    if (!['active', 'suspended'].includes(req.body.status)) {
      return res.status(422).json({ error: 'invalid_status', allowed: ['active', 'suspended'] });
    }
    const member = await db.update('members', id, { status: req.body.status, statusNote: req.body.note || null });
    if (!member) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
    res.json({ id: member.id, status: member.status });
  });

adminApp.get('/export/loans.csv', async (req, res) => {
  const header = 'loan_id,book_id,member_id,branch_id,checked_out_at,due_at,returned_at,status';
  const lines = (await db.all('loans')).map((l) =>
    [l.id, l.bookId, l.memberId, l.branchId, l.checkedOutAt, l.dueAt, l.returnedAt || '', l.status].join(','));
  res.attachment(`loans-${new Date().toISOString().slice(0, 10)}.csv`).type('text/csv').send([header, ...lines].join('\n') + '\n');
});

adminApp.post('/reseed', async (req, res) => {
  if (process.env.NODE_ENV === 'production') return res.status(403).json({ error: 'disabled_in_production' });
  await db.reseed();
  catalog.clearCache();
  const counts = {};
  for (const name of db.collections) counts[name] = await db.count(name);
  res.json({ reseeded: true, counts });
});

module.exports = adminApp;
