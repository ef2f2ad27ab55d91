'use strict';

// Drops and recreates the library's tables and loads data/seed.json (or $LIBRARY_SEED) in one
// transaction: `npm run db:reset`, and cleave verify's setup and reset (each side starts from the
// same data). DATABASE_URL names the database.
const { Client } = require('pg');
const { SEED_FILE, readSeed, resetDatabase } = require('../lib/seed-db');

function describe(error) {
  // A refused connection to a host with several addresses is an AggregateError without a message.
  const inner = error && Array.isArray(error.errors) && error.errors[0];
  const text = (error && (error.message || error.code)) || (inner && (inner.message || inner.code)) || String(error);
  return String(text).replace(/\s+/g, ' ').trim();
}

async function main() {
  const seed = readSeed();
  const client = new Client({ connectionString: process.env.DATABASE_URL || 'postgres://localhost:5432/library' });
  await client.connect();
  try {
    const counts = await resetDatabase(client, seed);
    const summary = Object.entries(counts).map(([name, n]) => `${n} ${name}`).join(', ');
    console.log(`scripts/db-reset.js: loaded ${summary} from ${SEED_FILE}`);
  } finally {
    await client.end().catch(() => {});
  }
}

main().catch((error) => {
  console.error(`scripts/db-reset.js: ${describe(error)}`);
  process.exit(1);
});
