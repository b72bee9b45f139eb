import type { WeekStart } from '../../core/time';
import { DateField } from './DateField';

/**
 * "From" and "To" date fields for a toolbar, as local days (YYYY-MM-DD), shown and typed in
 * the screen's calendar. `names` gives the fields their own accessible names where the
 * visible labels are shared.
 */
export function DateRangeFields({
  from,
  to,
  onFrom,
  onTo,
  labels,
  names,
  disabled = false,
  weekStart,
}: {
  from: string;
  to: string;
  onFrom(day: string): void;
  onTo(day: string): void;
  labels: { from: string; to: string };
  names?: { from: string; to: string };
  disabled?: boolean;
  /** The team's first weekday, for the pickers. */
  weekStart?: WeekStart | undefined;
}) {
  return (
    <>
      <label className="inline">
        <span>{labels.from}</span>
        <DateField value={from} onChange={onFrom} disabled={disabled} aria-label={names?.from} weekStart={weekStart} />
      </label>
      <label className="inline">
        <span>{labels.to}</span>
        <DateField value={to} onChange={onTo} disabled={disabled} aria-label={names?.to} weekStart={weekStart} />
      </label>
    </>
  );
}
