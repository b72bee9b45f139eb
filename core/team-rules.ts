import { z } from 'zod';
import { localTime } from './shift';

/**
 * Per-team working-time rules and pay premiums. Defaults follow the EU Working
 * Time Directive (11 h daily rest, 48 h a week, a weekly rest day). Stored as
 * JSON on the team and always read through this schema, so a newer field gets
 * its default in an older file.
 */
export const TeamRules = z.object({
  minRestHours: z.number().min(0).max(24).default(11),
  maxWeeklyHours: z.number().min(1).max(168).default(48),
  maxConsecutiveDays: z.number().int().min(1).max(31).default(6),
  /** A week's paid hours may differ from the contract by this much before it is flagged. */
  contractToleranceHours: z.number().min(0).max(80).default(4),
  /** ISO weekdays (1 = Monday) that count as weekend for premiums: Saturday and Sunday, or Friday in Iran. */
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7).default([6, 7]),
  nightStart: localTime.default('22:00'),
  nightEnd: localTime.default('06:00'),
  nightMultiplier: z.number().min(1).max(10).default(1.25),
  weekendMultiplier: z.number().min(1).max(10).default(1.5),
  holidayMultiplier: z.number().min(1).max(10).default(2),
  /** date-holidays region within the team's country (e.g. a Polish voivodeship), or empty. */
  holidayRegion: z.string().max(10).default(''),
  /** Whether on-call standby counts as work for the daily rest next to shifts (EU case law: standby that ties you down is working time). */
  onCallCountsForRest: z.boolean().default(true),
  /** Approving an absence warns when more people than this would be away on a day (null: no limit). */
  maxAway: z.number().int().min(1).max(1000).nullable().default(null),
  /** The same per skill: at most this many people with the skill away at once. */
  maxAwayBySkill: z.record(z.string().max(32), z.number().int().min(1).max(1000)).default({}),
  /** The team's monthly labour budget in its currency (null: none), for the cost report. */
  monthlyBudget: z.number().min(0).max(1_000_000_000).nullable().default(null),
});
export type TeamRules = z.output<typeof TeamRules>;

export const TeamRulesPatch = z.strictObject({
  minRestHours: z.number().min(0).max(24).optional(),
  maxWeeklyHours: z.number().min(1).max(168).optional(),
  maxConsecutiveDays: z.number().int().min(1).max(31).optional(),
  contractToleranceHours: z.number().min(0).max(80).optional(),
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  nightStart: localTime.optional(),
  nightEnd: localTime.optional(),
  nightMultiplier: z.number().min(1).max(10).optional(),
  weekendMultiplier: z.number().min(1).max(10).optional(),
  holidayMultiplier: z.number().min(1).max(10).optional(),
  holidayRegion: z.string().max(10).optional(),
  onCallCountsForRest: z.boolean().optional(),
  maxAway: z.number().int().min(1).max(1000).nullable().optional(),
  maxAwayBySkill: z.record(z.string().max(32), z.number().int().min(1).max(1000)).optional(),
  monthlyBudget: z.number().min(0).max(1_000_000_000).nullable().optional(),
});

export function defaultRules(weekStart: 'mon' | 'sat' | 'sun'): TeamRules {
  // A Saturday week start is the Iranian week: the weekend is Friday.
  return TeamRules.parse(weekStart === 'sat' ? { weekendDays: [5] } : {});
}

/** Reads stored rules leniently: unknown keys dropped, missing ones defaulted. */
export function readRules(json: string): TeamRules {
  try {
    const parsed = TeamRules.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : TeamRules.parse({});
  } catch {
    return TeamRules.parse({});
  }
}
