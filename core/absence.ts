import { z } from 'zod';
import { color, id, label, plainDate } from './validators';
import type { ZoneClock } from './zone-clock';

/**
 * Absences and leave: types, requests and their status, allowances and
 * balances, and the statistics a lead reports (absence rate, Bradford factor).
 * Amounts are counted on the team's working days: a Monday-to-Sunday vacation
 * costs five days of allowance, not seven, and a public holiday inside it costs none.
 */

export const ABSENCE_TYPE_KEYS = ['vacation', 'sick', 'training', 'parental', 'unpaid', 'other'] as const;
export type AbsenceTypeKey = (typeof ABSENCE_TYPE_KEYS)[number];

/** The default types a new team gets, named in its language (the names are then the lead's to change). */
export const DEFAULT_ABSENCE_TYPES: readonly { key: AbsenceTypeKey; color: string; paid: boolean; countsAgainstAllowance: boolean; names: Record<'en' | 'tr' | 'pl' | 'fa', string> }[] = [
  { key: 'vacation', color: '#2e86de', paid: true, countsAgainstAllowance: true, names: { en: 'Vacation', tr: 'Yıllık izin', pl: 'Urlop wypoczynkowy', fa: 'مرخصی استحقاقی' } },
  { key: 'sick', color: '#e55039', paid: true, countsAgainstAllowance: false, names: { en: 'Sick', tr: 'Hastalık izni', pl: 'Zwolnienie lekarskie', fa: 'مرخصی استعلاجی' } },
  { key: 'training', color: '#8e44ad', paid: true, countsAgainstAllowance: false, names: { en: 'Training', tr: 'Eğitim', pl: 'Szkolenie', fa: 'آموزش' } },
  { key: 'parental', color: '#16a085', paid: true, countsAgainstAllowance: false, names: { en: 'Parental leave', tr: 'Doğum/ebeveyn izni', pl: 'Urlop rodzicielski', fa: 'مرخصی زایمان' } },
  { key: 'unpaid', color: '#7f8c8d', paid: false, countsAgainstAllowance: false, names: { en: 'Unpaid leave', tr: 'Ücretsiz izin', pl: 'Urlop bezpłatny', fa: 'مرخصی بدون حقوق' } },
  { key: 'other', color: '#b7950b', paid: false, countsAgainstAllowance: false, names: { en: 'Other', tr: 'Diğer', pl: 'Inne', fa: 'سایر' } },
];

/** The default types' names in a team's language (its locale's first subtag); English otherwise. */
export function defaultTypeName(key: AbsenceTypeKey, locale: string): string {
  const spec = DEFAULT_ABSENCE_TYPES.find((t) => t.key === key);
  const lang = locale.slice(0, 2).toLowerCase();
  if (!spec) return key;
  return lang === 'tr' || lang === 'pl' || lang === 'fa' ? spec.names[lang] : spec.names.en;
}

export const ABSENCE_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export const AbsenceStatus = z.enum(ABSENCE_STATUSES);
export type AbsenceStatus = z.infer<typeof AbsenceStatus>;

/** Which status may follow which: a decision is final; an approved absence can still be cancelled. */
export const STATUS_CHANGES: Readonly<Record<AbsenceStatus, readonly AbsenceStatus[]>> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['cancelled'],
  rejected: [],
  cancelled: [],
};

export const AbsenceType = z.object({
  id,
  teamId: id,
  key: z.enum(ABSENCE_TYPE_KEYS).nullable(),
  name: z.string(),
  color: z.string(),
  paid: z.boolean(),
  countsAgainstAllowance: z.boolean(),
  archived: z.boolean(),
});
export type AbsenceType = z.infer<typeof AbsenceType>;

/**
 * What a lead edits on an absence type. A new field goes here, in AbsenceType above, and (with the
 * value a new type gets) in AbsenceTypeCreate: the contract only refers to these.
 */
const absenceTypeFields = z.object({ name: label(60), color, paid: z.boolean(), countsAgainstAllowance: z.boolean() });

export const AbsenceTypeCreate = z.strictObject({
  ...absenceTypeFields.shape,
  teamId: id,
  color: color.default('#6b7a90'),
  paid: z.boolean().default(true),
  countsAgainstAllowance: z.boolean().default(false),
});
export type AbsenceTypeCreate = z.input<typeof AbsenceTypeCreate>;

/** Any of the fields, the others left as they are. */
export const AbsenceTypeUpdate = z.strictObject({ ...absenceTypeFields.partial().shape, id });
export type AbsenceTypeUpdate = z.input<typeof AbsenceTypeUpdate>;

