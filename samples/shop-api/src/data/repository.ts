import { randomUUID } from 'crypto';
import { pool } from './pool';

export interface Entity {
  id: string;
}

/**
 * A collection of JSON documents in one PostgreSQL table (`id text`, `data jsonb`, `seq` keeping
 * insertion order), with the same async API the services were written against when the rows
 * lived in memory (SHOP-212). Predicates still run in the app: the tables are small, and moving
 * each filter into SQL is the next step (SHOP-230).
 */
export class Repository<T extends Entity> {
  constructor(
    private readonly table: string,
    private readonly prefix: string,
  ) {}

  async findAll(predicate?: (row: T) => boolean): Promise<T[]> {
    const { rows } = await pool.query<{ data: T }>(`SELECT data FROM ${this.table} ORDER BY seq`);
    const all = rows.map((r) => r.data);
    return predicate ? all.filter(predicate) : all;
  }

  async findById(id: string): Promise<T | undefined> {
    const { rows } = await pool.query<{ data: T }>(`SELECT data FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0]?.data;
  }

  async findOne(predicate: (row: T) => boolean): Promise<T | undefined> {
    return (await this.findAll()).find(predicate);
  }

  async insert(data: Omit<T, 'id'> & { id?: string }): Promise<T> {
    const { id: given, ...rest } = data;
    const id = given ?? `${this.prefix}_${randomUUID().slice(0, 8)}`;
    const row = { id, ...rest } as unknown as T;
    await pool.query(`INSERT INTO ${this.table} (id, data) VALUES ($1, $2)`, [id, JSON.stringify(row)]);
    return row;
  }

  async update(id: string, patch: Partial<Omit<T, 'id'>>): Promise<T | undefined> {
    // undefined means "not provided", like a PATCH body without that field
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    // `||` merges the top-level keys in one statement, so two updates never lose each other's fields.
    const { rows } = await pool.query<{ data: T }>(`UPDATE ${this.table} SET data = data || $2::jsonb WHERE id = $1 RETURNING data`, [
      id,
      JSON.stringify({ ...defined, id }),
    ]);
    return rows[0]?.data;
  }

  async delete(id: string): Promise<boolean> {
    const { rowCount } = await pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
    return (rowCount ?? 0) > 0;
  }

  async count(predicate?: (row: T) => boolean): Promise<number> {
    if (!predicate) {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table}`);
      return Number(rows[0]!.n);
    }
    return (await this.findAll(predicate)).length;
  }
}
