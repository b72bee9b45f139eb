import type { Db } from './open';

/**
 * The data version of some tables on one connection: a text that changes whenever a row of
 * them changes, so a value worked out from those tables can be kept until it does.
 *
 * TEMP triggers (never stored in the file, like the undo log's) count a table's changes twice:
 * in a JavaScript counter, which a rollback cannot take back, and in a TEMP table, which the
 * rollback restores. A value kept in a transaction that wrote and then rolled back therefore
 * carries a version no later state can have again, and a later committed write can never bring
 * an old version back. `PRAGMA data_version` adds the commits of other connections.
 *
 * Only the first row written after the version was last read moves it: reading it starts a new
 * "seal", and a table's trigger does its work only when the table has not moved under the
 * current seal. A version nobody has read cannot have a value kept under it, so the rows after
 * the first need not move it again; a read in between starts a new seal, and the next row moves
 * it. That stays rollback-proof: a value kept inside a transaction was kept after a read, so
 * the next write moved the TEMP table, which the rollback takes back, and the version after the
 * rollback is one that value was never kept under. An import of 200 000 rows moves the version
 * once instead of 200 000 times.
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
  // Each reading of the version starts a new seal; the first row written under a seal moves the
  // version, the others find it moved already and do nothing (see above).
  let seal = 1;
  const movedUnder = new Map<string, number>();
  db.function(`${FUNCTION}_${tag}`, { deterministic: false, varargs: false }, (table: unknown) => {
    written += 1;
    counters.set(String(table), written);
    movedUnder.set(String(table), seal);
    return written;
  });
  db.function(`${FUNCTION}_unsealed_${tag}`, { deterministic: false, varargs: false }, (table: unknown) => (movedUnder.get(String(table)) === seal ? 0 : 1));
  const store = `rosterdesk_version_${tag}`;
  db.exec(`CREATE TEMP TABLE ${store} (tbl TEXT PRIMARY KEY, written INTEGER NOT NULL) STRICT`);
  const insert = db.prepare(`INSERT INTO temp.${store} (tbl, written) VALUES (?, 0)`);
  for (const t of tables) {
    insert.run(t);
    const unsealed = `${FUNCTION}_unsealed_${tag}('${t}')`;
    const bump = `UPDATE temp.${store} SET written = ${FUNCTION}_${tag}('${t}') WHERE tbl = '${t}';`;
    for (const kind of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER ${store}_${t}_${kind.toLowerCase()} AFTER ${kind} ON main."${t}" WHEN ${unsealed} BEGIN ${bump} END`);
    }
  }
  const stored = db.prepare(`SELECT group_concat(written, '.') FROM (SELECT written FROM temp.${store} ORDER BY tbl)`).pluck();
  const otherConnections = db.prepare('PRAGMA data_version').pluck();
  return () => {
    const version = `${tables.map((t) => counters.get(t) ?? 0).join('.')}|${String(stored.get())}|${String(otherConnections.get())}`;
    seal += 1;
    return version;
  };
}
