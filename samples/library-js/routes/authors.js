'use strict';

const express = require('express');
const { requireLibrarian } = require('../middleware/auth');
const { validateBody } = require('../middleware/validate');

module.exports = function createAuthorsRouter({ db, repo }) {
  const router = express.Router();

  async function findAuthor(req, res, next) {
    const author = await db.get('authors', db.toId(req.params.id));
    if (!author) return res.status(404).json({ error: 'not_found', message: 'Author not found' });
    req.author = author;
    next();
  }

  router.get('/', async (req, res) => {
    const q = String(req.query.q || '').toLowerCase();
    const authors = (await db.all('authors', (a) => !q || a.name.toLowerCase().includes(q)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const items = await Promise.all(authors.map(async (a) => ({ ...a, books: (await repo.byAuthor(a.id)).length })));
    res.json({ total: items.length, items });
  });

  router.post('/', requireLibrarian, validateBody(['name']), async (req, res) => {
    const { name, born, country, bio } = req.body;
    const author = await db.insert('authors', {
      name: String(name).trim(), born: born ? Number(born) : null, country: country || null, bio: bio || '',
    });
    res.status(201).location(`${req.baseUrl}/${author.id}`).json(author);
  });

  router.get('/:id', findAuthor, async (req, res) => {
    res.json({ ...req.author, books: (await repo.byAuthor(req.author.id)).map((b) => ({ id: b.id, title: b.title, year: b.year })) });
  });

  router.get('/:id/books', findAuthor, async (req, res) => {
    const books = (await repo.byAuthor(req.author.id)).sort((a, b) => (a.year || 0) - (b.year || 0));
    res.json({ authorId: req.author.id, total: books.length, items: books });
  });

  router.patch('/:id', requireLibrarian, findAuthor, async (req, res) => {
    const patch = {};
    for (const key of ['name', 'born', 'country', 'bio']) if (req.body[key] !== undefined) patch[key] = req.body[key];
    if (!Object.keys(patch).length) return res.status(400).json({ error: 'empty_patch' });
    res.json(await db.update('authors', req.author.id, patch));
  });

  return router;
};
