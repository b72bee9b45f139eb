import crypto from 'node:crypto';
import { CLEAN_CLOSE_KEY } from '../../db/integrity';
import type { Db } from '../../db/open';

/**
 * A digest of every row of every table: equal digests mean nothing was written. The one row the
 * app writes for itself when it closes a file after a change (db/integrity.ts: when it closed
 * cleanly) is not the user's data and is left out.
 */
export function dataHash(db: Db, except: ReadonlySet<string> = new Set()): string {
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables.filter((name) => !except.has(name))) {
    h.update(t);
    const own = t === 'setting' ? ` WHERE key <> '${CLEAN_CLOSE_KEY}'` : '';
    for (const row of db.prepare(`SELECT * FROM "${t}"${own} ORDER BY rowid`).raw().all()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}
