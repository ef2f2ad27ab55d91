'use strict';

const express = require('express');
const noticeFeed = require('../lib/notice-feed');
const { requireMember, requireLibrarian } = require('../middleware/auth');
const { validateBody } = require('../middleware/validate');

const STREAM_TYPES = ['event:created', 'event:rsvp', 'hold:ready'];

module.exports = function createEventsRouter({ db, notifier }) {
  const router = express.Router();

  async function view(event) {
    const branch = await db.get('branches', event.branchId);
    return { ...event, branch: branch ? branch.name : null, spotsLeft: Math.max(0, event.capacity - event.rsvps.length) };
  }

  // Server-sent events: the connection stays open and receives every notice, whichever process
  // published it (lib/notice-feed.js listens on the database's notices channel).
  router.get('/events/stream', async (req, res) => {
    res.status(200).set({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 5000\n\n');

    let closed = false;
    let unsubscribe = () => {};
    const heartbeat = setInterval(() => res.write(`: ping ${Date.now()}\n\n`), 25000);

    req.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });

    try {
      const stop = await noticeFeed.subscribe(STREAM_TYPES, (message) => {
        res.write(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
      });
      if (closed) stop();
      else unsubscribe = stop;
    } catch (err) {
      console.error(`[events] stream unavailable: ${err.message}`);
      clearInterval(heartbeat);
      res.end();
    }
  });

  router.get('/events{/:year}', async (req, res) => {
    const { year } = req.params;
    if (year !== undefined && !/^\d{4}$/.test(year)) {
      return res.status(400).json({ error: 'invalid_year', message: 'Year must have four digits' });
    }
    const branchId = req.query.branch ? Number(req.query.branch) : null;
    const events = (await db.all('events', (e) => (!year || e.startsAt.startsWith(year)) && (!branchId || e.branchId === branchId)))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const items = await Promise.all(events.map(view));
    res.json({ year: year ? Number(year) : null, total: items.length, items });
  });

  router.post('/events', requireLibrarian, validateBody(['title', 'branchId', 'startsAt']), async (req, res) => {
    const startsAt = new Date(req.body.startsAt);
    if (Number.isNaN(startsAt.getTime())) return res.status(422).json({ error: 'invalid_date', field: 'startsAt' });
    if (!(await db.has('branches', Number(req.body.branchId)))) return res.status(422).json({ error: 'unknown_branch' });
    const event = await db.insert('events', {
      title: String(req.body.title).trim(),
      branchId: Number(req.body.branchId),
      startsAt: startsAt.toISOString(),
      capacity: Number(req.body.capacity) || 20,
      rsvps: [],
    });
    await notifier.publish('event:created', await view(event));
    res.status(201).json(await view(event));
  });

  router.post('/events/:id/rsvp', requireMember, async (req, res) => {
    const event = await db.get('events', db.toId(req.params.id));
    if (!event) return res.status(404).json({ error: 'not_found', message: 'Event not found' });
    if (Date.parse(event.startsAt) < Date.now()) return res.status(410).json({ error: 'event_past' });
    if (event.rsvps.includes(req.member.id)) return res.status(200).json(await view(event));
    if (event.rsvps.length >= event.capacity) return res.status(409).json({ error: 'event_full' });
    const updated = await db.update('events', event.id, { rsvps: [...event.rsvps, req.member.id] });
    const current = await view(updated);
    await notifier.publish('event:rsvp', { eventId: event.id, spotsLeft: current.spotsLeft });
    res.status(201).json(current);
  });

  return router;
};
