import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { errorText } from '../api/errors';

/** The error of a form that belongs to no single field (field errors show beside their field). */
export function FormError({ error, fieldCount }: { error: ApiError | null; fieldCount: number }) {
  const { t } = useTranslation();
  if (!error || fieldCount > 0) return null;
  return (
    <p role="alert" className="error">
      {errorText(t, error)}
    </p>
  );
}
