import { UserError } from './errors';
import { parsePlainDate, Temporal } from './time';

/** The longest range one call may read or change: a little over a year. */
const MAX_RANGE_DAYS = 400;

export function dayRange(from: string, to: string, path: (string | number)[] = ['to']): { from: Temporal.PlainDate; to: Temporal.PlainDate } {
  const a = parsePlainDate(from);
  const b = parsePlainDate(to);
  if (!a || !b) throw new UserError('invalid_date', 'Dates must be real dates written YYYY-MM-DD', path);
  if (Temporal.PlainDate.compare(a, b) > 0) throw new UserError('reversed_range', `The range ends (${to}) before it starts (${from})`, path);
  if (a.until(b).days > MAX_RANGE_DAYS) throw new UserError('too_big', `At most ${MAX_RANGE_DAYS} days at once`, path);
  return { from: a, to: b };
}

