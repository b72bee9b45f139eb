import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../core/contract';
import { TRANSLATIONS } from './locales/index';

/** The locale used for Intl formatting of each UI language (fa-IR gives Persian digits). */
export const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL', fa: 'fa-IR' };
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', tr: 'Türkçe', pl: 'Polski', fa: 'فارسی' };

export function initialLanguage(saved: Language | null): Language {
  if (saved) return saved;
  const wanted = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return wanted === 'tr' || wanted === 'pl' || wanted === 'fa' ? wanted : 'en';
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(TRANSLATIONS).map(([language, translation]) => [language, { translation }])),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
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
