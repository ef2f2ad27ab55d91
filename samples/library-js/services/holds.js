'use strict';

const db = require('../lib/db');
const notifier = require('../lib/notifier');
const settings = require('../config/settings.json');
const { badRequest, notFound, conflict, forbidden } = require('../lib/errors');

const OPEN = ['waiting', 'ready'];

function queueIn(rows, bookId, branchId) {
  return rows.filter((h) => h.bookId === bookId && h.branchId === branchId && h.status === 'waiting')
    .sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt));
}

async function queueFor(bookId, branchId) {
  return queueIn(await db.all('holds'), bookId, branchId);
}

function positionIn(rows, hold) {
  if (hold.status !== 'waiting') return { ...hold, position: null };
  const position = queueIn(rows, hold.bookId, hold.branchId).findIndex((h) => h.id === hold.id) + 1;
  return { ...hold, position };
}

async function withPosition(hold) {
  if (hold.status !== 'waiting') return { ...hold, position: null };
  return positionIn(await db.all('holds'), hold);
}

// withPosition for a list of holds, with one read of the holds.
async function withPositions(list) {
  if (!list.length) return [];
  const rows = await db.all('holds');
  return list.map((hold) => positionIn(rows, hold));
}

async function listFor(memberId) {
  const rows = await db.all('holds');
  return rows.filter((h) => h.memberId === memberId).map((hold) => positionIn(rows, hold));
}

async function place(member, bookId, branchId) {
  const book = await db.get('books', bookId);
  if (!book) throw notFound('Book');
  if (!book.copies.some((c) => c.branchId === branchId)) {
    throw badRequest('not_stocked', 'That branch does not stock this title');
  }
  const open = await db.all('holds', (h) => h.memberId === member.id && OPEN.includes(h.status));
  if (open.length >= settings.holds.maxActivePerMember) throw conflict('hold_limit', 'Too many open holds');
  if (open.some((h) => h.bookId === bookId)) throw conflict('duplicate_hold', 'You already have a hold on this title');

  const hold = await db.insert('holds', {
    bookId, memberId: member.id, branchId, placedAt: new Date().toISOString(), status: 'waiting', readyUntil: null,
  });
  await notifier.publish('hold:placed', { holdId: hold.id, memberId: member.id, bookId });
  return withPosition(hold);
}

async function cancel(member, holdId) {
  const hold = await db.get('holds', holdId);
  if (!hold) throw notFound('Hold');
  if (hold.memberId !== member.id && member.role !== 'librarian') throw forbidden();
  if (!OPEN.includes(hold.status)) throw conflict('hold_closed', `Hold is already ${hold.status}`);
  return db.update('holds', holdId, { status: 'cancelled' });
}

async function markReady(holdId) {
  const hold = await db.get('holds', holdId);
  if (!hold) throw notFound('Hold');
  if (hold.status !== 'waiting') throw conflict('hold_not_waiting', `Hold is ${hold.status}`);
  const readyUntil = new Date(Date.now() + settings.holds.pickupWindowDays * 86400000).toISOString();
  const updated = await db.update('holds', holdId, { status: 'ready', readyUntil });
  const book = await db.get('books', hold.bookId);
  await notifier.publish('hold:ready', {
    holdId, memberId: hold.memberId, bookId: hold.bookId, title: book ? book.title : undefined, branchId: hold.branchId, readyUntil,
  });
  return updated;
}

// Called when a copy comes back: the first waiting hold at that branch is promoted.
async function promoteNext(bookId, branchId) {
  const [next] = await queueFor(bookId, branchId);
  return next ? markReady(next.id) : null;
}

module.exports = { listFor, place, cancel, markReady, promoteNext, withPosition, withPositions };
