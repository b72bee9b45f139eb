import { UserError } from './errors';

/**
 * The text of a file a person brings, whatever wrote it: Excel's "CSV UTF-8" (a byte-order mark),
 * "Unicode text" (UTF-16 LE with a mark), plain UTF-8, or the Windows code page of the desk's
 * language (Excel's plain "CSV" on a Turkish, Polish or Persian Windows). Decoding is the
 * platform's TextDecoder (WHATWG labels, ICU in Node and Chromium), never tables of our own, and
 * always fatal: a byte that is no character in the encoding refuses the file with its line named,
 * so no U+FFFD (mojibake) is ever stored.
 */

/** What an import may be told the file is; `auto` reads the byte-order mark, then tries UTF-8, then the team's code page. */
export const TEXT_ENCODINGS = ['auto', 'utf-8', 'windows-1254', 'windows-1250', 'windows-1256', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];
export type TextEncodingName = Exclude<TextEncodingChoice, 'auto'>;

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in. */
  encoding: TextEncodingName;
}

/**
 * The Windows ("ANSI") code page a spreadsheet on a Windows set to this locale saves plain CSV
 * in: 1254 Turkish, 1250 Central European (Polish and its neighbours), 1256 Arabic script
 * (Persian, Arabic, Urdu), else 1252 Western.
 */
export function legacyEncodingOf(locale: string): TextEncodingName {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  if (language === 'tr' || language === 'az') return 'windows-1254';
  if (['pl', 'cs', 'sk', 'hu', 'sl', 'hr', 'bs', 'ro', 'sq'].includes(language)) return 'windows-1250';
  if (['fa', 'ar', 'ur', 'ps', 'ckb'].includes(language)) return 'windows-1256';
  return 'windows-1252';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a byte-order mark (some exporters write it): ASCII text then has a NUL in every
 * other byte, odd ones for little-endian, even ones for big-endian. Looks at the first 4 KB only.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** The 1-based line of character index `at` in `text`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function refuse(line: number, message: string): UserError {
  return new UserError('undecodable', `Line ${line}: ${message}`, ['encoding'], [{ line, message }]);
}

/** Control characters no spreadsheet cell holds: a sign the bytes were read in the wrong encoding (tab, CR and LF are fine). */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface DecodeOptions {
  /** `auto` (default) or the encoding the person says the file is in. */
  encoding?: TextEncodingChoice;
  /** The team's locale (e.g. tr-TR): chooses the Windows code page when the bytes are not UTF-8. */
  locale: string;
}

const HINT = '; choose the file\'s encoding (UTF-8, Windows-1254, -1250, -1256 or UTF-16) and import it again';

/**
 * Reads a file's bytes as text: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; else bytes that
 * are valid UTF-8 are UTF-8; else UTF-16 recognised by its NUL bytes; else the Windows code page of
 * the team's locale. A named encoding skips the guessing. The mark is not part of the text.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  // The same reading as a file's, in pieces of the buffer: one set of rules for both.
  const parts: string[] = [];
  const encoding = decodeStream(bufferSource(bytes, 16 << 20), options, { text: (piece) => parts.push(piece), end: () => undefined, reset: () => (parts.length = 0) });
  return { text: parts.length === 1 ? (parts[0] ?? '') : parts.join(''), encoding };
}

/**
 * A file's bytes a piece at a time, from its start each time it is called (a failed guess of UTF-8
 * reads it again). A piece lasts until the next is asked for: a file's reader fills one buffer again.
 */
export type ByteSource = () => Iterable<Uint8Array>;

/** Where the text of a decoded stream goes, a piece at a time; `reset` when the bytes are read again from the start. */
export interface TextSink {
  text(piece: string): void;
  end(): void;
  reset(): void;
}

/** The pieces of a buffer already in memory (bytes sent to the API), for decodeStream. */
export function bufferSource(bytes: Uint8Array, pieceBytes = 1 << 20): ByteSource {
  return function* pieces() {
    for (let at = 0; at < bytes.length; at += pieceBytes) yield bytes.subarray(at, at + pieceBytes);
  };
}

/** The first bytes of a source (at least 4 KB, for the byte-order mark and the UTF-16 sniff). */
function headOf(source: ByteSource): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const piece of source()) {
    parts.push(piece.slice());
    length += piece.length;
    if (length >= 4096) break;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    head.set(p, at);
    at += p.length;
  }
  return head;
}

/** The 1-based line of the first byte sequence that is no character in the encoding (read again, replacing, as decodeAs does). */
function badByteLine(source: ByteSource, skip: number, encoding: TextEncodingName): number {
  const loose = new TextDecoder(encoding);
  let skipped = 0;
  let line = 1;
  const scan = (text: string): boolean => {
    const at = text.indexOf('\ufffd');
    line += lineAt(text, at < 0 ? text.length : at) - 1;
    return at >= 0;
  };
  for (const piece of source()) {
    const rest = skipped < skip ? piece.subarray(Math.min(piece.length, skip - skipped)) : piece;
    skipped += piece.length;
    if (scan(loose.decode(rest, { stream: true }))) return line;
  }
  scan(loose.decode());
  return line;
}

