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
