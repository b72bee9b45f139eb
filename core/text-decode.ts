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

/**
 * The bytes as text in the given encoding, refused where a byte sequence is no character of it.
 * A byte-order mark matching the encoding is dropped.
 */
function decodeAs(bytes: Uint8Array, encoding: TextEncodingName, hint: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    // Only on the way out: decode again replacing, and name the line of the first replacement.
    const loose = new TextDecoder(encoding).decode(bytes);
    const at = loose.indexOf('\ufffd');
    throw refuse(lineAt(loose, Math.max(at, 0)), `the file cannot be read as ${encoding}${hint}`);
  }
  // The single-byte Windows code pages map every byte to something; C1 controls are what an
  // unassigned byte becomes, so they mean the wrong code page. NUL means UTF-16 read as bytes.
  const bad = NOT_TEXT.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw refuse(lineAt(text, bad.index), `the file holds the control character U+${code}, which is no text in ${encoding}${hint}`);
  }
  return text;
}

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
  const chosen = options.encoding ?? 'auto';
  if (chosen !== 'auto') {
    const mark = chosen === 'utf-8' ? [0xef, 0xbb, 0xbf] : chosen === 'utf-16le' ? [0xff, 0xfe] : chosen === 'utf-16be' ? [0xfe, 0xff] : [];
    const skip = mark.length > 0 && startsWith(bytes, mark) ? mark.length : 0;
    return { text: decodeAs(bytes.subarray(skip), chosen, HINT), encoding: chosen };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decodeAs(bytes.subarray(3), 'utf-8', HINT), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeAs(bytes.subarray(2), 'utf-16le', HINT), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeAs(bytes.subarray(2), 'utf-16be', HINT), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16, HINT), encoding: utf16 };
  let utf8: string | null = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null) {
    // Valid UTF-8 needs no scan for stray control characters (a regex over 200 MB costs a second);
    // a NUL byte, though, means no text file (searched in the bytes: memchr-fast).
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw refuse(lineAt(utf8, utf8.indexOf('\u0000')), `the file holds a NUL byte; it is not a text file${HINT}`);
    return { text: utf8, encoding: 'utf-8' };
  }
  const legacy = legacyEncodingOf(options.locale);
  return { text: decodeAs(bytes, legacy, ` (it is not UTF-8, and ${legacy} is the code page of the team's locale ${options.locale})${HINT}`), encoding: legacy };
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
