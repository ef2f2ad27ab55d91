'use strict';

const db = require('../lib/db');
const settings = require('../config/settings.json');

// Search results are cached per normalised query for the life of the process.
// The trending endpoint and the admin dashboard read the same cache.
const searchCache = new Map();
const MAX_ENTRIES = settings.catalog.searchCacheSize;

function normalise(q) {
  return String(q || '').trim().toLowerCase().replace(/\s+/g, ' ');
}

function score(book, terms, authors) {
  const author = authors.find((a) => a.id === book.authorId);
  const haystack = [book.title, author && author.name, book.isbn, ...book.subjects].join(' ').toLowerCase();
  return terms.reduce((n, t) => n + (haystack.includes(t) ? 1 : 0), 0);
}

async function search(q) {
  const key = normalise(q);
  const cached = searchCache.get(key);
  if (cached) {
    cached.hits += 1;
    cached.lastHitAt = Date.now();
    return { query: key, cached: true, results: cached.results };
  }

  const terms = key.split(' ').filter(Boolean);
  const [books, authors] = await Promise.all([db.all('books'), db.all('authors')]);
  const results = books
    .map((book) => ({ book, score: score(book, terms, authors) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.book.title.localeCompare(b.book.title))
    .map(({ book, score: s }) => ({ id: book.id, title: book.title, authorId: book.authorId, year: book.year, score: s }));

  if (!searchCache.has(key) && searchCache.size >= MAX_ENTRIES) {
    const oldest = searchCache.keys().next().value;
    searchCache.delete(oldest);
  }
  searchCache.set(key, { results, hits: 1, createdAt: Date.now(), lastHitAt: Date.now() });
  return { query: key, cached: false, results };
}

function trending(limit = 10) {
  return Array.from(searchCache.entries())
    .map(([query, entry]) => ({ query, hits: entry.hits, results: entry.results.length }))
    .sort((a, b) => b.hits - a.hits)
    .slice(0, limit);
}

function cacheStats() {
  let hits = 0;
  for (const entry of searchCache.values()) hits += entry.hits;
  return { entries: searchCache.size, maxEntries: MAX_ENTRIES, hits };
}

function clearCache() {
  const cleared = searchCache.size;
  searchCache.clear();
  return cleared;
}

module.exports = { search, trending, cacheStats, clearCache, normalise };
