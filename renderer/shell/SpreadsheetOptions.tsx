import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvDialect } from '../../core/spreadsheet-format';
import { csvDialect } from '../../core/spreadsheet-format';
import { TEXT_ENCODINGS, type TextEncodingChoice } from '../../core/text-decode';

/**
 * The lead's two spreadsheet choices, beside the buttons they affect: the encoding of a CSV file
 * to import (Automatic reads a byte-order mark, then UTF-8, then the team's Windows code page),
 * and the separator of the CSV files Rosterdesk writes (by default the window language's, as the
 * lead's Excel expects it). Kept for the next visit, the same on every page.
 */

const ENCODING_KEY = 'rosterdesk.importEncoding';
const SEPARATOR_KEY = 'rosterdesk.csvSeparator';
type SeparatorChoice = 'comma' | 'semicolon';

const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function save(key: string, value: string): void {
  localStorage.setItem(key, value);
  for (const l of listeners) l();
}
const useStored = (key: string) => useSyncExternalStore(subscribe, () => localStorage.getItem(key));

export function useImportEncoding(): TextEncodingChoice {
  const stored = useStored(ENCODING_KEY);
  return (TEXT_ENCODINGS as readonly string[]).includes(stored ?? '') ? (stored as TextEncodingChoice) : 'auto';
}

/** The dialect CSV exports are written in: the chosen separator, else the window language's. */
export function useCsvDialect(): CsvDialect {
  const stored = useStored(SEPARATOR_KEY);
  const { i18n } = useTranslation();
  const language = i18n.language;
  if (stored === 'comma') return { separator: ',', decimal: '.' };
  if (stored === 'semicolon') return { separator: ';', decimal: ',' };
  return csvDialect(language);
}

/** A file's bytes as base64, the way imports carry a file (its bytes, decoded by the service, not the browser's guess at its text). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const ENCODING_LABEL: Record<TextEncodingChoice, string> = {
  auto: '',
  'utf-8': 'UTF-8',
  'windows-1254': 'Windows-1254',
  'windows-1250': 'Windows-1250',
  'windows-1256': 'Windows-1256',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** The encoding of the file to import, beside an import button (`stacked`: label above, in a narrow panel). */
export function EncodingSelect({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const value = useImportEncoding();
  return (
    <label className={stacked ? 'field' : 'inline'}>
      <span>{t('spreadsheet.encoding')}</span>
      <select value={value} onChange={(e) => save(ENCODING_KEY, e.target.value)}>
        {TEXT_ENCODINGS.map((e) => (
          <option key={e} value={e}>
            {e === 'auto' ? t('spreadsheet.automatic') : e.startsWith('windows') ? t(`spreadsheet.codePage.${e}`, { name: ENCODING_LABEL[e] }) : ENCODING_LABEL[e]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The separator (and with it the decimal mark) of CSV exports, beside the export buttons. */
export function SeparatorSelect({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const dialect = useCsvDialect();
  const value: SeparatorChoice = dialect.separator === ';' ? 'semicolon' : 'comma';
  return (
    <label className={stacked ? 'field' : 'inline'}>
      <span>{t('spreadsheet.separator')}</span>
      <select value={value} onChange={(e) => save(SEPARATOR_KEY, e.target.value)}>
        <option value="comma">{t('spreadsheet.comma')}</option>
        <option value="semicolon">{t('spreadsheet.semicolon')}</option>
      </select>
    </label>
  );
}
