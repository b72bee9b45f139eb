import type { TFunction } from 'i18next';
import type { ApiError } from '../../core/errors';

/** The user's-language message for an API error: by its code, else the service's own words. */
export function errorText(t: TFunction, error: ApiError): string {
  const key = `errors.${error.code}`;
  const translated = t(key, { message: error.message, defaultValue: '' });
  return translated || t('errors.generic', { message: error.message });
}

/** Field errors by first path segment, from an error and the further issues it carries. */
export function fieldErrors(error: ApiError | null): Map<string, ApiError> {
  const out = new Map<string, ApiError>();
  if (!error) return out;
  for (const e of [error, ...(error.issues ?? [])]) {
    const field = e.path[0];
    if (typeof field === 'string' && !out.has(field)) out.set(field, e);
  }
  return out;
}
