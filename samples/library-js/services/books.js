'use strict';

// Book repository over the in-memory store. Routers receive it as `repo`.
module.exports = function createBookRepository(db) {
  function decorate(book) {
    const author = db.authors.get(book.authorId);
    return { ...book, author: author ? { id: author.id, name: author.name } : null };
  }

  function activeLoansFor(bookId) {
    return db.all('loans', (l) => l.bookId === bookId && l.status !== 'returned');
  }

  return {
    list({ subject, authorId, branchId, page = 1, pageSize = 20 } = {}) {
      let rows = db.all('books');
      if (subject) rows = rows.filter((b) => b.subjects.includes(subject));
      if (authorId) rows = rows.filter((b) => b.authorId === authorId);
      if (branchId) rows = rows.filter((b) => b.copies.some((c) => c.branchId === branchId));
      rows.sort((a, b) => a.title.localeCompare(b.title));
      const start = (page - 1) * pageSize;
      return { total: rows.length, page, pageSize, items: rows.slice(start, start + pageSize).map(decorate) };
    },

    get(id) {
      const book = db.books.get(id);
      return book ? decorate(book) : null;
    },

    raw(id) {
      return db.books.get(id) || null;
    },

    findByIsbn(isbn) {
      const clean = String(isbn).replace(/-/g, '');
      const book = db.all('books').find((b) => b.isbn === clean);
      return book ? decorate(book) : null;
    },

    byAuthor(authorId) {
      return db.all('books', (b) => b.authorId === authorId).map(decorate);
    },

    create(fields) {
      const book = db.insert('books', {
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

    update(id, fields) {
      const allowed = ['title', 'authorId', 'isbn', 'year', 'subjects', 'copies'];
      const patch = {};
      for (const key of allowed) if (fields[key] !== undefined) patch[key] = fields[key];
      const book = db.update('books', id, patch);
      return book ? decorate(book) : null;
    },

    remove(id) {
      if (activeLoansFor(id).length) return { removed: false, reason: 'book_on_loan' };
      return { removed: db.books.delete(id) };
    },

    setCover(id, filename) {
      return db.update('books', id, { coverFile: filename });
    },

    availability(id) {
      const book = db.books.get(id);
      if (!book) return null;
      const loans = activeLoansFor(id);
      return book.copies.map(({ branchId, total }) => {
        const out = loans.filter((l) => l.branchId === branchId).length;
        const branch = db.branches.get(branchId);
        return { branchId, branch: branch ? branch.name : null, total, available: Math.max(0, total - out) };
      });
    },
  };
};
