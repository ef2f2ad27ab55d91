'use strict';

// Drops and recreates the tables, then loads src/data/seed.json: `npm run db:reset`, and
// cleave verify's setup and reset (each side starts from the same data).
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const TABLES = ['users', 'categories', 'products', 'reviews', 'coupons', 'carts', 'orders', 'password_resets'];

async function main() {
  const seed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'src', 'data', 'seed.json'), 'utf8'));
  const client = new Client({ connectionString: process.env.DATABASE_URL || 'postgres://localhost:5432/shop' });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const table of TABLES) {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(`CREATE TABLE ${table} (id text PRIMARY KEY, seq bigserial NOT NULL, data jsonb NOT NULL)`);
      for (const row of seed[table] || []) {
        await client.query(`INSERT INTO ${table} (id, data) VALUES ($1, $2)`, [row.id, JSON.stringify(row)]);
      }
    }
    // express-session's rows (connect-pg-simple's table.sql): sessions shared by every process.
    await client.query('DROP TABLE IF EXISTS session');
    await client.query('CREATE TABLE session (sid varchar NOT NULL PRIMARY KEY, sess json NOT NULL, expire timestamp(6) NOT NULL)');
    await client.query('CREATE INDEX session_expire ON session (expire)');
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(`scripts/db-reset.js: ${error.message}`);
  process.exit(1);
});
