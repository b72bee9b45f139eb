import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { errorText } from '../api/errors';

/** A refused call: a file import lists every bad line under `failedText`; anything else is one message. */
export function ImportErrors({ error, failedText }: { error: ApiError | null; failedText: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" className="error">
      <p>{error.lines?.length ? failedText : errorText(t, error)}</p>
      {error.lines && (
        <ul>
          {error.lines.map((l) => (
            <li key={`${l.line}-${l.column ?? ''}-${l.message}`}>
              {l.line}: {l.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