/**
 * One reading of the source in one encoding. `strict` is decodeAs's rule (no control characters);
 * otherwise it is the automatic UTF-8 guess (only a NUL refuses). The sink's own refusal (a CSV
 * line) waits until the bytes have all decoded: a file that is no text is refused as such first,
 * as it is when decoded whole.
 */
function decodePass(source: ByteSource, skip: number, encoding: TextEncodingName, strict: boolean, hint: string, sink: TextSink): { undecodable: boolean; refusal: UserError | null } {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let skipped = 0;
  let line = 1;
  let refusal: UserError | null = null;
  let sinkRefusal: unknown = null;
  const take = (text: string) => {
    if (refusal === null) {
      const bad = strict ? NOT_TEXT.exec(text) : null;
      const nul = strict ? -1 : text.indexOf('\u0000');
      if (bad) {
        const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        refusal = refuse(line + lineAt(text, bad.index) - 1, `the file holds the control character U+${code}, which is no text in ${encoding}${hint}`);
      } else if (nul >= 0) refusal = refuse(line + lineAt(text, nul) - 1, `the file holds a NUL byte; it is not a text file${hint}`);
      line += lineAt(text, text.length) - 1;
    }
    if (refusal !== null || sinkRefusal !== null) return;
    try {
      sink.text(text);
    } catch (err) {
      sinkRefusal = err;
    }
  };
  // Only the decoder's own refusal means "not this encoding"; the source's (a file that changed) goes up as it is.
  const decoded = (bytes: Uint8Array | null): string | null => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      return null;
    }
  };
  for (const piece of source()) {
    const rest = skipped < skip ? piece.subarray(Math.min(piece.length, skip - skipped)) : piece;
    skipped += piece.length;
    const text = decoded(rest);
    if (text === null) return { undecodable: true, refusal: null };
    take(text);
  }
  const last = decoded(null);
  if (last === null) return { undecodable: true, refusal: null };
  take(last);
  if (refusal === null && sinkRefusal !== null) throw sinkRefusal;
  return { undecodable: false, refusal };
}

/**
 * decodeText for a file read a piece at a time, with the same rules and the same refusals (the
 * same lines named): the pieces go to the sink as they decode, so no more than a piece of the
 * file's text is in memory. When the bytes were guessed to be UTF-8 and are not, the sink is
 * reset and the file read again in the team's code page.
 */
export function decodeStream(source: ByteSource, options: DecodeOptions, sink: TextSink): TextEncodingName {
  const head = headOf(source);
  const chosen = options.encoding ?? 'auto';
  const strictly = (encoding: TextEncodingName, skip: number, hint: string): TextEncodingName => {
    const pass = decodePass(source, skip, encoding, true, hint, sink);
    if (pass.undecodable) throw refuse(badByteLine(source, skip, encoding), `the file cannot be read as ${encoding}${hint}`);
    if (pass.refusal) throw pass.refusal;
    sink.end();
    return encoding;
  };
  if (chosen !== 'auto') {
    const mark = chosen === 'utf-8' ? [0xef, 0xbb, 0xbf] : chosen === 'utf-16le' ? [0xff, 0xfe] : chosen === 'utf-16be' ? [0xfe, 0xff] : [];
    return strictly(chosen, mark.length > 0 && startsWith(head, mark) ? mark.length : 0, HINT);
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return strictly('utf-8', 3, HINT);
  if (startsWith(head, [0xff, 0xfe])) return strictly('utf-16le', 2, HINT);
  if (startsWith(head, [0xfe, 0xff])) return strictly('utf-16be', 2, HINT);
  const utf16 = sniffUtf16(head);
  if (utf16) return strictly(utf16, 0, HINT);
  const guess = decodePass(source, 0, 'utf-8', false, HINT, sink);
  if (!guess.undecodable) {
    if (guess.refusal) throw guess.refusal;
    sink.end();
    return 'utf-8';
  }
  sink.reset();
  const legacy = legacyEncodingOf(options.locale);
  return strictly(legacy, 0, ` (it is not UTF-8, and ${legacy} is the code page of the team's locale ${options.locale})${HINT}`);
}

/** Bytes sent as base64 (the API's way to carry a file), as bytes. */
export function base64Bytes(data: string): Uint8Array {
  if (typeof Buffer !== 'undefined') return Buffer.from(data, 'base64');
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** An import's file as the API carries it: text, or bytes (base64) with an optional encoding. */
export interface ImportFile {
  csv?: string | undefined;
  bytes?: string | undefined;
  encoding?: TextEncodingChoice | undefined;
}

/**
 * The text of an imported file: its bytes decoded (decodeText, the team's locale choosing the code
 * page), or the text as sent. Text that already holds U+FFFD was decoded wrongly by the sender
 * (a browser's file.text() on a Windows-1254 file): refused with its line, never stored.
 */
export function importText(file: ImportFile, locale: string): string {
  if (file.bytes !== undefined) return decodeText(base64Bytes(file.bytes), { encoding: file.encoding ?? 'auto', locale }).text;
  if (file.csv === undefined) throw new UserError('required', 'Send the file as csv (text) or as bytes (base64)', ['csv']);
  const at = file.csv.indexOf('\ufffd');
  if (at >= 0) throw refuse(lineAt(file.csv, at), `the text holds U+FFFD, a character that could not be read; send the file's bytes instead${HINT}`);
  return file.csv;
}
