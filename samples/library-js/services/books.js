'use strict';

// Book repository over the database (lib/db.js). Routers receive it as `repo`.
module.exports = function createBookRepository(db) {
  function withAuthor(book, author) {
    return { ...book, author: author ? { id: author.id, name: author.name } : null };
  }

  async function decorate(book) {
    return withAuthor(book, await db.get('authors', book.authorId));
  }

  // Decorates a list of books with one read of the authors.
  async function decorateAll(books) {
    if (!books.length) return [];
    const authors = await db.all('authors');
    return books.map((book) => withAuthor(book, authors.find((a) => a.id === book.authorId)));
  }

  function activeLoansFor(bookId) {
    return db.all('loans', (l) => l.bookId === bookId && l.status !== 'returned');
  }

  return {
    async list({ subject, authorId, branchId, page = 1, pageSize = 20 } = {}) {
      let rows = await db.all('books');
      if (subject) rows = rows.filter((b) => b.subjects.includes(subject));
      if (authorId) rows = rows.filter((b) => b.authorId === authorId);
      if (branchId) rows = rows.filter((b) => b.copies.some((c) => c.branchId === branchId));
      rows.sort((a, b) => a.title.localeCompare(b.title));
      const start = (page - 1) * pageSize;
      return { total: rows.length, page, pageSize, items: await decorateAll(rows.slice(start, start + pageSize)) };
    },

    async get(id) {
      const book = await db.get('books', id);
      return book ? decorate(book) : null;
    },

    async raw(id) {
      return (await db.get('books', id)) || null;
    },

    async findByIsbn(isbn) {
      const clean = String(isbn).replace(/-/g, '');
      const book = (await db.all('books')).find((b) => b.isbn === clean);
      return book ? decorate(book) : null;
    },

    async byAuthor(authorId) {
      return decorateAll(await db.all('books', (b) => b.authorId === authorId));
    },

    async create(fields) {
      const book = await db.insert('books', {
        title: String(fields.title).trim(),
        authorId: Number(fields.authorId),
        isbn: fields.isbn ? String(fields.isbn).replace(/-/g, '') : null,
        year: fields.year ? Number(fields.year) : null,
        subjects: Array.isArray(fields.subjects) ? fields.subjects : [],
        copies: Array.isArray(fields.copies) ? fields.copies : [],
        coverFile: null,
      });
      return decorate(book);
    },

    async update(id, fields) {
      const allowed = ['title', 'authorId', 'isbn', 'year', 'subjects', 'copies'];
      const patch = {};
      for (const key of allowed) if (fields[key] !== undefined) patch[key] = fields[key];
      const book = await db.update('books', id, patch);
      return book ? decorate(book) : null;
    },

    async remove(id) {
      if ((await activeLoansFor(id)).length) return { removed: false, reason: 'book_on_loan' };
      return { removed: await db.remove('books', id) };
    },

    setCover(id, filename) {
      return db.update('books', id, { coverFile: filename });
    },

    async availability(id) {
      const book = await db.get('books', id);
      if (!book) return null;
      const [loans, branches] = await Promise.all([activeLoansFor(id), db.all('branches')]);
      return book.copies.map(({ branchId, total }) => {
        const out = loans.filter((l) => l.branchId === branchId).length;
        const branch = branches.find((b) => b.id === branchId);
        return { branchId, branch: branch ? branch.name : null, total, available: Math.max(0, total - out) };
      });
    },
  };
};
