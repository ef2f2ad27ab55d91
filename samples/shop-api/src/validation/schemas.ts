import type { Schema } from '../middleware/validate';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const registerSchema: Schema = {
  email: { type: 'string', required: true, pattern: EMAIL, max: 254 },
  name: { type: 'string', required: true, min: 2, max: 80 },
  password: { type: 'string', required: true, min: 10, max: 128 },
};

export const loginSchema: Schema = {
  email: { type: 'string', required: true, pattern: EMAIL },
  password: { type: 'string', required: true },
};

export const forgotPasswordSchema: Schema = {
  email: { type: 'string', required: true, pattern: EMAIL },
};

export const resetPasswordSchema: Schema = {
  token: { type: 'string', required: true, min: 16 },
  password: { type: 'string', required: true, min: 10, max: 128 },
};

export const profileSchema: Schema = {
  name: { type: 'string', min: 2, max: 80 },
  address: { type: 'object' },
};

export const adminUserSchema: Schema = {
  ...profileSchema,
  role: { type: 'string', oneOf: ['customer', 'admin'] },
};

export const productSchema: Schema = {
  name: { type: 'string', required: true, min: 3, max: 120 },
  sku: { type: 'string', required: true, pattern: /^[A-Z0-9-]{4,24}$/ },
  description: { type: 'string', required: true, max: 2000 },
  categoryId: { type: 'string', required: true },
  priceCents: { type: 'integer', required: true, min: 1 },
  salePriceCents: { type: 'integer', min: 1 },
  stock: { type: 'integer', min: 0 },
  featured: { type: 'boolean' },
  active: { type: 'boolean' },
};

export const productPatchSchema: Schema = Object.fromEntries(
  Object.entries(productSchema).map(([field, rule]) => [field, { ...rule, required: false }]),
);

export const stockSchema: Schema = {
  delta: { type: 'integer', required: true, min: -10_000, max: 10_000 },
  reason: { type: 'string', max: 200 },
};

export const reviewSchema: Schema = {
  rating: { type: 'integer', required: true, min: 1, max: 5 },
  title: { type: 'string', required: true, min: 3, max: 120 },
  body: { type: 'string', max: 4000 },
};

export const categorySchema: Schema = {
  slug: { type: 'string', required: true, pattern: SLUG, max: 60 },
  name: { type: 'string', required: true, min: 2, max: 80 },
  description: { type: 'string', max: 500 },
};

export const cartItemSchema: Schema = {
  productId: { type: 'string', required: true },
  quantity: { type: 'integer', min: 1, max: 20 },
};

export const cartQuantitySchema: Schema = {
  quantity: { type: 'integer', required: true, min: 0, max: 20 },
};

export const couponCodeSchema: Schema = {
  code: { type: 'string', required: true, min: 3, max: 32 },
};

export const couponValidateSchema: Schema = {
  ...couponCodeSchema,
  subtotalCents: { type: 'integer', required: true, min: 0 },
};

export const couponSchema: Schema = {
  ...couponCodeSchema,
  kind: { type: 'string', required: true, oneOf: ['percent', 'fixed', 'shipping'] },
  value: { type: 'integer', required: true, min: 0 },
  minSubtotalCents: { type: 'integer', min: 0 },
  usageLimit: { type: 'integer', min: 1 },
  expiresAt: { type: 'string' },
};

export const checkoutSchema: Schema = {
  shippingAddress: { type: 'object' },
};

export const orderStatusSchema: Schema = {
  status: { type: 'string', required: true, oneOf: ['paid', 'shipped', 'delivered', 'cancelled'] },
};
