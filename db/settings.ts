import type { Db } from './open';

export function getSetting(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
