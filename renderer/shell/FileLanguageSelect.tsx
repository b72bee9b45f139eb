import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/contract';
import { LANGUAGE_NAMES } from '../i18n';

/** The window's language as one of the app's four. */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  const lang = i18n.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en';
}

/**
 * The language a file for a person is written in, beside its export button: the window's
 * language until the lead picks another (a Turkish lead exporting for an English-speaking agent).
 * `value` null follows the window.
 */
export function FileLanguageSelect({ value, onChange }: { value: Language | null; onChange(language: Language): void }) {
  const { t } = useTranslation();
  const ui = useUiLanguage();
  return (
    <label className="inline">
      <span>{t('calendarFile.language')}</span>
      <select value={value ?? ui} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
