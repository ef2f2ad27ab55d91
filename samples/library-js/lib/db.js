'use strict';

// In-memory data store. Every collection is a Map keyed by numeric id, seeded
// from data/seed.json when the process starts. Nothing is persisted: a restart
// brings the seed data back.
const fs = require('fs');
const path = require('path');

const SEED_FILE = process.env.LIBRARY_SEED || path.join(__dirname, '..', 'data', 'seed.json');
const COLLECTIONS = ['branches', 'authors', 'books', 'members', 'loans', 'holds', 'events'];

const db = {};
for (const name of COLLECTIONS) db[name] = new Map();

function load(file) {
  const seed = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const name of COLLECTIONS) {
    db[name].clear();
    for (const row of seed[name] || []) db[name].set(row.id, { ...row });
  }
}

function nextId(name) {
  let max = 0;
  for (const id of db[name].keys()) if (id > max) max = id;
  return max + 1;
}

function insert(name, row) {
  const record = { id: nextId(name), ...row };
  db[name].set(record.id, record);
  return record;
}

function update(name, id, patch) {
  const current = db[name].get(id);
  if (!current) return null;
  const next = { ...current, ...patch, id };
  db[name].set(id, next);
  return next;
}

function all(name, predicate) {
  const rows = Array.from(db[name].values());
  return predicate ? rows.filter(predicate) : rows;
}

function toId(value) {
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? null : n;
}

load(SEED_FILE);

module.exports = Object.assign(db, {
  load,
  reload: () => load(SEED_FILE),
  nextId,
  insert,
  update,
  all,
  toId,
  collections: COLLECTIONS,
});
