import seed from './seed.json';
import { Repository } from './repository';
import type { Cart, Category, Coupon, Order, Product, Review, User } from './models';

// The JSON file is typed loosely by the compiler; the casts document the shape we expect.
export const db = {
  users: new Repository<User>('usr', seed.users as User[]),
  categories: new Repository<Category>('cat', seed.categories as Category[]),
  products: new Repository<Product>('prd', seed.products as Product[]),
  reviews: new Repository<Review>('rev', seed.reviews as Review[]),
  coupons: new Repository<Coupon>('cpn', seed.coupons as Coupon[]),
  carts: new Repository<Cart>('crt', seed.carts as Cart[]),
  orders: new Repository<Order>('ord', seed.orders as Order[]),
};

export type Db = typeof db;
