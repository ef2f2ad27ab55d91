import { Repository } from './repository';
import type { Cart, Category, Coupon, Order, PasswordReset, Product, Review, User } from './models';

/** The app's collections, one table each (scripts/db-reset.js creates and seeds them). */
export const db = {
  users: new Repository<User>('users', 'usr'),
  categories: new Repository<Category>('categories', 'cat'),
  products: new Repository<Product>('products', 'prd'),
  reviews: new Repository<Review>('reviews', 'rev'),
  coupons: new Repository<Coupon>('coupons', 'cpn'),
  carts: new Repository<Cart>('carts', 'crt'),
  orders: new Repository<Order>('orders', 'ord'),
  passwordResets: new Repository<PasswordReset>('password_resets', 'pwr'),
};

export type Db = typeof db;
