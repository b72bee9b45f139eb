import { z } from 'zod';
import { TeamRules, TeamRulesPatch } from './team-rules';
import { fold } from './text';
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
