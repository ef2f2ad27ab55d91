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

adminApp.get('/stats', (req, res) => {
  const counts = {};
  for (const name of db.collections) counts[name] = db[name].size;
  const loansByStatus = {};
  for (const loan of db.loans.values()) loansByStatus[loan.status] = (loansByStatus[loan.status] || 0) + 1;
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

adminApp.post('/jobs/overdue', (req, res) => {
  const result = loanService.markOverdue();
  res.status(202).json({ job: 'mark-overdue', triggeredBy: req.adminUser, ...result });
});

adminApp.route('/members/:id/status')
  .get((req, res) => {
    const member = db.members.get(db.toId(req.params.id));
    if (!member) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
    res.json({ id: member.id, status: member.status, fines: members.finesFor(member.id) });
  })
  .put(validateBody(['status']), (req, res) => {
    const id = db.toId(req.params.id);
    if (!['active', 'suspended'].includes(req.body.status)) {
      return res.status(422).json({ error: 'invalid_status', allowed: ['active', 'suspended'] });
    }
    const member = db.update('members', id, { status: req.body.status, statusNote: req.body.note || null });
    if (!member) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
    res.json({ id: member.id, status: member.status });
  });

adminApp.get('/export/loans.csv', (req, res) => {
  const header = 'loan_id,book_id,member_id,branch_id,checked_out_at,due_at,returned_at,status';
  const lines = db.all('loans').map((l) =>
    [l.id, l.bookId, l.memberId, l.branchId, l.checkedOutAt, l.dueAt, l.returnedAt || '', l.status].join(','));
  res.attachment(`loans-${new Date().toISOString().slice(0, 10)}.csv`).type('text/csv').send([header, ...lines].join('\n') + '\n');
});

adminApp.post('/reseed', (req, res) => {
  if (process.env.NODE_ENV === 'production') return res.status(403).json({ error: 'disabled_in_production' });
  db.reload();
  catalog.clearCache();
  res.json({ reseeded: true, counts: Object.fromEntries(db.collections.map((n) => [n, db[n].size])) });
});

module.exports = adminApp;
