import fs from 'node:fs';
import { toApiError, UserError, type ApiError } from '../core/errors';
import { decodeText, type TextEncodingChoice } from '../core/text-decode';
import type { CliIo } from './io';

/** Reading a file the user named to import: bounded, decoded as the service would, and its bad lines reported one by one. */

/**
 * A file the user named to import, or a clear error naming it: only a regular file (a directory,
 * device or pipe is refused before it is opened, so /dev/zero cannot fill the memory), at most
 * `maxBytes` (stated in the message), and never more than that read.
 */
export function readBytes(file: string, maxBytes: number): Buffer {
  const limit = `${Math.round(maxBytes / 1_000_000)} MB`;
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
  if (stat.size > maxBytes) throw new UserError('too_large', `${file} is ${Math.ceil(stat.size / 1_000_000)} MB; this import reads at most ${limit}`);
  const fd = fs.openSync(file, 'r');
  try {
    // One byte more than the file said it had: a file that grew while read past the limit is refused.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, null);
      if (n === 0) break;
      read += n;
    }
    if (read > stat.size) throw new UserError('file_changed', `${file} grew while it was read; import it again once it is written`);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file's text as the import reads it (core decodeText, as the service reads bytes); one that cannot be decoded is refused with its line. */
export function importedText(io: CliIo, file: string, bytes: Uint8Array, encoding: TextEncodingChoice, locale: string): string {
  try {
    return decodeText(bytes, { encoding, locale }).text;
  } catch (err) {
    if (err instanceof UserError) throw importFailure(io, file, toApiError(err));
    throw err;
  }
}

/** A refused import: every bad line on stderr with its number, then the one-line summary last. */
export function importFailure(io: CliIo, file: string, error: ApiError): UserError {
  for (const l of error.lines ?? []) io.err(`${file}:${l.line}: ${l.message}\n`);
  return new UserError(error.code, error.lines?.length ? `${error.lines.length} problem(s) in ${file}; nothing was imported` : error.message);
}