/** Hours per day for a part-day absence; null is a full day. */
export const partDayHours = z.number().min(0.25, 'At least a quarter of an hour').max(24, 'At most 24 hours a day').multipleOf(0.25, 'In quarter hours').nullable();

export const Absence = z.object({
  id,
  teamId: id,
  personId: id,
  personName: z.string(),
  typeId: id,
  typeKey: z.enum(ABSENCE_TYPE_KEYS).nullable(),
  typeName: z.string(),
  color: z.string(),
  /** First and last day, inclusive, in the team's calendar. */
  start: z.string(),
  end: z.string(),
  hours: z.number().nullable(),
  status: AbsenceStatus,
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Absence = z.infer<typeof Absence>;

export const AbsenceCreate = z.strictObject({
  teamId: id,
  personId: id,
  typeId: id,
  start: plainDate,
  end: plainDate,
  hours: partDayHours.default(null),
  status: z.enum(['requested', 'approved']).default('requested'),
  note: z.string().max(500).default(''),
});

export const WARNING_CODES = ['over_balance', 'max_away', 'uncovered_shifts'] as const;
export const AbsenceWarning = z.object({
  code: z.enum(WARNING_CODES),
  message: z.string(),
  /** Numbers behind the message, so the UI can say it in the user's language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type AbsenceWarning = z.infer<typeof AbsenceWarning>;

export const AbsenceOutcome = z.object({ absence: Absence, warnings: z.array(AbsenceWarning) });
export type AbsenceOutcome = z.infer<typeof AbsenceOutcome>;

export const AUDIT_ACTIONS = ['created', 'imported', 'edited', 'approved', 'rejected', 'cancelled'] as const;
export const AuditChange = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export type AuditChange = z.infer<typeof AuditChange>;
export const AbsenceHistoryLine = z.object({
  id,
  absenceId: id,
  at: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** The absence as it reads now: type and days. */
  absence: z.string(),
  changes: z.array(AuditChange),
});
export type AbsenceHistoryLine = z.infer<typeof AbsenceHistoryLine>;

export const AllowanceUnit = z.enum(['days', 'hours']);
export type AllowanceUnit = z.infer<typeof AllowanceUnit>;

export const AllowanceRow = z.object({ personId: id, typeId: id, year: z.number().int(), unit: AllowanceUnit, amount: z.number(), carryOver: z.number() });
export type AllowanceRow = z.infer<typeof AllowanceRow>;
export const AllowanceSet = z.strictObject({
  personId: id,
  typeId: id,
  year: z.number().int().min(1900).max(3000),
  unit: AllowanceUnit.default('days'),
  amount: z.number().min(0).max(10_000),
  carryOver: z.number().min(-10_000).max(10_000).default(0),
});

export const Balance = z.object({
  typeId: id,
  typeName: z.string(),
  year: z.number().int(),
  unit: AllowanceUnit,
  allowance: z.number(),
  carryOver: z.number(),
  /** Approved, on or before the as-of day. */
  taken: z.number(),
  /** Approved, after the as-of day. */
  planned: z.number(),
  /** Asked for, not yet decided. */
  requested: z.number(),
  /** allowance + carry-over − taken − planned. */
  left: z.number(),
});
export type Balance = z.infer<typeof Balance>;

/**
 * Days here are the person's own working days in full-time-equivalent days: the team's working
 * days (not weekend, not a public holiday) while they are employed, times `fte`. A 20 h contract
 * in a 40 h team has half as many working days as a full-timer, and a day of its sickness is half
 * a day of them; the rate is then lost time over contracted time, as for everyone.
 */
export const AbsenceStatsRow = z.object({
  /** null: the team as a whole. */
  personId: z.number().nullable(),
  personName: z.string(),
  /** Weekly contract hours over the team's full-time week, at most 1; for the team, the sum (its FTE). */
  fte: z.number(),
  workingDays: z.number(),
  absentDays: z.number(),
  /** absentDays / workingDays, 0 when there were no working days. */
  rate: z.number(),
  sickDays: z.number(),
  sickSpells: z.number(),
  /** Spells² × days of sickness (the Bradford factor); for the team, the sum over people. */
  bradford: z.number(),
});
export type AbsenceStatsRow = z.infer<typeof AbsenceStatsRow>;

/**
 * What counts as a working day of the team: not a weekend day, not a holiday of the team. A half
 * holiday is a working day (its morning is worked), and `share` says how much of a day it is: leave
 * on it uses half a day.
 */
export interface WorkdayTest {
  (day: string): boolean;
  /** 1 on a working day, 0.5 on a half holiday, 0 on a day off. */
  share(day: string): number;
}

export function workdayTest(clock: ZoneClock, weekendDays: readonly number[], holidays: ReadonlySet<string>, halfHolidays: ReadonlySet<string> = new Set()): WorkdayTest {
  const test = (day: string) => !weekendDays.includes(clock.weekday(day)) && !holidays.has(day);
  return Object.assign(test, { share: (day: string) => (test(day) ? (halfHolidays.has(day) ? 0.5 : 1) : 0) });
}

/** A person's normal working hours on one working day: their week spread over the team's working weekdays. */
export function hoursPerDay(contractHoursPerWeek: number, weekendDays: readonly number[]): number {
  const workdays = Math.max(1, 7 - new Set(weekendDays).size);
  return contractHoursPerWeek > 0 ? contractHoursPerWeek / workdays : 8;
}

export interface AbsenceSpan {
  start: string;
  end: string;
  hours: number | null;
}

/** The days of [from, to], inclusive. */
export function daysBetween(clock: ZoneClock, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = clock.addDays(d, 1)) out.push(d);
  return out;
}

/**
 * How much of an allowance an absence uses within [from, to]: per working day
 * one day (or hours/hours-per-day for a part day), or in hours the day's hours.
 */
export function absenceAmount(a: AbsenceSpan, unit: AllowanceUnit, dayHours: number, isWorkday: WorkdayTest, clock: ZoneClock, from = a.start, to = a.end): number {
  const first = a.start > from ? a.start : from;
  const last = a.end < to ? a.end : to;
  if (first > last) return 0;
  const workdays = daysBetween(clock, first, last).reduce((n, d) => n + isWorkday.share(d), 0);
  const perDayHours = a.hours === null ? dayHours : Math.min(a.hours, dayHours);
  const amount = unit === 'hours' ? workdays * perDayHours : workdays * (perDayHours / dayHours);
  return Math.round(amount * 100) / 100;
}

/** Balance of one allowance as of a day of its year. */
export function balanceOf(
  allowance: { amount: number; carryOver: number; unit: AllowanceUnit; year: number },
  absences: readonly (AbsenceSpan & { status: AbsenceStatus })[],
  asOf: string,
  dayHours: number,
  isWorkday: WorkdayTest,
  clock: ZoneClock,
): Pick<Balance, 'taken' | 'planned' | 'requested' | 'left'> {
  const yearFrom = `${allowance.year}-01-01`;
  const yearTo = `${allowance.year}-12-31`;
  let taken = 0;
  let planned = 0;
  let requested = 0;
  for (const a of absences) {
    if (a.status === 'approved') {
      taken += absenceAmount(a, allowance.unit, dayHours, isWorkday, clock, yearFrom, asOf < yearTo ? asOf : yearTo);
      if (asOf < yearTo) planned += absenceAmount(a, allowance.unit, dayHours, isWorkday, clock, clock.addDays(asOf < yearFrom ? clock.addDays(yearFrom, -1) : asOf, 1), yearTo);
    } else if (a.status === 'requested') {
      requested += absenceAmount(a, allowance.unit, dayHours, isWorkday, clock, yearFrom, yearTo);
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return { taken: round(taken), planned: round(planned), requested: round(requested), left: round(allowance.amount + allowance.carryOver - taken - planned) };
}

/**
 * Sickness spells: absences that follow each other with no working day
 * between them are one spell (a Friday note and a Monday note are one illness).
 */
export function spells(absences: readonly AbsenceSpan[], isWorkday: WorkdayTest, clock: ZoneClock): AbsenceSpan[][] {
  const sorted = [...absences].sort((a, b) => a.start.localeCompare(b.start));
  const out: AbsenceSpan[][] = [];
  let lastEnd = '';
  for (const a of sorted) {
    const current = out.at(-1);
    if (current && !daysBetween(clock, clock.addDays(lastEnd, 1), clock.addDays(a.start, -1)).some(isWorkday)) {
      current.push(a);
      if (a.end > lastEnd) lastEnd = a.end;
    } else {
      out.push([a]);
      lastEnd = a.end;
    }
  }
  return out;
}

/** The Bradford factor: S² × D, S spells and D days of absence; short, frequent absences weigh most. */
export function bradfordFactor(spellCount: number, days: number): number {
  return spellCount * spellCount * days;
}

/** A person as the statistics see them: their contract and employment. */
export interface StatsPerson {
  id: number;
  name: string;
  contractHoursPerWeek: number;
  employmentStart: string | null;
  employmentEnd: string | null;
  archived: boolean;
}

/** An approved absence as the statistics count it. */
export interface StatsAbsence extends AbsenceSpan {
  personId: number;
  sick: boolean;
  /** Planned leave that draws on an allowance (annual vacation): not absence in the rate. */
  countsAgainstAllowance: boolean;
}

/**
 * The team's full-time week in hours: its longest weekly contract among current people. A
 * person has no working weekdays of their own in the planner, only weekly hours, so a part-timer's
 * share of the team's working days is their hours over this.
 */
function fullTimeHoursPerWeek(people: readonly Pick<StatsPerson, 'contractHoursPerWeek' | 'archived'>[]): number {
  return Math.max(0, ...people.filter((p) => !p.archived).map((p) => p.contractHoursPerWeek));
}

/** A contract as a share of the full-time week; without hours (or a full week to compare) a person counts whole. */
function fteOf(contractHoursPerWeek: number, fullTimeHours: number): number {
  return contractHoursPerWeek > 0 && fullTimeHours > 0 ? Math.min(1, contractHoursPerWeek / fullTimeHours) : 1;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const rateOf = (absent: number, working: number) => (working > 0 ? Math.round((absent / working) * 10000) / 10000 : 0);

/**
 * Absence statistics over the days [from, to], per person on their own working days (see
 * `AbsenceStatsRow`) and for the team (the last row). The one computation behind the Absences
 * tab, Reports, the absence-stats export and the CLI. `absences` are approved ones touching the
 * range; only their days inside it count.
 */
export function absenceStats(input: {
  teamName: string;
  people: readonly StatsPerson[];
  absences: readonly StatsAbsence[];
  from: string;
  to: string;
  weekendDays: readonly number[];
  isWorkday: WorkdayTest;
  clock: ZoneClock;
}): AbsenceStatsRow[] {
  const { from, to, isWorkday, clock } = input;
  const days = daysBetween(clock, from, to);
  const fullTime = fullTimeHoursPerWeek(input.people);
  const rows: AbsenceStatsRow[] = [];
  for (const p of input.people) {
    const employed = (d: string) => (!p.employmentStart || d >= p.employmentStart) && (!p.employmentEnd || d <= p.employmentEnd);
    const theirWorkday: WorkdayTest = Object.assign((d: string) => isWorkday(d) && employed(d), { share: (d: string) => (employed(d) ? isWorkday.share(d) : 0) });
    const mine = input.absences.filter((a) => a.personId === p.id);
    const teamDays = days.filter(theirWorkday).length;
    // Someone who was not on the team in the range and has no absence in it has nothing to report.
    if ((p.archived || teamDays === 0) && mine.length === 0) continue;
    const fte = fteOf(p.contractHoursPerWeek, fullTime);
    const dayHours = hoursPerDay(p.contractHoursPerWeek, input.weekendDays);
    const amount = (list: readonly AbsenceSpan[]) => round2(list.reduce((sum, a) => sum + absenceAmount(a, 'days', dayHours, theirWorkday, clock, from, to), 0) * fte);
    const workingDays = round2(teamDays * fte);
    const absentDays = amount(mine.filter((a) => !a.countsAgainstAllowance));
    const sick = mine.filter((a) => a.sick).map((a) => ({ ...a, start: a.start < from ? from : a.start, end: a.end > to ? to : a.end }));
    const sickDays = amount(sick);
    const sickSpells = spells(sick, isWorkday, clock).length;
    rows.push({ personId: p.id, personName: p.name, fte: round2(fte), workingDays, absentDays, rate: rateOf(absentDays, workingDays), sickDays, sickSpells, bradford: round2(bradfordFactor(sickSpells, sickDays)) });
  }
  const sum = (k: 'fte' | 'workingDays' | 'absentDays' | 'sickDays' | 'sickSpells' | 'bradford') => round2(rows.reduce((a, r) => a + r[k], 0));
  rows.push({ personId: null, personName: input.teamName, fte: sum('fte'), workingDays: sum('workingDays'), absentDays: sum('absentDays'), rate: rateOf(sum('absentDays'), sum('workingDays')), sickDays: sum('sickDays'), sickSpells: sum('sickSpells'), bradford: sum('bradford') });
  return rows;
}
