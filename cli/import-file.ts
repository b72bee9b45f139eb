import { toApiError, UserError, type ApiError } from '../core/errors';
import { decodeText, type TextEncodingChoice } from '../core/text-decode';
import { fileSource } from '../db/import-file';
import type { CliIo } from './io';

/** Reading a file the user named to import: bounded, decoded as the service would, and its bad lines reported one by one. */

/**
 * A file the user named to import, whole: fileSource's checks (a regular file, at most `maxBytes`,
 * refused if it grows while read), its pieces joined.
 */
export function readBytes(file: string, maxBytes: number): Buffer {
  const pieces: Buffer[] = [];
  // Each piece copied: the source reads into one buffer again and again.
  for (const piece of fileSource(file, maxBytes, 1 << 20)()) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
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
