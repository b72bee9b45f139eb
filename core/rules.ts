import { z } from 'zod';
import type { TeamRules } from './team-rules';
import { startOfWeek, Temporal, type WeekStart } from './time';
import { zoneClock, type ZoneClock } from './zone-clock';

/**
 * Working-time rules over a range of the rota. One function, used by the grid,
 * the Problems panel and `rosterdesk check`, so they always show the same list.
 * Pure: the caller loads shifts a little beyond the range (a week before and
 * after) so rest, weekly hours and consecutive days see across its edges.
 */

export const RULE_IDS = ['overlap', 'rest', 'weekly_hours', 'consecutive_days', 'contract_hours', 'skill', 'absence', 'oncall_rest'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const Violation = z.object({
  rule: z.enum(RULE_IDS),
  personId: z.number(),
  personName: z.string(),
  /** The roster day the problem shows on (for weekly rules: the week's first day in range). */
  day: z.string(),
  message: z.string(),
  /** Numbers behind the message, so the UI can say it in the user's language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  shiftIds: z.array(z.number()),
});
export type Violation = z.infer<typeof Violation>;

export interface RuleShift {
  id: number;
  personId: number;
  day: string;
  startUtc: number;
  endUtc: number;
  breakMinutes: number;
  skill: string | null;
}

export interface RulePerson {
  id: number;
  name: string;
  skills: readonly string[];
  contractHoursPerWeek: number;
  /** Days outside employment are, like leave, time the contract does not expect. */
  employmentStart?: string | null;
  employmentEnd?: string | null;
}

/** What a contract expects over some days, and why it is less than the weekly hours pro rata. */
export interface ContractExpectation {
  hours: number;
  /** Working weekdays off the table: `leaveDays` + `outsideEmploymentDays`. */
  awayDays: number;
  /** Working weekdays on approved full-day leave (while employed). */
  leaveDays: number;
  /** Working weekdays before the person starts or after they leave. */
  outsideEmploymentDays: number;
}

/**
 * The paid hours a contract expects over the days [from, to]: a working weekday's share of the
 * weekly hours (the week spread over the team's working weekdays) for every working weekday the
 * person is employed and not away (approved leave). Over a whole week this is the weekly hours
 * less a share per day away. The one count of the expectation: the rule check, the
 * auto-scheduler, the rota grid, the cost and hours reports all ask it.
 */
export function expectedHoursInRange(
  person: Pick<RulePerson, 'contractHoursPerWeek' | 'employmentStart' | 'employmentEnd'>,
  from: string,
  to: string,
  rules: Pick<TeamRules, 'weekendDays'>,
  clock: ZoneClock,
  away: (day: string) => boolean,
): ContractExpectation {
  const weekend = new Set(rules.weekendDays);
  const dayHours = person.contractHoursPerWeek / Math.max(1, 7 - weekend.size);
  let workdays = 0;
  let leaveDays = 0;
  let outsideEmploymentDays = 0;
  for (let d = from; d <= to; d = clock.addDays(d, 1)) {
    if (weekend.has(clock.weekday(d))) continue;
    if ((!!person.employmentStart && d < person.employmentStart) || (!!person.employmentEnd && d > person.employmentEnd)) outsideEmploymentDays += 1;
    else if (away(d)) leaveDays += 1;
    else workdays += 1;
  }
  return { hours: workdays * dayHours, awayDays: leaveDays + outsideEmploymentDays, leaveDays, outsideEmploymentDays };
}

/** The paid hours a contract expects in the week starting `week` (see `expectedHoursInRange`). */
export function expectedContractHours(person: RulePerson, week: string, rules: TeamRules, clock: ZoneClock, away: (day: string) => boolean): ContractExpectation {
  return expectedHoursInRange(person, week, clock.addDays(week, 6), rules, clock, away);
}

/** An approved absence, inclusive days. */
export interface RuleAbsence {
  personId: number;
  from: string;
  to: string;
  type: string;
}

/** A stretch of on-call standby from the final schedule (epoch seconds). */
export interface RuleOnCall {
  personId: number;
  startUtc: number;
  endUtc: number;
  rotation: string;
}

export interface RuleInput {
  shifts: readonly RuleShift[];
  people: readonly RulePerson[];
  absences?: readonly RuleAbsence[];
  /** On-call blocks; checked against shifts for rest when the team counts standby for rest. */
  onCall?: readonly RuleOnCall[];
  rules: TeamRules;
  weekStart: WeekStart;
  from: string;
  to: string;
  /** Day math, memoised; pass the request's clock to share its cache. */
  clock?: ZoneClock;
}

const paid = (s: RuleShift) => Math.max(0, (s.endUtc - s.startUtc) / 60 - s.breakMinutes);
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Whether a shift and a stretch of on-call standby leave less than the daily rest
 * between them, or overlap (the `oncall_rest` rule; the scheduler avoids the same).
 */
export function standbyClash(shift: { startUtc: number; endUtc: number }, standby: { startUtc: number; endUtc: number }, minRestHours: number): boolean {
  // Negative when they overlap: no rest at all.
  const gapSeconds = shift.startUtc >= standby.startUtc ? shift.startUtc - standby.endUtc : standby.startUtc - shift.endUtc;
  return gapSeconds < minRestHours * 3600;
}

/** The days the caller must load shifts for so that `checkRules` sees across the range's edges. */
export function loadRange(from: string, to: string, weekStart: WeekStart, rules: TeamRules): { from: string; to: string } {
  const a = Temporal.PlainDate.from(from);
  const b = Temporal.PlainDate.from(to);
  const back = Math.max(7, rules.maxConsecutiveDays + 1);
  const first = Temporal.PlainDate.compare(startOfWeek(a, weekStart), a.subtract({ days: back })) < 0 ? startOfWeek(a, weekStart) : a.subtract({ days: back });
  return { from: first.toString(), to: startOfWeek(b, weekStart).add({ days: 7 }).toString() };
}

export function checkRules(input: RuleInput): Violation[] {
  const { rules, from, to } = input;
  // Shifts carry their roster day; only on-call blocks need the team's zone to name theirs.
  const clock = input.clock ?? zoneClock('UTC');
  const inRange = (day: string) => day >= from && day <= to;
  const out: Violation[] = [];
  const byPerson = new Map<number, RuleShift[]>();
  for (const s of input.shifts) {
    const list = byPerson.get(s.personId);
    if (list) list.push(s);
    else byPerson.set(s.personId, [s]);
  }
  const plannedWeeks = new Set(input.shifts.map((s) => clock.weekOf(s.day, input.weekStart)));
  const absencesOf = new Map<number, RuleAbsence[]>();
  for (const a of input.absences ?? []) absencesOf.set(a.personId, [...(absencesOf.get(a.personId) ?? []), a]);

  // A person's on-call blocks joined where they touch: one turn split at midnight is still one stretch.
  const mergedOnCall = new Map<number, RuleOnCall[]>();
  for (const b of [...(input.onCall ?? [])].sort((x, y) => x.personId - y.personId || x.startUtc - y.startUtc)) {
    const list = mergedOnCall.get(b.personId) ?? [];
    const last = list.at(-1);
    if (last && last.endUtc >= b.startUtc) last.endUtc = Math.max(last.endUtc, b.endUtc);
    else list.push({ ...b });
    mergedOnCall.set(b.personId, list);
  }

  for (const person of input.people) {
    const list = (byPerson.get(person.id) ?? []).slice().sort((a, b) => a.startUtc - b.startUtc || a.endUtc - b.endUtc);
    const add = (rule: RuleId, day: string, message: string, params: Violation['params'], shiftIds: number[]) => {
      if (inRange(day)) out.push({ rule, personId: person.id, personName: person.name, day, message, params, shiftIds });
    };

    // Overlap: every pair that shares time, exactly (the later shift's day shows it).
    for (let i = 0; i < list.length; i += 1) {
      const a = list[i] as RuleShift;
      for (let j = i + 1; j < list.length && (list[j] as RuleShift).startUtc < a.endUtc; j += 1) {
        const b = list[j] as RuleShift;
        add('overlap', b.day, `${person.name} has overlapping shifts on ${b.day}`, {}, [a.id, b.id]);
      }
    }

    // Rest between shifts of different roster days (a split shift within a day is one working day):
    // each shift against the latest end of everything before it.
    let latest: RuleShift | null = null;
    for (const s of list) {
      if (latest && latest.day !== s.day) {
        const gapHours = (s.startUtc - latest.endUtc) / 3600;
        if (gapHours >= 0 && gapHours < rules.minRestHours) {
          add('rest', s.day, `${person.name} has only ${hours(gapHours * 60)} h rest before ${s.day} (at least ${rules.minRestHours} h)`, { hours: hours(gapHours * 60), limit: rules.minRestHours }, [latest.id, s.id]);
        }
      }
      if (!latest || s.endUtc > latest.endUtc) latest = s;
    }

    // Weekly paid hours, per the team's week.
    const weeks = new Map<string, { minutes: number; ids: number[] }>();
    for (const s of list) {
      const w = clock.weekOf(s.day, input.weekStart);
      const entry = weeks.get(w) ?? { minutes: 0, ids: [] };
      entry.minutes += paid(s);
      entry.ids.push(s.id);
      weeks.set(w, entry);
    }
    const firstOfWeekInRange = (w: string) => (w < from ? from : w);
    for (const [w, { minutes, ids }] of weeks) {
      const weekEnd = clock.addDays(w, 6);
      if (weekEnd < from || w > to) continue;
      if (minutes > rules.maxWeeklyHours * 60) {
        add('weekly_hours', firstOfWeekInRange(w), `${person.name} works ${hours(minutes)} h in the week of ${w} (at most ${rules.maxWeeklyHours} h)`, { hours: hours(minutes), limit: rules.maxWeeklyHours, week: w }, ids);
      }
    }
    // Contract hours: only weeks wholly inside the range (a partial view never cries wolf)
    // and only weeks whose rota has been started (an empty future is not 40 problems).
    if (person.contractHoursPerWeek > 0) {
      for (let week = clock.weekOf(from, input.weekStart); week <= to; week = clock.addDays(week, 7)) {
        if (week < from || clock.addDays(week, 6) > to || !plannedWeeks.has(week)) continue;
        const minutes = weeks.get(week)?.minutes ?? 0;
        const { hours: expected, awayDays } = expectedContractHours(person, week, rules, clock, (d) => (absencesOf.get(person.id) ?? []).some((a) => d >= a.from && d <= a.to));
        const diff = minutes / 60 - expected;
        if (Math.abs(diff) > rules.contractToleranceHours) {
          add('contract_hours', week, `${person.name} is planned ${hours(minutes)} h in the week of ${week}, contract ${hours(expected * 60)} h${awayDays ? ` after ${awayDays} day(s) of leave` : ''} (± ${rules.contractToleranceHours} h)`, { hours: hours(minutes), contract: hours(expected * 60), tolerance: rules.contractToleranceHours, week }, weeks.get(week)?.ids ?? []);
        }
      }
    }

    // Consecutive working days: flagged on the first day past the limit of each run.
    const days = [...new Set(list.map((s) => s.day))].sort();
    let run = 0;
    let last: string | null = null;
    for (const d of days) {
      run = last !== null && clock.addDays(last, 1) === d ? run + 1 : 1;
      last = d;
      if (run === rules.maxConsecutiveDays + 1) {
        add('consecutive_days', d, `${person.name} works ${run} days in a row up to ${d} (at most ${rules.maxConsecutiveDays})`, { days: run, limit: rules.maxConsecutiveDays }, list.filter((s) => s.day === d).map((s) => s.id));
      }
    }

    // Rest around on-call: standby next to a shift must leave the daily rest, as if it were work.
    if (rules.onCallCountsForRest) {
      for (const b of mergedOnCall.get(person.id) ?? []) {
        for (const s of list) {
          if (!standbyClash(s, b, rules.minRestHours)) continue;
          const after = s.startUtc >= b.startUtc;
          const gapSeconds = after ? s.startUtc - b.endUtc : b.startUtc - s.endUtc;
          const day = after ? s.day : clock.dayOf(b.startUtc);
          const h = hours(Math.max(0, gapSeconds) / 60);
          const message = after
            ? `${person.name} has only ${h} h rest between on-call (${b.rotation}) and the shift on ${s.day} (at least ${rules.minRestHours} h)`
            : `${person.name} has only ${h} h rest between the shift on ${s.day} and on-call (${b.rotation}) on ${day} (at least ${rules.minRestHours} h)`;
          add('oncall_rest', day, message, { hours: h, limit: rules.minRestHours, rotation: b.rotation, shiftDay: s.day }, [s.id]);
        }
      }
    }

    for (const s of list) {
      if (s.skill !== null && !person.skills.includes(s.skill)) {
        add('skill', s.day, `${person.name} lacks the ${s.skill} skill this shift needs on ${s.day}`, { skill: s.skill }, [s.id]);
      }
      const away = (absencesOf.get(person.id) ?? []).find((a) => s.day >= a.from && s.day <= a.to);
      if (away) add('absence', s.day, `${person.name} is on approved ${away.type} on ${s.day}`, { type: away.type }, [s.id]);
    }
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.personName.localeCompare(b.personName) || a.rule.localeCompare(b.rule)));
}

/** From a range's approved full-day leave: whether a person is away on a day (the expectation's and the scheduler's test). */
export function onLeaveTest(leave: readonly { personId: number; from: string; to: string }[]): (personId: number, day: string) => boolean {
  const byPerson = new Map<number, { from: string; to: string }[]>();
  for (const a of leave) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  return (personId, day) => (byPerson.get(personId) ?? []).some((a) => day >= a.from && day <= a.to);
}
