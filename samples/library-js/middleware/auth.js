'use strict';

const db = require('../lib/db');

// Loads the signed-in member from the session into req.member.
async function requireMember(req, res, next) {
  const memberId = req.session && req.session.memberId;
  if (!memberId) {
    return res.status(401).json({ error: 'unauthenticated', message: 'Sign in with your library card first' });
  }
  const member = await db.get('members', memberId);
  if (!member) {
    req.session.destroy(() => {});
    return res.status(401).json({ error: 'unauthenticated', message: 'Session refers to an unknown member' });
  }
  if (member.status === 'suspended' && req.method !== 'GET') {
    return res.status(403).json({ error: 'member_suspended', message: 'Card is suspended; please visit a branch' });
  }
  req.member = member;
  next();
}

async function requireLibrarian(req, res, next) {
  const member = req.member || (req.session && await db.get('members', req.session.memberId));
  if (!member) return res.status(401).json({ error: 'unauthenticated' });
  if (member.role !== 'librarian') {
    return res.status(403).json({ error: 'forbidden', message: 'Librarian access required' });
  }
  req.member = member;
  next();
}

// Members may read their own records; librarians may read anyone's.
function selfOrLibrarian(req, res, next) {
  const target = db.toId(req.params.id);
  if (req.member.role === 'librarian' || req.member.id === target) return next();
  res.status(403).json({ error: 'forbidden', message: 'You can only view your own account' });
}

module.exports = { requireMember, requireLibrarian, selfOrLibrarian };
