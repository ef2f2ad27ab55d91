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

async function load(req, res) {
  const branch = await db.get('branches', db.toId(req.params.id));
  if (!branch) res.status(404).json({ error: 'not_found', message: 'Branch not found' });
  return branch;
}

exports.list = async (req, res) => {
  const items = (await db.all('branches')).map((b) => ({ id: b.id, name: b.name, address: b.address, openNow: openNow(b) }));
  res.json({ total: items.length, items });
};

exports.show = async (req, res) => {
  const branch = await load(req, res);
  if (!branch) return;
  const titles = await db.all('books', (book) => book.copies.some((c) => c.branchId === branch.id));
  const counts = await Promise.all(titles.map((book) => loanService.available(book.id, branch.id)));
  const onShelf = counts.filter((n) => n > 0).length;
  res.json({ ...branch, openNow: openNow(branch), titles: titles.length, titlesOnShelf: onShelf });
};

exports.update = async (req, res) => {
  const branch = await load(req, res);
  if (!branch) return;
  const { name, address, phone, hours } = req.body;
  res.json(await db.update('branches', branch.id, { name, address, phone: phone || branch.phone, hours: hours || branch.hours }));
};

exports.remove = async (req, res) => {
  const branch = await load(req, res);
  if (!branch) return;
  const stocked = await db.all('books', (book) => book.copies.some((c) => c.branchId === branch.id));
  if (stocked.length) {
    return res.status(409).json({ error: 'branch_has_stock', message: `Move ${stocked.length} titles first` });
  }
  await db.remove('branches', branch.id);
  res.status(204).end();
};
