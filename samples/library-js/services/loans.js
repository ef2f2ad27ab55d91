'use strict';

const db = require('../lib/db');
const notifier = require('../lib/notifier');
const settings = require('../config/settings.json');
const holds = require('./holds');
const { badRequest, notFound, conflict, forbidden } = require('../lib/errors');

const DAY = 86400000;

async function available(bookId, branchId) {
  const book = await db.get('books', bookId);
  const stock = book && book.copies.find((c) => c.branchId === branchId);
  if (!stock) return 0;
  const out = (await db.all('loans', (l) => l.bookId === bookId && l.branchId === branchId && l.status !== 'returned')).length;
  return stock.total - out;
}

async function checkout(member, bookId, branchId) {
  if (!(await db.get('books', bookId))) throw notFound('Book');
  if (!(await db.get('branches', branchId))) throw badRequest('unknown_branch', `No branch ${branchId}`);
  const active = await db.all('loans', (l) => l.memberId === member.id && l.status !== 'returned');
  if (active.some((l) => l.status === 'overdue')) throw conflict('overdue_items', 'Return overdue items first');
  if (active.length >= settings.loans.maxActivePerMember) throw conflict('loan_limit', 'Loan limit reached');
  if ((await available(bookId, branchId)) < 1) throw conflict('unavailable', 'No copy available at this branch');

  const now = Date.now();
  const loan = await db.insert('loans', {
    bookId, memberId: member.id, branchId,
    checkedOutAt: new Date(now).toISOString(),
    dueAt: new Date(now + settings.loans.periodDays * DAY).toISOString(),
    returnedAt: null, renewals: 0, status: 'active',
  });

  const readyHold = (await db.all('holds', (h) => h.memberId === member.id && h.bookId === bookId && h.status === 'ready'))[0];
  if (readyHold) await db.update('holds', readyHold.id, { status: 'fulfilled' });
  await notifier.publish('loan:created', { loanId: loan.id, memberId: member.id, bookId });
  return loan;
}

async function renew(member, loanId) {
  const loan = await db.get('loans', loanId);
  if (!loan) throw notFound('Loan');
  if (loan.memberId !== member.id && member.role !== 'librarian') throw forbidden();
  if (loan.status === 'returned') throw conflict('loan_closed', 'Loan already returned');
  if (loan.renewals >= settings.loans.maxRenewals) throw conflict('renewal_limit', 'No renewals left');
  const waiting = await db.all('holds', (h) => h.bookId === loan.bookId && h.status === 'waiting');
  if (waiting.length) throw conflict('on_hold', 'Another member is waiting for this title');
  const base = Math.max(Date.now(), Date.parse(loan.dueAt));
  return db.update('loans', loanId, {
    dueAt: new Date(base + settings.loans.periodDays * DAY).toISOString(),
    renewals: loan.renewals + 1,
    status: 'active',
  });
}

async function checkin(loanId) {
  const loan = await db.get('loans', loanId);
  if (!loan) throw notFound('Loan');
  if (loan.status === 'returned') throw conflict('loan_closed', 'Loan already returned');
  const returned = await db.update('loans', loanId, { status: 'returned', returnedAt: new Date().toISOString() });
  const promoted = await holds.promoteNext(loan.bookId, loan.branchId);
  return { loan: returned, promotedHoldId: promoted ? promoted.id : null };
}

async function markOverdue(now = Date.now()) {
  const changed = [];
  for (const loan of await db.all('loans')) {
    if (loan.status === 'active' && Date.parse(loan.dueAt) < now) {
      // Only if it is still active: another process may have renewed or returned it meanwhile.
      const marked = await db.update('loans', loan.id, { status: 'overdue' }, { expect: { status: 'active', dueAt: loan.dueAt } });
      if (!marked) continue;
      changed.push(loan.id);
      await notifier.publish('loan:overdue', { loanId: loan.id, memberId: loan.memberId, bookId: loan.bookId });
    }
  }
  return { checkedAt: new Date(now).toISOString(), marked: changed };
}

module.exports = { available, checkout, renew, checkin, markOverdue };
