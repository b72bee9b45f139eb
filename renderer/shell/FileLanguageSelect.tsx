import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/contract';
import { LANGUAGE_NAMES } from '../i18n';

/** The window's language as one of the app's four. */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  const lang = i18n.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en';
}

/** A select of the app's four languages, each named in itself: the window's and a file's. */
export function LanguageSelect({ label, value, onChange }: { label: string; value: Language; onChange(language: Language): void }) {
  return (
    <label className="inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The language a file for a person is written in, beside its export button: the window's
 * language until the lead picks another (a Turkish lead exporting for an English-speaking agent).
 * `value` null follows the window.
 */
export function FileLanguageSelect({ value, onChange }: { value: Language | null; onChange(language: Language): void }) {
  const { t } = useTranslation();
  const ui = useUiLanguage();
  return <LanguageSelect label={t('calendarFile.language')} value={value ?? ui} onChange={onChange} />;
}
