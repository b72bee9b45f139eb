import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { errorText } from '../api/errors';

/** What could not be read, said where the figures would have been; every read error is shown. */
export function LoadError({ errors }: { errors: readonly (ApiError | null)[] }) {
  const { t } = useTranslation();
  const shown = [...new Map(errors.filter((e): e is ApiError => e !== null).map((e) => [`${e.code}|${e.message}`, e])).values()];
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="error">
      {shown.map((e) => (
        <p key={`${e.code}|${e.message}`}>{t('errors.loadFailed', { message: errorText(t, e) })}</p>
      ))}
    </div>
  );
}
