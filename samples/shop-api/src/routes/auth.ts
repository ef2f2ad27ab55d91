import { Router } from 'express';
import * as auth from '../controllers/auth';
import { asyncHandler } from '../lib/async-handler';
import { requireAuth } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from '../validation/schemas';

const router = Router();

router.post('/register', validate(registerSchema), asyncHandler(auth.register));
router.post('/login', validate(loginSchema), asyncHandler(auth.login));
router.post('/logout', auth.logout);
router.get('/me', requireAuth, (req, res) => res.json(req.user));
router.post('/password/forgot', validate(forgotPasswordSchema), asyncHandler(auth.forgotPassword));
router.post('/password/reset', validate(resetPasswordSchema), asyncHandler(auth.resetPassword));

export default router;
