import type { TFunction } from 'i18next';
import type { ApiError, ErrorCode } from '../../core/errors';
import type { Translation } from '../../words/index';

/**
 * An error as the window shows it: an API error, or one the window rewords. A rewording's
 * code is a message key under errors.* that names the field ('teamField.name') or carries
 * the words as written ('asWritten'): the service never sends these, so they are not ErrorCodes.
 */
export type ShownCode = ErrorCode | 'asWritten' | `teamField.${keyof Translation['errors']['teamField']}` | `templateField.${keyof Translation['errors']['templateField']}`;
export interface ShownError extends Omit<ApiError, 'code'> {
  code: ShownCode;
}

/** The user's-language message for an API error: by its code, else the service's own words. */
export function errorText(t: TFunction, error: ShownError): string {
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
