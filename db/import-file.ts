import fs from 'node:fs';
import { UserError } from '../core/errors';
import type { ByteSource } from '../core/text-decode';

/** A file the user named to import, read a piece at a time: the service's side of an import from a path (the CLI's). */

/** How much of the file is read at once: large enough that a read costs little, small beside the memory an import may use. */
export const FILE_PIECE_BYTES = 1 << 16;

/**
 * A file the user named to import, or a clear error naming it: only a regular file (a directory,
 * device or pipe is refused before it is opened, so /dev/zero cannot fill the memory), at most
 * `maxBytes` (stated in the message). Each reading opens it again from its start; one that finds
 * it longer than it was at first is refused, so a file written while it is imported is not half read.
 */
export function fileSource(file: string, maxBytes: number, pieceBytes = FILE_PIECE_BYTES): ByteSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UserError('not_found', `Cannot read ${file}`);
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a pipe' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
    throw new UserError('not_a_file', `${file} is ${what}; give the path of a file to import`);
  }
  if (stat.size > maxBytes) throw new UserError('too_large', `${file} is ${Math.ceil(stat.size / 1_000_000)} MB; this import reads at most ${Math.round(maxBytes / 1_000_000)} MB`);
  const size = stat.size;
  return function* pieces() {
    const fd = fs.openSync(file, 'r');
    try {
      // One buffer read into again and again (a piece lasts until the next is asked for, see
      // ByteSource): a new one each time is memory outside the heap that only a full GC gives back.
      const buffer = Buffer.allocUnsafe(pieceBytes);
      let read = 0;
      for (;;) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, null);
        if (n === 0) break;
        read += n;
        if (read > size) throw new UserError('file_changed', `${file} grew while it was read; import it again once it is written`);
        yield buffer.subarray(0, n);
      }
    } finally {
      fs.closeSync(fd);
    }
  };
}
