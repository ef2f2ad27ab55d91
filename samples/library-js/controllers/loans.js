'use strict';

// Old-style controller: `new LoansController(deps)` hands back a plain object of
// request handlers, so they can be passed around without worrying about `this`.
function LoansController(deps) {
  const { db, loanService, books } = deps;

  async function view(loan) {
    const [book, branch] = await Promise.all([books.raw(loan.bookId), db.get('branches', loan.branchId)]);
    return {
      ...loan,
      title: book ? book.title : null,
      branch: branch ? branch.name : null,
      overdue: loan.status !== 'returned' && Date.parse(loan.dueAt) < Date.now(),
    };
  }

  async function list(req, res) {
    const mine = req.member.role !== 'librarian' || req.query.mine === '1';
    const status = req.query.status;
    let rows = await db.all('loans', (l) => !mine || l.memberId === req.member.id);
    if (status) rows = rows.filter((l) => l.status === status);
    rows.sort((a, b) => Date.parse(b.checkedOutAt) - Date.parse(a.checkedOutAt));
    res.json({ total: rows.length, items: await Promise.all(rows.map(view)) });
  }

  async function overdue(req, res) {
    const rows = await db.all('loans', (l) => l.status === 'overdue');
    res.json({ total: rows.length, items: await Promise.all(rows.map(view)) });
  }

  async function show(req, res) {
    const loan = await db.get('loans', db.toId(req.params.id));
    if (!loan) return res.status(404).json({ error: 'not_found', message: 'Loan not found' });
    if (loan.memberId !== req.member.id && req.member.role !== 'librarian') {
      return res.status(403).json({ error: 'forbidden' });
    }
    res.json(await view(loan));
  }

  async function checkout(req, res) {
    const memberId = req.member.role === 'librarian' && req.body.memberId ? Number(req.body.memberId) : req.member.id;
    const borrower = await db.get('members', memberId);
    if (!borrower) return res.status(404).json({ error: 'not_found', message: 'Member not found' });
    const loan = await loanService.checkout(borrower, Number(req.body.bookId), Number(req.body.branchId));
    res.status(201).location(`${req.baseUrl}/${loan.id}`).json(await view(loan));
  }

  async function renew(req, res) {
    const loan = await loanService.renew(req.member, db.toId(req.params.id));
    res.json(await view(loan));
  }

  async function checkin(req, res) {
    const { loan, promotedHoldId } = await loanService.checkin(db.toId(req.params.id));
    res.json({ ...(await view(loan)), promotedHoldId });
  }

  return { list, overdue, show, checkout, renew, checkin };
}

module.exports = LoansController;
