'use strict';

// Old-style controller: `new LoansController(deps)` hands back a plain object of
// request handlers, so they can be passed around without worrying about `this`.
function LoansController(deps) {
  const { db, loanService, books } = deps;

  function view(loan) {
    const book = books.raw(loan.bookId);
    const branch = db.branches.get(loan.branchId);
    return {
      ...loan,
      title: book ? book.title : null,
      branch: branch ? branch.name : null,
      overdue: loan.status !== 'returned' && Date.parse(loan.dueAt) < Date.now(),
    };
  }

  function list(req, res) {
    const mine = req.member.role !== 'librarian' || req.query.mine === '1';
    const status = req.query.status;
    let rows = db.all('loans', (l) => !mine || l.memberId === req.member.id);
    if (status) rows = rows.filter((l) => l.status === status);
    rows.sort((a, b) => Date.parse(b.checkedOutAt) - Date.parse(a.checkedOutAt));
    res.json({ total: rows.length, items: rows.map(view) });
  }

  function overdue(req, res) {
    const rows = db.all('loans', (l) => l.status === 'overdue');
    res.json({ total: rows.length, items: rows.map(view) });
  }

  function show(req, res) {
    const loan = db.loans.get(db.toId(req.params.id));
    if (!loan) return res.status(404).json({ error: 'not_found', message: 'Loan not found' });
    if (loan.memberId !== req.member.id && req.member.role !== 'librarian') {
      return res.status(403).json({ error: 'forbidden' });
    }
    res.json(view(loan));
  }

  function checkout(req, res) {
    const memberId = req.member.role === 'librarian' && req.body.memberId ? Number(req.body.memberId) : req.member.id;
    const borrower = db.members.get(memberId);
    if (!borrower) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
    const loan = loanService.checkout(borrower, Number(req.body.bookId), Number(req.body.branchId));
    res.status(201).location(`${req.baseUrl}/${loan.id}`).json(view(loan));
  }

  function renew(req, res) {
    const loan = loanService.renew(req.member, db.toId(req.params.id));
    res.json(view(loan));
  }

  function checkin(req, res) {
    const { loan, promotedHoldId } = loanService.checkin(db.toId(req.params.id));
    res.json({ ...view(loan), promotedHoldId });
  }

  return { list, overdue, show, checkout, renew, checkin };
}

module.exports = LoansController;
