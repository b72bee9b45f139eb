import crypto from 'node:crypto';
import type { Db } from '../../db/open';

/** A digest of every row of every table: equal digests mean nothing was written. */
export function dataHash(db: Db, except: ReadonlySet<string> = new Set()): string {
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables.filter((name) => !except.has(name))) {
    h.update(t);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}
