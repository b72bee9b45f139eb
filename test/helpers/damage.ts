import fs from 'node:fs';
import Database from 'better-sqlite3';

const PAGE = 4096;

/** Scribbles over the root page of the index that comes last in the file (a closed planner: its log files go). */
export function scribbleIndexRoot(file: string): void {
  const db = new Database(file, { readonly: true });
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY rootpage DESC LIMIT 1").pluck().get() as number;
  db.close();
  for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (root - 1) * PAGE);
  fs.closeSync(fd);
}

/** An index page scribbled over with the modification time put back, as silent damage (a disk, a bad copy) would. */
export function damageQuietly(file: string): void {
  const before = fs.statSync(file);
  scribbleIndexRoot(file);
  fs.utimesSync(file, before.atime, before.mtime);
}
