import { db } from '../data/db';
import type { Address, PublicUser, Role, User } from '../data/models';
import { conflict, NotFoundError } from '../lib/errors';
import { hashPassword } from './passwords';

export function toPublic(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role?: Role;
}

export const userService = {
  async list(search?: string): Promise<PublicUser[]> {
    const needle = search?.toLowerCase();
    const users = await db.users.findAll(
      (u) => !needle || u.email.includes(needle) || u.name.toLowerCase().includes(needle),
    );
    return users.map(toPublic).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  async findPublicById(id: string): Promise<PublicUser | undefined> {
    const user = await db.users.findById(id);
    return user && toPublic(user);
  },

  async getById(id: string): Promise<PublicUser> {
    const user = await this.findPublicById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  },

  findByEmail(email: string): Promise<User | undefined> {
    const normalized = email.trim().toLowerCase();
    return db.users.findOne((u) => u.email === normalized);
  },

  async create(input: NewUser): Promise<PublicUser> {
    const email = input.email.trim().toLowerCase();
    if (await this.findByEmail(email)) throw conflict('An account with this email already exists');
    const user = await db.users.insert({
      email,
      name: input.name.trim(),
      role: input.role ?? 'customer',
      passwordHash: hashPassword(input.password),
      createdAt: new Date().toISOString(),
    });
    return toPublic(user);
  },

  async updateProfile(id: string, patch: { name?: string; address?: Address }): Promise<PublicUser> {
    const user = await db.users.update(id, patch);
    if (!user) throw new NotFoundError('User', id);
    return toPublic(user);
  },

  async setRole(id: string, role: Role): Promise<PublicUser> {
    const user = await db.users.update(id, { role });
    if (!user) throw new NotFoundError('User', id);
    return toPublic(user);
  },

  async setPassword(id: string, password: string): Promise<void> {
    const user = await db.users.update(id, { passwordHash: hashPassword(password) });
    if (!user) throw new NotFoundError('User', id);
  },

  async remove(id: string): Promise<void> {
    if (!(await db.users.delete(id))) throw new NotFoundError('User', id);
  },
};
