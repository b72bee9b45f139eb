/** The key of one rota cell: a person on a roster day. */
export const cellKey = (personId: number, day: string) => `${personId}|${day}`;

/** Things of a week (shifts, on-call turns, problems) by the cell they fall in. */
export function byCell<T extends { personId: number; day: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const key = cellKey(x.personId, x.day);
    const list = out.get(key);
    if (list) list.push(x);
    else out.set(key, [x]);
  }
  return out;
}

/** A person's week as the rota and the printed rota show it: paid hours of the hours their contract expects that week. */
export interface WeekHours {
  paidMinutes: number;
  expectedMinutes: number;
  leaveDays: number;
  outsideEmploymentDays: number;
}

/**
 * "15 of 40 h", "0 of 0 h (on leave)": the expectation is the contract-hours rule's own
 * (leave and days outside employment taken off), so the figure never contradicts the Problems list.
 */
export function weekHoursText(t: (key: string, options?: Record<string, unknown>) => string, number: (x: number, digits: number) => string, h: WeekHours): string {
  const notes = [h.leaveDays > 0 ? t('roster.onLeaveNote') : '', h.outsideEmploymentDays > 0 ? t('roster.notEmployedNote') : ''].filter(Boolean);
  const figure = t('roster.hoursValue', { hours: number(h.paidMinutes / 60, 2), contract: number(h.expectedMinutes / 60, 1) });
  return notes.length ? `${figure} (${notes.join(', ')})` : figure;
}
