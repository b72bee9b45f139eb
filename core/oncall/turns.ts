import { turnIndex, turnStart, type Availability, type OnCallLayer, type Pause } from './layer';
import type { ZoneClock } from '../zone-clock';

/**
 * Who takes each turn of a layer, from its first turn up to the one that holds
 * `untilUtc`. Turns go round the participants in order; someone not employed
 * for a turn is simply not in the round. When the person whose turn it is
 * cannot take it (`available` false, e.g. on leave, or on a public holiday in
 * a layer that skips them), the next one in order who can takes it and is owed
 * a turn: the skipped person takes the covering person's next turn they can,
 * so totals stay fair however long the leave. A holiday only passes someone
 * over when somebody else can take the turn. Turns that start while the
 * rotation is paused go to nobody and the order waits, so it resumes where it
 * left off. With everyone always available this is turn k → participant k mod n.
 */
export function assignTurns(
  layer: OnCallLayer,
  untilUtc: number,
  clock: ZoneClock,
  available: Availability,
  pauses: readonly Pause[],
  onHoliday: Availability = () => false,
  employed: Availability = () => true,
): Map<number, number | null> {
  const out = new Map<number, number | null>();
  const last = turnIndex(layer, untilUtc, clock);
  const order = layer.participants;
  const n = order.length;
  /** owed.get(a).get(b): turns a owes b, who covered for a. */
  const owed = new Map<number, Map<number, number>>();
  const debt = (a: number, b: number) => owed.get(a)?.get(b) ?? 0;
  const addDebt = (a: number, b: number, by: number) => {
    const m = owed.get(a) ?? new Map<number, number>();
    m.set(b, (m.get(b) ?? 0) + by);
    owed.set(a, m);
  };
  let next = 0;
  for (let k = 0; k <= last; k += 1) {
    const start = turnStart(layer, k, clock);
    const end = turnStart(layer, k + 1, clock);
    if (n === 0 || pauses.some((p) => start >= p.startUtc && (p.endUtc === null || start < p.endUtc))) {
      out.set(k, null);
      continue;
    }
    // The person whose turn it is: the next in order who is employed then.
    let ownerAt = -1;
    for (let j = 0; j < n; j += 1) {
      const i = (next + j) % n;
      if (employed(order[i] as number, start, end)) {
        ownerAt = i;
        break;
      }
    }
    if (ownerAt < 0) {
      out.set(k, null);
      continue;
    }
    next = (ownerAt + 1) % n;
    const owner = order[ownerAt] as number;
    const free = (p: number) => employed(p, start, end) && available(p, start, end);
    const rested = (p: number) => free(p) && !(layer.skipHolidays && onHoliday(p, start, end));
    const inOrder = (test: (p: number) => boolean) => {
      for (let j = 1; j < n; j += 1) {
        const p = order[(ownerAt + j) % n] as number;
        if (p !== owner && test(p)) return p;
      }
      return null;
    };
    // Someone who owes the owner a turn repays it first.
    const debtor = inOrder((p) => debt(p, owner) > 0 && rested(p));
    let who: number | null;
    if (debtor !== null) {
      who = debtor;
      addDebt(debtor, owner, -1);
    } else if (rested(owner)) {
      who = owner;
    } else {
      who = inOrder(rested) ?? (free(owner) ? owner : inOrder(free));
      if (who !== null && who !== owner) addDebt(owner, who, 1);
    }
    // An empty turn takes nothing from anyone: the order waits, as in a pause.
    if (who === null) next = ownerAt;
    out.set(k, who);
  }
  return out;
}
