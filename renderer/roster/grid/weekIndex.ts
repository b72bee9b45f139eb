import type { RosterWeek } from '../../../core/contract';
import type { Shift } from '../../../core/shift';
import { byCell, cellKey } from '../cells';

type Violation = RosterWeek['violations'][number];

/** A week's things by the cell (person|day) or person they belong to: built once per week, read per row. */
export interface WeekIndex {
  shiftsByCell: ReadonlyMap<string, Shift[]>;
  /** Problems of one day (the week's hours problems are the person's, in `weekProblems`). */
  problems: ReadonlyMap<string, Violation[]>;
  weekProblems: ReadonlyMap<number, Violation[]>;
  onCallOf: ReadonlyMap<string, RosterWeek['onCall']>;
  absenceOf: ReadonlyMap<string, RosterWeek['absences'][number]>;
  /** The ids of the week's shifts nobody covers. */
  uncovered: ReadonlySet<number>;
}

const isWeekly = (v: Violation) => v.rule === 'weekly_hours' || v.rule === 'contract_hours';

export function indexWeek(week: RosterWeek): WeekIndex {
  const weekProblems = new Map<number, Violation[]>();
  for (const v of week.violations) if (isWeekly(v)) weekProblems.set(v.personId, [...(weekProblems.get(v.personId) ?? []), v]);
  return {
    shiftsByCell: byCell(week.shifts),
    problems: byCell(week.violations.filter((v) => !isWeekly(v))),
    weekProblems,
    onCallOf: byCell(week.onCall),
    absenceOf: new Map(week.absences.map((a) => [cellKey(a.personId, a.day), a])),
    uncovered: new Set(week.uncovered),
  };
}
