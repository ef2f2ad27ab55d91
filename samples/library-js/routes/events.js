'use strict';

const express = require('express');
const { requireMember, requireLibrarian } = require('../middleware/auth');
const { validateBody } = require('../middleware/validate');

const STREAM_TYPES = ['event:created', 'event:rsvp', 'hold:ready'];

module.exports = function createEventsRouter({ db, notifier }) {
  const router = express.Router();

  function view(event) {
    const branch = db.branches.get(event.branchId);
    return { ...event, branch: branch ? branch.name : null, spotsLeft: Math.max(0, event.capacity - event.rsvps.length) };
  }

  // Server-sent events: the connection stays open and receives every notice.
  router.get('/events/stream', (req, res) => {
    res.status(200).set({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 5000\n\n');

    const listeners = STREAM_TYPES.map((type) => {
      const fn = (message) => res.write(`event: ${type}\ndata: ${JSON.stringify(message)}\n\n`);
      notifier.on(type, fn);
      return [type, fn];
    });
    const heartbeat = setInterval(() => res.write(`: ping ${Date.now()}\n\n`), 25000);

    req.on('close', () => {
      clearInterval(heartbeat);
      for (const [type, fn] of listeners) notifier.off(type, fn);
    });
  });

  router.get('/events{/:year}', (req, res) => {
    const { year } = req.params;
    if (year !== undefined && !/^\d{4}$/.test(year)) {
      return res.status(400).json({ error: 'invalid_year', message: 'Year must have four digits' });
    }
    const branchId = req.query.branch ? Number(req.query.branch) : null;
    const items = db.all('events', (e) => (!year || e.startsAt.startsWith(year)) && (!branchId || e.branchId === branchId))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map(view);
    res.json({ year: year ? Number(year) : null, total: items.length, items });
  });

  router.post('/events', requireLibrarian, validateBody(['title', 'branchId', 'startsAt']), (req, res) => {
    const startsAt = new Date(req.body.startsAt);
    if (Number.isNaN(startsAt.getTime())) return res.status(422).json({ error: 'invalid_date', field: 'startsAt' });
    if (!db.branches.has(Number(req.body.branchId))) return res.status(422).json({ error: 'unknown_branch' });
    const event = db.insert('events', {
      title: String(req.body.title).trim(),
      branchId: Number(req.body.branchId),
      startsAt: startsAt.toISOString(),
      capacity: Number(req.body.capacity) || 20,
      rsvps: [],
    });
    notifier.publish('event:created', view(event));
    res.status(201).json(view(event));
  });

  router.post('/events/:id/rsvp', requireMember, (req, res) => {
    const event = db.events.get(db.toId(req.params.id));
    if (!event) return res.status(404).json({ error: 'not_found', message: 'Event not found' });
    if (Date.parse(event.startsAt) < Date.now()) return res.status(410).json({ error: 'event_past' });
    if (event.rsvps.includes(req.member.id)) return res.status(200).json(view(event));
    if (event.rsvps.length >= event.capacity) return res.status(409).json({ error: 'event_full' });
    const updated = db.update('events', event.id, { rsvps: [...event.rsvps, req.member.id] });
    notifier.publish('event:rsvp', { eventId: event.id, spotsLeft: view(updated).spotsLeft });
    res.status(201).json(view(updated));
  });

  return router;
};
