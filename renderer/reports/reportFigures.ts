import type { AbsenceStatsRow } from '../../core/absence';
import type { CostRow, MethodOutput } from '../../core/contract';
import type { FairnessRow } from '../../core/oncall';
import type { CoverageDay } from '../../core/staffing';

/** Everything the reports show for the range, once every read has answered. */
export interface ReportData {
  weeks: CostRow[];
  months: CostRow[];
  fairness: FairnessRow[];
  absences: AbsenceStatsRow[];
  service: CoverageDay[];
  accuracy: MethodOutput<'forecast.accuracy'>;
}

/** The series colours, in order. */
export const COLORS = ['#2457c5', '#c77700', '#2e7d32', '#8e24aa', '#00838f'];

/** Charts with a bar group per person: names on their own axis, each one shown whole (never every other one, never clipped). */
export const CHART_MARGIN = { top: 4, right: 16, bottom: 4, left: 8 };
export const peopleChartHeight = (people: number, barsPerPerson: number) => Math.max(160, 40 + people * (10 + 9 * barsPerPerson));
/** Wide enough for the longest name at the chart's font (about 8 px a character), within reason. */
export const nameAxisWidth = (names: readonly string[]) => Math.min(260, 20 + 8 * Math.max(8, ...names.map((n) => n.length)));

/**
 * Paid hours against the contract's per person over the weeks' rows (to a tenth of an hour): the
 * contract's expectation of the days shown, leave and days outside employment taken off (as the rule counts).
 */
export function hoursPerPerson(people: readonly CostRow[]): { name: string; paid: number; contract: number }[] {
  return [...new Set(people.map((c) => c.personId))].map((id) => {
    const rows = people.filter((c) => c.personId === id);
    const sum = (k: 'paidMinutes' | 'expectedMinutes') => Math.round((rows.reduce((s, r) => s + r[k], 0) / 60) * 10) / 10;
    return { name: rows[0]?.personName ?? '', paid: sum('paidMinutes'), contract: sum('expectedMinutes') };
  });
}

/** Each person's standby allowance summed over the weeks' rows. */
export function standbyByPerson(people: readonly CostRow[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of people) out.set(c.personId ?? 0, (out.get(c.personId ?? 0) ?? 0) + c.standby);
  return out;
}

/** The team's own rows (no person): cost per period. */
export const teamCosts = (rows: readonly CostRow[]) => rows.filter((c) => c.personId === null).map((c) => ({ period: c.period, cost: c.cost }));

/** One chart point per day: each channel's predicted service level in percent (to a tenth), channels without one left out. */
export function serviceDays(service: readonly CoverageDay[]): Record<string, string | number>[] {
  return [...new Set(service.map((d) => d.day))].map((day) =>
    Object.fromEntries([['day', day], ...(service.filter((d) => d.day === day && d.serviceLevel !== null).map((d) => [d.channel, Math.round((d.serviceLevel ?? 0) * 1000) / 10]) as [string, number][])]),
  );
}

/** One chart point per channel: each forecast method's WAPE in percent (to a tenth). */
export function accuracyByChannel(channels: readonly string[], accuracy: MethodOutput<'forecast.accuracy'>): Record<string, string | number>[] {
  return channels.map((channel) => Object.fromEntries([['channel', channel], ...accuracy.filter((a) => a.channel === channel).map((a) => [a.method, Math.round(a.wape * 1000) / 10])]));
}
