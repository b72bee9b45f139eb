import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tmp';

/**
 * Real file systems that refuse writing: a read-only bind mount (what a read-only share is to a
 * program, even to root) and a tiny tmpfs to fill (a full disk). Both need root, as CI runs; on a
 * machine where mounting is not allowed the tests that need them say so and are skipped.
 */
function tryMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const canMount = tryMount();
if (!canMount) console.warn('Mount tests skipped: mounting a read-only view or a tiny disk needs root (CI runs as root).');

/** Runs `use` with `dir` seen read-only at another path (a bind mount remounted read-only). */
export function withReadOnlyView<T>(dir: string, use: (view: string) => T): T {
  const view = path.join(tempDir(), 'share');
  fs.mkdirSync(view);
  execFileSync('mount', ['--bind', dir, view]);
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', view]);
    return use(view);
  } finally {
    execFileSync('umount', ['-l', view]);
  }
}

/** A small disk of its own (tmpfs), unmounted by the returned function. */
export function tinyDisk(kilobytes: number): { dir: string; fill: () => void; unmount: () => void } {
  const dir = path.join(tempDir(), 'disk');
  fs.mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  return {
    dir,
    // Writes until the disk refuses: ENOSPC, 100 % full.
    fill: () => {
      const fd = fs.openSync(path.join(dir, 'filler'), 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        fs.closeSync(fd);
      }
    },
    // Lazy: a test that failed with the planner still open must not hide its error behind "busy".
    unmount: () => execFileSync('umount', ['-l', dir]),
  };
}
