import type { Db } from './open';

/**
 * The data version of some tables on one connection: a text that changes whenever a row of
 * them changes, so a value worked out from those tables can be kept until it does.
 *
 * TEMP triggers (never stored in the file, like the undo log's) count each table's row changes
 * twice: in a JavaScript counter, which a rollback cannot take back, and in a TEMP table, which
 * the rollback restores. A value kept in a transaction that wrote and then rolled back therefore
 * carries a version no later state can have again, and a later committed write can never bring
 * an old version back. `PRAGMA data_version` adds the commits of other connections.
 */
export type VersionOf = () => string;

const FUNCTION = 'rosterdesk_table_written';
let installed = 0;

/**
 * The version reader for `tables`, or null when it cannot be trusted: the triggers have to be
 * made outside a transaction, since a rollback would take them away again.
 */
export function tableVersions(db: Db, tables: readonly string[]): VersionOf | null {
  if (db.inTransaction) return null;
  installed += 1;
  const tag = `v${installed}`;
  const counters = new Map<string, number>(tables.map((t) => [t, 0]));
  let written = 0;
  db.function(`${FUNCTION}_${tag}`, { deterministic: false, varargs: false }, (table: unknown) => {
    written += 1;
    counters.set(String(table), written);
    return written;
  });
  const store = `rosterdesk_version_${tag}`;
  db.exec(`CREATE TEMP TABLE ${store} (tbl TEXT PRIMARY KEY, written INTEGER NOT NULL) STRICT`);
  const insert = db.prepare(`INSERT INTO temp.${store} (tbl, written) VALUES (?, 0)`);
  for (const t of tables) {
    insert.run(t);
    const bump = `UPDATE temp.${store} SET written = ${FUNCTION}_${tag}('${t}') WHERE tbl = '${t}';`;
    for (const kind of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER ${store}_${t}_${kind.toLowerCase()} AFTER ${kind} ON main."${t}" BEGIN ${bump} END`);
    }
  }
  const stored = db.prepare(`SELECT group_concat(written, '.') FROM (SELECT written FROM temp.${store} ORDER BY tbl)`).pluck();
  const otherConnections = db.prepare('PRAGMA data_version').pluck();
  return () => `${tables.map((t) => counters.get(t) ?? 0).join('.')}|${String(stored.get())}|${String(otherConnections.get())}`;
}
