'use strict';

const db = require('../lib/db');
const loanService = require('../services/loans');

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function openNow(branch, now = new Date()) {
  const hours = branch.hours[DAYS[now.getDay()]];
  if (!hours) return false;
  const [open, close] = hours.split('-');
  const hhmm = now.toTimeString().slice(0, 5);
  return hhmm >= open && hhmm < close;
}

function load(req, res) {
  const branch = db.branches.get(db.toId(req.params.id));
  if (!branch) res.status(404).json({ error: 'not_found', message: 'Branch not found' });
  return branch;
}

exports.list = (req, res) => {
  const items = db.all('branches').map((b) => ({ id: b.id, name: b.name, address: b.address, openNow: openNow(b) }));
  res.json({ total: items.length, items });
};

exports.show = (req, res) => {
  const branch = load(req, res);
  if (!branch) return;
  const titles = db.all('books', (book) => book.copies.some((c) => c.branchId === branch.id));
  const onShelf = titles.filter((book) => loanService.available(book.id, branch.id) > 0).length;
  res.json({ ...branch, openNow: openNow(branch), titles: titles.length, titlesOnShelf: onShelf });
};

exports.update = (req, res) => {
  const branch = load(req, res);
  if (!branch) return;
  const { name, address, phone, hours } = req.body;
  res.json(db.update('branches', branch.id, { name, address, phone: phone || branch.phone, hours: hours || branch.hours }));
};

exports.remove = (req, res) => {
  const branch = load(req, res);
  if (!branch) return;
  const stocked = db.all('books', (book) => book.copies.some((c) => c.branchId === branch.id));
  if (stocked.length) {
    return res.status(409).json({ error: 'branch_has_stock', message: `Move ${stocked.length} titles first` });
  }
  db.branches.delete(branch.id);
  res.status(204).end();
};
