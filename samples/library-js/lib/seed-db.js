'use strict';

// Schema and seed data of the library database, shared by scripts/db-reset.js (`npm run db:reset`,
// cleave verify's setup and reset) and POST /admin/reseed (lib/db.js reseed()). Every collection is
// one table `(id integer PRIMARY KEY, data jsonb NOT NULL)`: `data` is the whole row, `id` included.
// The app never runs this by itself at startup.
const fs = require('fs');
const path = require('path');

const COLLECTIONS = ['branches', 'authors', 'books', 'members', 'loans', 'holds', 'events'];
// A file shipped with the code, unless the deployment names another.
const SEED_FILE = process.env.LIBRARY_SEED || path.join(__dirname, '..', 'data', 'seed.json');

function readSeed() {
  return JSON.parse(fs.readFileSync(SEED_FILE, 'utf8'));
}

// Drops and recreates every table and loads `seed` into it, in one transaction on `client` (a pg
// Client or a client checked out of a Pool). Returns the number of rows loaded per collection.
async function resetDatabase(client, seed) {
  const counts = {};
  await client.query('BEGIN');
  try {
    for (const name of COLLECTIONS) {
      const rows = (seed && seed[name]) || [];
      await client.query(`DROP TABLE IF EXISTS ${name}`);
      await client.query(`CREATE TABLE ${name} (id integer PRIMARY KEY, data jsonb NOT NULL)`);
      if (rows.length) {
        await client.query(
          `INSERT INTO ${name} (id, data) SELECT (r ->> 'id')::integer, r FROM jsonb_array_elements($1::jsonb) AS r`,
          [JSON.stringify(rows)],
        );
      }
      counts[name] = rows.length;
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  return counts;
}

module.exports = { COLLECTIONS, SEED_FILE, readSeed, resetDatabase };
