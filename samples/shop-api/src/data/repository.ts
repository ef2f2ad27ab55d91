import { randomUUID } from 'crypto';

export interface Entity {
  id: string;
}

/**
 * Minimal in-memory repository. The methods are async so the services do not
 * need to change when we move to a real database (ticket SHOP-212).
 */
export class Repository<T extends Entity> {
  private readonly rows = new Map<string, T>();

  constructor(private readonly prefix: string, seed: T[] = []) {
    for (const row of seed) this.rows.set(row.id, clone(row));
  }

  async findAll(predicate?: (row: T) => boolean): Promise<T[]> {
    const all = [...this.rows.values()];
    return (predicate ? all.filter(predicate) : all).map(clone);
  }

  async findById(id: string): Promise<T | undefined> {
    const row = this.rows.get(id);
    return row ? clone(row) : undefined;
  }

  async findOne(predicate: (row: T) => boolean): Promise<T | undefined> {
    for (const row of this.rows.values()) if (predicate(row)) return clone(row);
    return undefined;
  }

  async insert(data: Omit<T, 'id'> & { id?: string }): Promise<T> {
    const { id: given, ...rest } = clone(data);
    const id = given ?? `${this.prefix}_${randomUUID().slice(0, 8)}`;
    const row = { id, ...rest } as unknown as T;
    this.rows.set(id, row);
    return clone(row);
  }

  async update(id: string, patch: Partial<Omit<T, 'id'>>): Promise<T | undefined> {
    const current = this.rows.get(id);
    if (!current) return undefined;
    // undefined means "not provided", like a PATCH body without that field
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = { ...current, ...clone(defined), id } as T;
    this.rows.set(id, next);
    return clone(next);
  }

  async delete(id: string): Promise<boolean> {
    return this.rows.delete(id);
  }

  async count(predicate?: (row: T) => boolean): Promise<number> {
    if (!predicate) return this.rows.size;
    let n = 0;
    for (const row of this.rows.values()) if (predicate(row)) n++;
    return n;
  }
}

function clone<V>(value: V): V {
  return structuredClone(value);
}
