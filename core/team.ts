import { z } from 'zod';
import { TeamRules, TeamRulesPatch } from './team-rules';
import { fold } from './text';
import type { WeekStart } from './time';
import { country, currency, id, label, locale, skill, timeZone, weekStart } from './validators';

export const DEFAULT_SKILLS = ['phone', 'chat', 'email'] as const;

export const Team = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  weekStart,
  country: z.string(),
  currency: z.string(),
  skills: z.array(z.string()),
  rules: TeamRules,
  createdAt: z.string(),
});
export type Team = z.infer<typeof Team>;

const uniqueSkills = z
  .array(skill)
  .min(1, 'A team needs at least one skill or channel')
  .max(50)
  .refine((list) => new Set(list).size === list.length, { message: 'Each skill may appear once', params: { code: 'duplicate_skill' } });

export const TeamCreate = z.strictObject({
  name: label(80),
  timeZone,
  locale: locale.default('en-GB'),
  weekStart: weekStart.default('mon'),
  country: country.default(''),
  currency: currency.default('EUR'),
  skills: uniqueSkills.default([...DEFAULT_SKILLS]),
  rules: TeamRulesPatch.optional(),
});
export type TeamCreate = z.input<typeof TeamCreate>;

export const TeamUpdate = z.strictObject({
  id,
  name: label(80).optional(),
  timeZone: timeZone.optional(),
  locale: locale.optional(),
  weekStart: weekStart.optional(),
  country: country.optional(),
  currency: currency.optional(),
  skills: uniqueSkills.optional(),
  rules: TeamRulesPatch.optional(),
});
export type TeamUpdate = z.input<typeof TeamUpdate>;

/** The team a typed name means (case and accents aside), as the CLI's --team and the duplicate check use it. */
export function matchTeamName<T extends { name: string }>(teams: readonly T[], name: string): T | null {
  const wanted = fold(name.trim());
  return teams.find((t) => fold(t.name) === wanted) ?? null;
}

export interface PlaceDefaults {
  country: string;
  locale: string;
  currency: string;
  /** Where the working week does not start on Monday (Iran's starts on Saturday). */
  weekStart?: WeekStart;
}

/**
 * What a time zone says about where a team works: its country (public holidays), locale, pay
 * currency and, where it is not Monday, the first day of the week. Only zones that name one country with one obvious language; a zone not listed
 * (or shared, like Europe/Brussels's languages) leaves the team's choices as they are.
 */
const PLACES: Record<string, PlaceDefaults> = {
  'Europe/Istanbul': { country: 'TR', locale: 'tr-TR', currency: 'TRY' },
  'Europe/Warsaw': { country: 'PL', locale: 'pl-PL', currency: 'PLN' },
  'Asia/Tehran': { country: 'IR', locale: 'fa-IR', currency: 'IRR', weekStart: 'sat' },
  'Europe/London': { country: 'GB', locale: 'en-GB', currency: 'GBP' },
  'Europe/Dublin': { country: 'IE', locale: 'en-IE', currency: 'EUR' },
  'Europe/Berlin': { country: 'DE', locale: 'de-DE', currency: 'EUR' },
  'Europe/Vienna': { country: 'AT', locale: 'de-AT', currency: 'EUR' },
  'Europe/Zurich': { country: 'CH', locale: 'de-CH', currency: 'CHF' },
  'Europe/Paris': { country: 'FR', locale: 'fr-FR', currency: 'EUR' },
  'Europe/Madrid': { country: 'ES', locale: 'es-ES', currency: 'EUR' },
  'Europe/Lisbon': { country: 'PT', locale: 'pt-PT', currency: 'EUR' },
  'Europe/Rome': { country: 'IT', locale: 'it-IT', currency: 'EUR' },
  'Europe/Amsterdam': { country: 'NL', locale: 'nl-NL', currency: 'EUR' },
  'Europe/Copenhagen': { country: 'DK', locale: 'da-DK', currency: 'DKK' },
  'Europe/Stockholm': { country: 'SE', locale: 'sv-SE', currency: 'SEK' },
  'Europe/Oslo': { country: 'NO', locale: 'nb-NO', currency: 'NOK' },
  'Europe/Helsinki': { country: 'FI', locale: 'fi-FI', currency: 'EUR' },
  'Europe/Prague': { country: 'CZ', locale: 'cs-CZ', currency: 'CZK' },
  'Europe/Bratislava': { country: 'SK', locale: 'sk-SK', currency: 'EUR' },
  'Europe/Budapest': { country: 'HU', locale: 'hu-HU', currency: 'HUF' },
  'Europe/Bucharest': { country: 'RO', locale: 'ro-RO', currency: 'RON' },
  'Europe/Sofia': { country: 'BG', locale: 'bg-BG', currency: 'BGN' },
  'Europe/Athens': { country: 'GR', locale: 'el-GR', currency: 'EUR' },
  'Europe/Vilnius': { country: 'LT', locale: 'lt-LT', currency: 'EUR' },
  'Europe/Riga': { country: 'LV', locale: 'lv-LV', currency: 'EUR' },
  'Europe/Tallinn': { country: 'EE', locale: 'et-EE', currency: 'EUR' },
  'Europe/Kyiv': { country: 'UA', locale: 'uk-UA', currency: 'UAH' },
  'Europe/Kiev': { country: 'UA', locale: 'uk-UA', currency: 'UAH' },
  'Asia/Baku': { country: 'AZ', locale: 'az-AZ', currency: 'AZN' },
  'Asia/Tbilisi': { country: 'GE', locale: 'ka-GE', currency: 'GEL' },
  'Asia/Dubai': { country: 'AE', locale: 'ar-AE', currency: 'AED' },
  'Asia/Riyadh': { country: 'SA', locale: 'ar-SA', currency: 'SAR', weekStart: 'sun' },
  'Africa/Cairo': { country: 'EG', locale: 'ar-EG', currency: 'EGP', weekStart: 'sat' },
  'Asia/Kolkata': { country: 'IN', locale: 'en-IN', currency: 'INR' },
  'Asia/Karachi': { country: 'PK', locale: 'ur-PK', currency: 'PKR' },
  'Asia/Singapore': { country: 'SG', locale: 'en-SG', currency: 'SGD' },
  'Asia/Tokyo': { country: 'JP', locale: 'ja-JP', currency: 'JPY' },
  'Australia/Sydney': { country: 'AU', locale: 'en-AU', currency: 'AUD' },
  'America/Toronto': { country: 'CA', locale: 'en-CA', currency: 'CAD' },
  'America/New_York': { country: 'US', locale: 'en-US', currency: 'USD', weekStart: 'sun' },
  'America/Chicago': { country: 'US', locale: 'en-US', currency: 'USD', weekStart: 'sun' },
  'America/Denver': { country: 'US', locale: 'en-US', currency: 'USD', weekStart: 'sun' },
  'America/Los_Angeles': { country: 'US', locale: 'en-US', currency: 'USD', weekStart: 'sun' },
  'America/Sao_Paulo': { country: 'BR', locale: 'pt-BR', currency: 'BRL' },
  'America/Mexico_City': { country: 'MX', locale: 'es-MX', currency: 'MXN' },
};

/** The country, locale and currency a time zone suggests, or null when it says nothing certain. */
export function placeOfZone(timeZone: string): PlaceDefaults | null {
  return PLACES[timeZone] ?? null;
}

/** The locales the team form offers first: those of the zones above, then English variants. */
export const KNOWN_LOCALES: readonly string[] = [...new Set([...Object.values(PLACES).map((p) => p.locale), 'en-GB', 'en-US'])];
