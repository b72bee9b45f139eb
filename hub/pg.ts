import pg from 'pg';

/**
 * The hub's one door to PostgreSQL: a pool, and transactions. Every query is parameterised
 * (`$1`), never built from text a user sent.
 */

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** Something a query can run on: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

// bigint columns (ids, versions) come back as numbers: they stay far below 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (text: string) => Number(text));

export function connect(url: string, max = 20): Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, application_name: 'rosterdesk-hub' });
  // An idle client losing its connection (a restarted database) must not take the process down.
  pool.on('error', (err) => process.stderr.write(`rosterdesk hub: database connection lost: ${err.message}\n`));
  return pool;
}

/**
 * Runs `work` in one transaction: all of it commits, or none of it does (a thrown error, or the
 * process killed half-way, rolls it back: PostgreSQL never shows a half-written transaction).
 */
export async function inTransaction<T>(pool: Pool, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** A statement PostgreSQL parses and plans once per connection, for the queries behind every page. */
export interface Prepared {
  name: string;
  text: string;
}
export const prepared = (name: string, text: string): Prepared => ({ name, text });

/** The rows of a query, typed by the caller (the SQL says what they hold). */
export async function rows<T extends object>(db: Queryable, sql: string | Prepared, params: readonly unknown[] = []): Promise<T[]> {
  if (typeof sql === 'string') return (await db.query<T>(sql, params as unknown[])).rows;
  return (await db.query<T>({ name: sql.name, text: sql.text, values: params as unknown[] })).rows;
}

export async function one<T extends object>(db: Queryable, sql: string | Prepared, params: readonly unknown[] = []): Promise<T | null> {
  return (await rows<T>(db, sql, params))[0] ?? null;
}

/**
 * Gathers the calls made in one turn of the event loop into one call of `run`, which answers them
 * in the order given. Under a burst (two hundred phones refreshing at once) each query's round trip
 * and PostgreSQL's per-statement work are paid once per batch instead of once per request; alone, a
 * call waits only for the current turn to end.
 */
export function batched<K, V>(run: (keys: K[]) => Promise<V[]>, maxBatch = 200): (key: K) => Promise<V> {
  let waiting: { key: K; resolve: (value: V) => void; reject: (err: unknown) => void }[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    run(batch.map((w) => w.key)).then(
      (values) => batch.forEach((w, i) => w.resolve(values[i] as V)),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ key, resolve, reject });
      if (waiting.length >= maxBatch) flush();
    });
}
