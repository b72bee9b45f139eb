import type { CostRow, Settings } from './contract';
import { spreadsheetCsv } from './csv';
import { csvDialect, type CsvDialect } from './spreadsheet-format';
import { screenCalendar } from './calendar';
import type { Absence, AbsenceStatsRow } from './absence';
import type { CoverageDay } from './staffing';
import type { FairnessRow } from './oncall';
import type { Team } from './team';

/**
 * The spreadsheets payroll and the lead's own books want, as tables: hours and
 * cost per person and period, the on-call ledger (hours, nights, weekends,
 * holidays, allowance) and absences. One table definition serves CSV and XLSX.
 */

export interface ReportTable {
  /** The sheet's name and the file's. */
  title: string;
  header: string[];
  rows: (string | number)[][];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Paid hours against what the contract expects (less approved leave and days outside
 * employment: the rota grid's and the contract-hours rule's figure), and cost, per period.
 */
export function hoursTable(team: Team, costs: readonly CostRow[], by: 'week' | 'month'): ReportTable {
  return {
    title: 'Hours and cost',
    header: [by, 'person', 'paid_hours', 'expected_hours', 'labour_cost', 'standby_pay', 'total_cost', 'currency'],
    rows: costs.map((c) => [
      c.period,
      c.personId === null ? 'Team' : c.personName,
      round2(c.paidMinutes / 60),
      round2(c.expectedMinutes / 60),
      round2(c.cost - c.standby),
      round2(c.standby),
      round2(c.cost),
      team.currency,
    ]),
  };
}

export function onCallTable(team: Team, rows: readonly FairnessRow[], allowanceOf: (personId: number) => number): ReportTable {
  return {
    title: 'On-call ledger',
    header: ['person', 'oncall_hours', 'nights', 'weekend_days', 'holidays', 'allowance', 'currency'],
    rows: rows.map((r) => [r.person, round2(r.hours), r.nights, r.weekendDays, r.holidays, round2(allowanceOf(r.personId)), team.currency]),
  };
}

export function absencesTable(list: readonly Absence[]): ReportTable {
  return {
    title: 'Absences',
    header: ['person', 'type', 'start', 'end', 'hours_per_day', 'status', 'note'],
    rows: list.map((a) => [a.personName, a.typeName, a.start, a.end, a.hours ?? '', a.status, a.note]),
  };
}

/** A table as a spreadsheet's CSV file (UTF-8 with BOM, the dialect's separator and decimal mark). */
export function tableCsv(t: ReportTable, dialect: CsvDialect): string {
  return spreadsheetCsv([t.header, ...t.rows], dialect);
}

/**
 * The dialect of a CSV export: the one asked for, else that of the language the user chose
 * for the app (saved settings), else that of the team's locale.
 */
/** The separator and decimal mark asked for, else the saved language's (else the team locale's); dates in the saved window's calendar. */
export function exportDialect(asked: CsvDialect | null, saved: Settings, team: Pick<Team, 'locale'>): CsvDialect {
  return { ...(asked ?? csvDialect(saved.language ?? team.locale)), calendar: screenCalendar(saved.language, saved.calendar) };
}

/** The figures of `absence.stats` as they are: working and absent days per person (full-time-equivalent days), rate, sickness. */
export function absenceStatsTable(rows: readonly AbsenceStatsRow[]): ReportTable {
  return {
    title: 'Absence statistics',
    // fte last: the columns before it kept their places when it came.
    header: ['person', 'working_days', 'absent_days', 'absence_rate', 'sick_days', 'sick_spells', 'bradford', 'fte'],
    rows: rows.map((r) => [r.personId === null ? 'Team' : r.personName, r.workingDays, r.absentDays, Math.round(r.rate * 10000) / 10000, r.sickDays, r.sickSpells, r.bradford, r.fte]),
  };
}

export function serviceLevelTable(days: readonly CoverageDay[]): ReportTable {
  const n = (x: number | null, digits: number) => (x === null ? '' : Math.round(x * 10 ** digits) / 10 ** digits);
  return {
    title: 'Service level per day',
    // volume is what came in while open; the contacts the forecast puts outside opening hours are
    // nobody's to answer but still the lead's to know about, so they get their own column, last so
    // the columns before it keep their places.
    header: ['day', 'channel', 'volume', 'service_level', 'asa_seconds', 'occupancy', 'under_staffed_intervals', 'outside_hours_volume'],
    rows: days.map((d) => [d.day, d.channel, round2(d.volume), n(d.serviceLevel, 4), n(d.asa, 1), n(d.occupancy, 4), d.underIntervals, round2(d.outsideHoursVolume)]),
  };
}

export interface AccuracyRow {
  channel: string;
  method: string;
  wape: number;
  bias: number;
  weeks: number;
  chosen: boolean;
}

export function accuracyTable(rows: readonly AccuracyRow[]): ReportTable {
  return {
    title: 'Forecast accuracy',
    header: ['channel', 'method', 'wape', 'bias', 'weeks', 'chosen'],
    rows: rows.map((r) => [r.channel, r.method, Math.round(r.wape * 10000) / 10000, Math.round(r.bias * 10000) / 10000, r.weeks, r.chosen ? 'yes' : '']),
  };
}
