'use strict';

const db = require('../lib/db');
const notifier = require('../lib/notifier');
const settings = require('../config/settings.json');
const holds = require('./holds');
const { badRequest, notFound, conflict, forbidden } = require('../lib/errors');

const DAY = 86400000;

function available(bookId, branchId) {
  const book = db.books.get(bookId);
  const stock = book && book.copies.find((c) => c.branchId === branchId);
  if (!stock) return 0;
  const out = db.all('loans', (l) => l.bookId === bookId && l.branchId === branchId && l.status !== 'returned').length;
  return stock.total - out;
}

function checkout(member, bookId, branchId) {
  if (!db.books.get(bookId)) throw notFound('Book');
  if (!db.branches.get(branchId)) throw badRequest('unknown_branch', `No branch ${branchId}`);
  const active = db.all('loans', (l) => l.memberId === member.id && l.status !== 'returned');
  if (active.some((l) => l.status === 'overdue')) throw conflict('overdue_items', 'Return overdue items first');
  if (active.length >= settings.loans.maxActivePerMember) throw conflict('loan_limit', 'Loan limit reached');
  if (available(bookId, branchId) < 1) throw conflict('unavailable', 'No copy available at this branch');

  const now = Date.now();
  const loan = db.insert('loans', {
    bookId, memberId: member.id, branchId,
    checkedOutAt: new Date(now).toISOString(),
    dueAt: new Date(now + settings.loans.periodDays * DAY).toISOString(),
    returnedAt: null, renewals: 0, status: 'active',
  });

  const readyHold = db.all('holds', (h) => h.memberId === member.id && h.bookId === bookId && h.status === 'ready')[0];
  if (readyHold) db.update('holds', readyHold.id, { status: 'fulfilled' });
  notifier.publish('loan:created', { loanId: loan.id, memberId: member.id, bookId });
  return loan;
}

function renew(member, loanId) {
  const loan = db.loans.get(loanId);
  if (!loan) throw notFound('Loan');
  if (loan.memberId !== member.id && member.role !== 'librarian') throw forbidden();
  if (loan.status === 'returned') throw conflict('loan_closed', 'Loan already returned');
  if (loan.renewals >= settings.loans.maxRenewals) throw conflict('renewal_limit', 'No renewals left');
  const waiting = db.all('holds', (h) => h.bookId === loan.bookId && h.status === 'waiting');
  if (waiting.length) throw conflict('on_hold', 'Another member is waiting for this title');
  const base = Math.max(Date.now(), Date.parse(loan.dueAt));
  return db.update('loans', loanId, {
    dueAt: new Date(base + settings.loans.periodDays * DAY).toISOString(),
    renewals: loan.renewals + 1,
    status: 'active',
  });
}

function checkin(loanId) {
  const loan = db.loans.get(loanId);
  if (!loan) throw notFound('Loan');
  if (loan.status === 'returned') throw conflict('loan_closed', 'Loan already returned');
  const returned = db.update('loans', loanId, { status: 'returned', returnedAt: new Date().toISOString() });
  const promoted = holds.promoteNext(loan.bookId, loan.branchId);
  return { loan: returned, promotedHoldId: promoted ? promoted.id : null };
}

function markOverdue(now = Date.now()) {
  const changed = [];
  for (const loan of db.loans.values()) {
    if (loan.status === 'active' && Date.parse(loan.dueAt) < now) {
      db.update('loans', loan.id, { status: 'overdue' });
      changed.push(loan.id);
      notifier.publish('loan:overdue', { loanId: loan.id, memberId: loan.memberId, bookId: loan.bookId });
    }
  }
  return { checkedAt: new Date(now).toISOString(), marked: changed };
}

module.exports = { available, checkout, renew, checkin, markOverdue };
