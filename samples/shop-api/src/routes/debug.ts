import { Router } from 'express';
import { config } from '../config';
import { cacheStats } from '../services/product.service';

const router = Router();

router.get('/config', (_req, res) => {
  res.json({ ...config, session: { ...config.session, secret: '[redacted]' } });
});

router.get('/cache', (_req, res) => {
  res.json(cacheStats());
});

export default router;
