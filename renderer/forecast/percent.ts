/** A share (0.853) as the locale writes a percentage ("85.3%", "%85,3", "۸۵٫۳٪"); "–" where there is none. */
export function percentFormatter(locale: string): (x: number | null) => string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (x) => (x === null ? '–' : format.format(x));
}
