import { LANGUAGES, type Language } from '../core/contract';
import { csvDialect, dialectProblem, type CsvDialect } from '../core/spreadsheet-format';
import type { Team } from '../core/team';
import { TEXT_ENCODINGS, type TextEncodingChoice } from '../core/text-decode';
import type { Service } from '../db/service';
import { UsageError } from './io';

/** Flags several commands share, and how their values are read (a bad one is a usage error naming the flag). */

export const dbOption = { db: { type: 'string' } } as const;
export const encodingFlag = { encoding: { type: 'string' } } as const;
export const dialectFlags = { separator: { type: 'string' }, decimal: { type: 'string' } } as const;

/** --language for files written for a person: one of the app's languages; absent, null (the service takes the saved UI language, else the team locale's). */
export function languageOption(values: Record<string, unknown>, usage: string): Language | null {
  const v = values.language;
  if (v === undefined) return null;
  if (typeof v !== 'string' || !(LANGUAGES as readonly string[]).includes(v)) throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}, not "${String(v)}"`, usage);
  return v as Language;
}

export function requireString(values: Record<string, unknown>, name: string, usage: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`, usage);
  return v;
}

/** --encoding: what the file to import is in; auto (default) reads its byte-order mark, then UTF-8, then the team locale's Windows code page. */
export function encodingOption(values: Record<string, unknown>, usage: string): TextEncodingChoice {
  const v = values.encoding ?? 'auto';
  const name = typeof v === 'string' ? v.toLowerCase().replace(/^(cp|windows)-?(125\d)$/, 'windows-$2').replace(/^utf-?8$/, 'utf-8').replace(/^utf-?16-?(le|be)$/, 'utf-16$1') : '';
  if (!(TEXT_ENCODINGS as readonly string[]).includes(name)) throw new UsageError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, not "${String(v)}"`, usage);
  return name as TextEncodingChoice;
}

const SEPARATOR_FLAG: Record<string, CsvDialect['separator']> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t' };
const DECIMAL_FLAG: Record<string, CsvDialect['decimal']> = { point: '.', '.': '.', dot: '.', comma: ',', ',': ',' };

/**
 * --separator comma|semicolon|tab and --decimal point|comma of a CSV export; without them null (the
 * service writes the dialect of the saved app language, else of the team's locale). One given alone
 * takes the other from that language unless both would be a comma.
 */
export function dialectOption(values: Record<string, unknown>, usage: string, s: Service, team: Team): CsvDialect | null {
  const sep = values.separator;
  const dec = values.decimal;
  if (sep === undefined && dec === undefined) return null;
  const separator = typeof sep === 'string' ? SEPARATOR_FLAG[sep.toLowerCase()] : undefined;
  const decimal = typeof dec === 'string' ? DECIMAL_FLAG[dec.toLowerCase()] : undefined;
  if (sep !== undefined && !separator) throw new UsageError(`--separator must be comma, semicolon or tab, not "${String(sep)}"`, usage);
  if (dec !== undefined && !decimal) throw new UsageError(`--decimal must be point or comma, not "${String(dec)}"`, usage);
  const base = csvDialect(s.run('settings.get', {}).language ?? team.locale);
  const dialect: CsvDialect = {
    separator: separator ?? (decimal === ',' && base.separator === ',' ? ';' : base.separator),
    decimal: decimal ?? (separator === ',' ? '.' : base.decimal),
  };
  const problem = dialectProblem(dialect);
  if (problem) throw new UsageError(`--separator, --decimal: ${problem}`, usage);
  return dialect;
}
