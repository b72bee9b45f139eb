/**
 * "From" and "To" date inputs for a toolbar, as local days (YYYY-MM-DD). `names`
 * gives the inputs their own accessible names where the visible labels are shared.
 */
export function DateRangeFields({
  from,
  to,
  onFrom,
  onTo,
  labels,
  names,
  disabled = false,
}: {
  from: string;
  to: string;
  onFrom(day: string): void;
  onTo(day: string): void;
  labels: { from: string; to: string };
  names?: { from: string; to: string };
  disabled?: boolean;
}) {
  return (
    <>
      <label className="inline">
        <span>{labels.from}</span>
        <input type="date" value={from} onChange={(e) => onFrom(e.target.value)} disabled={disabled} aria-label={names?.from} />
      </label>
      <label className="inline">
        <span>{labels.to}</span>
        <input type="date" value={to} onChange={(e) => onTo(e.target.value)} disabled={disabled} aria-label={names?.to} />
      </label>
    </>
  );
}
