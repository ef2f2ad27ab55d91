'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const catalog = require('../services/catalog');
const { requireLibrarian } = require('../middleware/auth');
const { validateBody } = require('../middleware/validate');
const { coverUpload, COVERS_DIR } = require('../lib/uploads');

module.exports = function createBooksRouter(deps) {
  const { repo, settings } = deps;
  const router = express.Router();
  const pageSize = settings.catalog.pageSize;

  router.get(['/search', '/find'], async (req, res) => {
    const q = req.query.q || req.query.title;
    if (!q || String(q).trim().length < 2) {
      return res.status(400).json({ error: 'query_too_short', message: 'Use at least two characters' });
    }
    const { query, cached, results } = await catalog.search(q);
    res.set('X-Cache', cached ? 'HIT' : 'MISS').json({ query, total: results.length, results });
  });

  router.get('/search/trending', (req, res) => {
    const limit = Math.min(Number(req.query.limit) || 10, 50);
    res.json({ trending: catalog.trending(limit) });
  });

  router.get('/', async (req, res) => {
    const page = Math.max(1, Number.parseInt(req.query.page, 10) || 1);
    res.json(await repo.list({
      subject: req.query.subject,
      authorId: req.query.author ? Number(req.query.author) : undefined,
      branchId: req.query.branch ? Number(req.query.branch) : undefined,
      page,
      pageSize,
    }));
  });

  router.post('/', requireLibrarian, validateBody(['title', 'authorId']), async (req, res) => {
    if (!(await deps.db.has('authors', Number(req.body.authorId)))) {
      return res.status(422).json({ error: 'unknown_author', authorId: req.body.authorId });
    }
    const book = await repo.create(req.body);
    res.status(201).location(`${req.baseUrl}/${book.id}`).json(book);
  });

  router.param('id', (req, res, next, value) => {
    if (!/^\d+$/.test(value)) return res.status(400).json({ error: 'invalid_id', message: 'Book id must be numeric' });
    req.bookId = Number(value);
    next();
  });

  router.route('/:id')
    .get(async (req, res) => {
      const book = await repo.get(req.bookId);
      if (!book) return res.status(404).json({ error: 'not_found', message: 'Book not found' });
      res.json({ ...book, availability: await repo.availability(req.bookId) });
    })
    .put(requireLibrarian, validateBody(['title', 'authorId']), async (req, res) => {
      const book = await repo.update(req.bookId, req.body);
      if (!book) return res.status(404).json({ error: 'not_found', message: 'Book not found' });
      res.json(book);
    })
    .delete(requireLibrarian, async (req, res) => {
      const result = await repo.remove(req.bookId);
      if (result.reason) return res.status(409).json({ error: result.reason });
      if (!result.removed) return res.status(404).json({ error: 'not_found', message: 'Book not found' });
      res.status(204).end();
    });

  router.get('/:id/availability', async (req, res) => {
    const availability = await repo.availability(req.bookId);
    if (!availability) return res.status(404).json({ error: 'not_found', message: 'Book not found' });
    res.json({ bookId: req.bookId, branches: availability });
  });

  router.post('/:id/cover', requireLibrarian, coverUpload.single('cover'), async (req, res) => {
    if (!req.file) return res.status(400).json({ error: 'missing_file', message: 'Send the image as field "cover"' });
    const book = await repo.raw(req.bookId);
    if (!book) {
      await fs.promises.unlink(req.file.path).catch(() => {});
      return res.status(404).json({ error: 'not_found', message: 'Book not found' });
    }
    if (book.coverFile) await fs.promises.unlink(path.join(COVERS_DIR, book.coverFile)).catch(() => {});
    await repo.setCover(req.bookId, req.file.filename);
    res.status(201).json({ bookId: req.bookId, cover: `${req.baseUrl}/${req.bookId}/cover`, bytes: req.file.size });
  });

  router.get('/:id/cover', async (req, res, next) => {
    const book = await repo.raw(req.bookId);
    if (!book || !book.coverFile) return res.status(404).json({ error: 'not_found', message: 'No cover for this book' });
    res.set('Cache-Control', 'public, max-age=86400');
    res.sendFile(book.coverFile, { root: COVERS_DIR }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });

  return router;
};
