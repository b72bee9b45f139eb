import { z } from 'zod';
import { isPlainDate, isTimeZone } from './time';

/** Field-level schemas shared by every entity; each carries a stable error code. */

const issue = (code: string) => ({ params: { code } });

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Trimmed, non-empty, no control characters (they break CSV, ICS and print). */
export const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Must not be empty')
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'Must not contain control characters', ...issue('control_characters') });

export const plainDate = z
  .string()
  .refine(isPlainDate, { message: 'Must be a real date written YYYY-MM-DD', ...issue('invalid_date') });

export const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'Must be an IANA time zone such as Europe/Istanbul', ...issue('invalid_time_zone') });

export const locale = z
  .string()
  .max(35)
  .refine(
    (s) => {
      try {
        return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s) && Intl.getCanonicalLocales(s).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'Must be a language tag such as tr-TR or fa-IR', ...issue('invalid_locale') },
  );

let currencies: Set<string> | null = null;
export const currency = z
  .string()
  .refine(
    (s) => {
      currencies ??= new Set(Intl.supportedValuesOf('currency'));
      return currencies.has(s);
    },
    { message: 'Must be an ISO 4217 currency code such as TRY, PLN, IRR or EUR', ...issue('invalid_currency') },
  );

/** ISO 3166-1 alpha-2, or empty when the team does not want public holidays. */
export const country = z
  .string()
  .regex(/^([A-Z]{2})?$/, 'Must be a two-letter country code such as TR, PL, IR or GB (or empty)');

export const weekStart = z.enum(['mon', 'sat', 'sun']);

export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Must be a colour written #RRGGBB');

export const skill = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,31}$/u, 'A skill is 1–32 letters, digits, spaces, _ or -');

export const email = z.email('Must be an email address such as ayse@example.com').max(254);

export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+0-9 ()./-]*$/, 'A phone number may hold digits, spaces and + ( ) . / -');
