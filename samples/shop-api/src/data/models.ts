export type Role = 'customer' | 'admin';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  address?: Address;
  createdAt: string;
}

export type PublicUser = Omit<User, 'passwordHash'>;

export interface Category {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  slug: string;
  description: string;
  categoryId: string;
  priceCents: number;
  salePriceCents?: number;
  stock: number;
  images: string[];
  featured: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  id: string;
  productId: string;
  userId: string;
  rating: number;
  title: string;
  body: string;
  helpfulCount: number;
  createdAt: string;
}

export type CouponKind = 'percent' | 'fixed' | 'shipping';

export interface Coupon {
  id: string;
  code: string;
  kind: CouponKind;
  value: number;
  minSubtotalCents: number;
  usageLimit: number | null;
  timesUsed: number;
  active: boolean;
  expiresAt: string | null;
}

export interface CartItem {
  productId: string;
  quantity: number;
}

export interface Cart {
  id: string;
  userId: string;
  items: CartItem[];
  couponCode: string | null;
  updatedAt: string;
}

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled';

export interface OrderItem {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface Totals {
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  shippingCents: number;
  totalCents: number;
}

export interface Order {
  id: string;
  number: string;
  userId: string;
  status: OrderStatus;
  couponCode: string | null;
  items: OrderItem[];
  totals: Totals;
  shippingAddress: Address;
  history: { status: OrderStatus; at: string }[];
  createdAt: string;
  updatedAt: string;
}

/** A pending password reset: the token is the id. */
export interface PasswordReset {
  id: string;
  userId: string;
  expires: number;
}
