import { z } from 'zod';
import { fold } from './text';
import { color, country, email, id, label, phone, plainDate, skill } from './validators';

export const Person = z.object({
  id,
  teamId: id,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string(),
  color: z.string(),
  skills: z.array(z.string()),
  contractHoursPerWeek: z.number(),
  hourlyRate: z.number(),
  employmentStart: z.string().nullable(),
  employmentEnd: z.string().nullable(),
  /** Whose public holidays this person keeps: a country code, or empty for the team's. */
  holidayCountry: z.string(),
  notes: z.string(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

/** Person fields a lead can set; shared by create, update and the CSV import. */
const personFields = {
  name: label(120),
  // Empty string means "no email" so a form field can be cleared.
  email: z.union([z.literal('').transform(() => null), email, z.null()]),
  phone,
  color,
  skills: z
    .array(skill)
    .max(50)
    .refine((list) => new Set(list).size === list.length, { message: 'Each skill may appear once', params: { code: 'duplicate_skill' } }),
  contractHoursPerWeek: z.number().min(0, 'Must be 0 or more').max(80, 'At most 80 hours a week'),
  hourlyRate: z.number().min(0, 'Must be 0 or more').max(100_000, 'At most 100000 an hour'),
  employmentStart: plainDate.nullable(),
  employmentEnd: plainDate.nullable(),
  holidayCountry: country,
  notes: z.string().max(2000, 'At most 2000 characters'),
};

const employmentOrder = (p: { employmentStart?: string | null | undefined; employmentEnd?: string | null | undefined }) =>
  !p.employmentStart || !p.employmentEnd || p.employmentStart <= p.employmentEnd;
const employmentOrderIssue = {
  message: 'Employment must end on or after it starts',
  path: ['employmentEnd'],
  params: { code: 'reversed_range' },
};

export const PersonCreate = z
  .strictObject({
    teamId: id,
    name: personFields.name,
    email: personFields.email.default(null),
    phone: personFields.phone.default(''),
    color: personFields.color.optional(),
    skills: personFields.skills.default([]),
    contractHoursPerWeek: personFields.contractHoursPerWeek.default(40),
    hourlyRate: personFields.hourlyRate.default(0),
    employmentStart: personFields.employmentStart.default(null),
    employmentEnd: personFields.employmentEnd.default(null),
    holidayCountry: personFields.holidayCountry.default(''),
    notes: personFields.notes.default(''),
  })
  .refine(employmentOrder, employmentOrderIssue);
export type PersonCreate = z.input<typeof PersonCreate>;
/** A person as validated for insert: every default filled in (colour may still be chosen by the service). */
export type NewPerson = z.output<typeof PersonCreate>;

export const PersonUpdate = z
  .strictObject({
    id,
    name: personFields.name.optional(),
    email: personFields.email.optional(),
    phone: personFields.phone.optional(),
    color: personFields.color.optional(),
    skills: personFields.skills.optional(),
    contractHoursPerWeek: personFields.contractHoursPerWeek.optional(),
    hourlyRate: personFields.hourlyRate.optional(),
    employmentStart: personFields.employmentStart.optional(),
    employmentEnd: personFields.employmentEnd.optional(),
    holidayCountry: personFields.holidayCountry.optional(),
    notes: personFields.notes.optional(),
  })
  .refine(employmentOrder, employmentOrderIssue);
export type PersonUpdate = z.input<typeof PersonUpdate>;

/** A readable palette for people without a chosen colour (distinct in print too). */
export const PERSON_PALETTE = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39',
] as const;

export function paletteColor(index: number): string {
  return PERSON_PALETTE[((index % PERSON_PALETTE.length) + PERSON_PALETTE.length) % PERSON_PALETTE.length] ?? '#1f77b4';
}

/**
 * The person a typed name or email means, as imports use it: the email first
 * (case aside), else the one person whose name folds to the same text.
 */
export function matchPerson<P extends { name: string; email: string | null }>(everyone: readonly P[], text: string): { person: P } | { ambiguous: number } | null {
  const wanted = text.trim();
  const byEmail = everyone.find((p) => p.email !== null && p.email.toLowerCase() === wanted.toLowerCase());
  if (byEmail) return { person: byEmail };
  const named = everyone.filter((p) => fold(p.name) === fold(wanted));
  if (named.length === 1 && named[0]) return { person: named[0] };
  return named.length > 1 ? { ambiguous: named.length } : null;
}

/** The import line message for a name `matchPerson` could not settle. */
export function personNotFound(teamName: string, text: string, match: { ambiguous: number } | null): string {
  return match ? `${match.ambiguous} people are called ${text}; use their email` : `nobody in ${teamName} is called or has the email ${text}`;
}
