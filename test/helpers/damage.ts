import fs from 'node:fs';
import Database from 'better-sqlite3';

const PAGE = 4096;

/** Scribbles over an index's root page and puts the modification time back, as silent damage (a disk, a bad copy) would. */
export function damageQuietly(file: string): void {
  const before = fs.statSync(file);
  const db = new Database(file, { readonly: true });
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY rootpage DESC LIMIT 1").pluck().get() as number;
  db.close();
  for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (root - 1) * PAGE);
  fs.closeSync(fd);
  fs.utimesSync(file, before.atime, before.mtime);
}

