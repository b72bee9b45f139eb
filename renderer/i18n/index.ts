import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FORMAT_LOCALE, type Language } from '../../core/contract';
import { TRANSLATIONS } from '../../words/index';

export { FORMAT_LOCALE, LANGUAGE_NAMES } from '../../core/contract';

export function initialLanguage(saved: Language | null): Language {
  if (saved) return saved;
  const wanted = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return wanted === 'tr' || wanted === 'pl' || wanted === 'fa' ? wanted : 'en';
}

const sentenceNumbers = new Map<string, Intl.NumberFormat>();
function numberIn(lng: string | undefined): Intl.NumberFormat {
  const locale = FORMAT_LOCALE[(lng ?? 'en') as Language] ?? FORMAT_LOCALE.en;
  let f = sentenceNumbers.get(locale);
  if (!f) sentenceNumbers.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: 'min2' })));
  return f;
}

/** A value put into a sentence: numbers (and anything marked `{{x, number}}`) in the language's digits. */
function sentenceValue(value: unknown, format: string | undefined, lng: string | undefined): string {
  if (typeof value === 'number') return numberIn(lng).format(value);
  if (format === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return numberIn(lng).format(Number(value));
  return value as string;
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(TRANSLATIONS).map(([language, translation]) => [language, { translation }])),
    lng: language,
    fallbackLng: 'en',
    // A number put into a sentence as a number ({{count}}, a year) is written in the language's
    // digits and decimal mark ("۳ مشکل", "1,5 h"); strings (codes, names, formatted dates) pass as
    // they are. 'min2' groups from five digits on, so a year stays "2026", not "2,026".
    interpolation: { escapeValue: false, alwaysFormat: true, format: sentenceValue },
    returnNull: false,
    showSupportNotice: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

/** Sets lang and dir on <html>: Persian turns the whole layout right-to-left. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export { i18next };
