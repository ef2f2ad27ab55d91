'use strict';

// The library's data, in PostgreSQL. Every collection is one table `(id integer PRIMARY KEY,
// data jsonb NOT NULL)`, created and seeded by scripts/db-reset.js (`npm run db:reset`, schema and
// seed in lib/seed-db.js). Every process shares the same rows: nothing is kept in memory here.
// Rows come back in id order, which is the seed's order with inserted rows last.
const { Pool } = require('pg');
const { COLLECTIONS, readSeed, resetDatabase } = require('./seed-db');

// One pool per process, created when this module loads; it connects on the first query.
const pool = new Pool({
  connectionString: process.env.DATABASE_URL || 'postgres://localhost:5432/library',
  max: Number(process.env.DB_POOL_SIZE || 5),
});

pool.on('error', (err) => {
  // An idle client lost its connection (the server restarted); the pool replaces it.
  console.error(`[db] idle database client failed: ${err.message}`);
});

// jsonb does not keep the order of an object's keys, so rows are handed back with their fields in
// the order the app has always written them (the seed's order; keys added later come last).
const FIELDS = {
  branches: ['id', 'name', 'address', 'phone', 'hours'],
  authors: ['id', 'name', 'born', 'country', 'bio'],
  books: ['id', 'title', 'authorId', 'isbn', 'year', 'subjects', 'copies', 'coverFile'],
  members: ['id', 'cardNumber', 'name', 'email', 'role', 'status', 'homeBranchId', 'joinedAt', 'pinHash', 'statusNote'],
  loans: ['id', 'bookId', 'memberId', 'branchId', 'checkedOutAt', 'dueAt', 'returnedAt', 'renewals', 'status'],
  holds: ['id', 'bookId', 'memberId', 'branchId', 'placedAt', 'status', 'readyUntil'],
  events: ['id', 'title', 'branchId', 'startsAt', 'capacity', 'rsvps'],
};
const NESTED = {
  hours: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], // branches.hours
  copies: ['branchId', 'total'], // books.copies[]
};

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function orderKeys(value, keys) {
  if (!isPlainObject(value)) return value;
  const out = {};
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = value[key];
  for (const key of Object.keys(value)) if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value[key];
  return out;
}

function toRow(name, { id, data }) {
  const row = orderKeys({ ...data, id }, FIELDS[name]);
  if (name === 'branches' && isPlainObject(row.hours)) row.hours = orderKeys(row.hours, NESTED.hours);
  if (name === 'books' && Array.isArray(row.copies)) row.copies = row.copies.map((c) => orderKeys(c, NESTED.copies));
  return row;
}

function table(name) {
  if (!COLLECTIONS.includes(name)) throw new Error(`Unknown collection ${name}`);
  return name;
}

// Ids are integers; anything else (a string, NaN, a number beyond the column's range) names no row,
// as it named no key of the Maps this store used to be.
function isId(id) {
  return Number.isInteger(id) && id >= -2147483648 && id <= 2147483647;
}

async function get(name, id) {
  table(name);
  if (!isId(id)) return null;
  const { rows } = await pool.query(`SELECT id, data FROM ${name} WHERE id = $1`, [id]);
  return rows.length ? toRow(name, rows[0]) : null;
}

async function has(name, id) {
  table(name);
  if (!isId(id)) return false;
  const { rows } = await pool.query(`SELECT 1 FROM ${name} WHERE id = $1`, [id]);
  return rows.length > 0;
}

async function all(name, predicate) {
  table(name);
  const { rows } = await pool.query(`SELECT id, data FROM ${name} ORDER BY id`);
  const records = rows.map((r) => toRow(name, r));
  return predicate ? records.filter(predicate) : records;
}

async function count(name) {
  table(name);
  const { rows } = await pool.query(`SELECT count(*)::integer AS n FROM ${name}`);
  return rows[0].n;
}

async function nextId(name) {
  table(name);
  const { rows } = await pool.query(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${name}`);
  return rows[0].id;
}

// The new row gets the next id (max + 1) in the same statement; two processes inserting at once
// may pick the same one, and the one that loses retries.
async function insert(name, row) {
  table(name);
  const fields = { ...row };
  delete fields.id; // the id is the table's to give
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { rows } = await pool.query(
        `INSERT INTO ${name} (id, data)
         SELECT n.id, jsonb_build_object('id', n.id) || $1::jsonb
           FROM (SELECT coalesce(max(id), 0) + 1 AS id FROM ${name}) AS n
         RETURNING id, data`,
        [JSON.stringify(fields)],
      );
      return toRow(name, rows[0]);
    } catch (err) {
      if (err.code !== '23505' || attempt >= 5) throw err; // unique_violation: another insert took the id
    }
  }
}

// Merges `patch` into the row's top-level fields. With `expect`, only a row whose data contains
// those fields (jsonb @>) is changed. Returns the updated row, or null.
async function update(name, id, patch, { expect } = {}) {
  table(name);
  if (!isId(id)) return null;
  const params = [id, JSON.stringify({ ...patch, id })];
  let sql = `UPDATE ${name} SET data = data || $2::jsonb WHERE id = $1`;
  if (expect) {
    params.push(JSON.stringify(expect));
    sql += ' AND data @> $3::jsonb';
  }
  const { rows } = await pool.query(`${sql} RETURNING id, data`, params);
  return rows.length ? toRow(name, rows[0]) : null;
}

async function remove(name, id) {
  table(name);
  if (!isId(id)) return false;
  const { rowCount } = await pool.query(`DELETE FROM ${name} WHERE id = $1`, [id]);
  return rowCount > 0;
}

function toId(value) {
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? null : n;
}

// Back to the seed (POST /admin/reseed): the same reset as scripts/db-reset.js.
async function reseed() {
  const seed = readSeed();
  const client = await pool.connect();
  try {
    return await resetDatabase(client, seed);
  } finally {
    client.release();
  }
}

module.exports = {
  pool,
  collections: COLLECTIONS,
  get,
  has,
  all,
  count,
  nextId,
  insert,
  update,
  remove,
  toId,
  reseed,
};
