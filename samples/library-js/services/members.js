'use strict';

const crypto = require('crypto');
const db = require('../lib/db');
const settings = require('../config/settings.json');

function hashPin(pin) {
  return crypto.createHash('sha256').update(`library:${pin}`).digest('hex');
}

function publicView(member) {
  if (!member) return null;
  const { pinHash, ...rest } = member;
  return rest;
}

async function authenticate(cardNumber, pin) {
  const member = (await db.all('members')).find((m) => m.cardNumber === String(cardNumber));
  if (!member) return null;
  const given = Buffer.from(hashPin(pin));
  const stored = Buffer.from(member.pinHash);
  return given.length === stored.length && crypto.timingSafeEqual(given, stored) ? member : null;
}

async function register({ name, email, pin, homeBranchId }) {
  if (!/^\d{4,6}$/.test(String(pin))) return { error: 'weak_pin' };
  if ((await db.all('members')).some((m) => m.email.toLowerCase() === String(email).toLowerCase())) {
    return { error: 'email_taken' };
  }
  const expectedId = await db.nextId('members');
  const cardNumber = String(2100000 + expectedId);
  let member = await db.insert('members', {
    cardNumber,
    name: String(name).trim(),
    email: String(email).trim(),
    role: 'member',
    status: 'active',
    homeBranchId: Number(homeBranchId) || 1,
    joinedAt: new Date().toISOString().slice(0, 10),
    pinHash: hashPin(pin),
  });
  // Another registration took that id meanwhile: the card number follows the id the row got.
  if (member.id !== expectedId) member = await db.update('members', member.id, { cardNumber: String(2100000 + member.id) });
  return { member: publicView(member) };
}

async function finesFor(memberId, now = Date.now()) {
  const { finePerDayCents, maxFineCents } = settings.loans;
  const lines = (await db.all('loans', (l) => l.memberId === memberId && l.status !== 'returned'))
    .map((loan) => {
      const lateDays = Math.floor((now - Date.parse(loan.dueAt)) / 86400000);
      return { loanId: loan.id, bookId: loan.bookId, lateDays, cents: lateDays > 0 ? Math.min(lateDays * finePerDayCents, maxFineCents) : 0 };
    })
    .filter((line) => line.cents > 0);
  return { memberId, totalCents: lines.reduce((n, l) => n + l.cents, 0), lines };
}

module.exports = { hashPin, publicView, authenticate, register, finesFor };
