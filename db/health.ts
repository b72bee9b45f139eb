import type { Db } from './open';

/** SQLite's own view of the file: page-level integrity and references that point nowhere. */
export function checkHealth(db: Db): { integrity: string; problems: string[] } {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  const problems = [...(integrity === 'ok' ? [] : [`integrity: ${integrity}`]), ...broken.map((b) => `a row of ${b.table} points to a missing ${b.parent}`)];
  return { integrity, problems };
}
