import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalSchedule, type OnCallLayer, type OnCallOverride, type Restriction } from '../../core/oncall';
import { Temporal } from '../../core/time';

const zone = 'Europe/Warsaw';
const at = (iso: string) => Temporal.ZonedDateTime.from(`${iso}[${zone}]`).epochMilliseconds / 1000;
const base: Omit<OnCallLayer, 'id' | 'participants'> = { name: 'Primary', level: 1, turnUnit: 'days', turnLength: 1, startDay: '2026-03-23', handoffTime: '09:00', restrictions: [] };

/** Who should be on call at t, worked out the slow way, independently of the engine. */
function reference(layers: OnCallLayer[], overrides: OnCallOverride[], t: number): number | null {
  const o = overrides.filter((x) => x.startUtc <= t && x.endUtc > t).sort((a, b) => b.id - a.id)[0];
  if (o) return o.personId;
  // A window opens when the local clock first reaches its time: in a DST gap, at the jump.
  const reach = (d: Temporal.PlainDate, time: string) => {
    const z = d.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) });
    const shifted = z.toPlainTime().toString().slice(0, 5) !== time && z.toPlainDate().equals(d);
    return (shifted ? (z.getTimeZoneTransition('previous') ?? z) : z).epochMilliseconds / 1000;
  };
  const inWindow = (r: Restriction) => {
    // Try each occurrence that starts in the eight days before t.
    const today = Temporal.Instant.fromEpochMilliseconds(t * 1000).toZonedDateTimeISO(zone).toPlainDate();
    for (let back = 0; back <= 8; back += 1) {
      const d = today.subtract({ days: back });
      if (d.dayOfWeek !== r.fromDay) continue;
      let days = (r.toDay - r.fromDay + 7) % 7;
      if (days === 0 && r.toTime <= r.fromTime) days = 7;
      if (t >= reach(d, r.fromTime) && t < reach(d.add({ days }), r.toTime)) return true;
    }
    return false;
  };
  for (const layer of [...layers].sort((a, b) => b.level - a.level)) {
    if (layer.participants.length === 0) continue;
    if (layer.restrictions.length && !layer.restrictions.some(inWindow)) continue;
    // Walk the turns from the first one.
    const start = (k: number) =>
      layer.turnUnit === 'hours'
        ? Temporal.PlainDate.from(layer.startDay).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(layer.handoffTime) }).epochMilliseconds / 1000 + k * layer.turnLength * 3600
        : Temporal.PlainDate.from(layer.startDay)
            .add({ days: k * layer.turnLength * (layer.turnUnit === 'weeks' ? 7 : 1) })
            .toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(layer.handoffTime) }).epochMilliseconds / 1000;
    if (t < start(0)) continue;
    // Estimate the turn by average length, then step to the exact one (a DST day is 23 or 25 h).
    const avg = layer.turnLength * (layer.turnUnit === 'hours' ? 3600 : layer.turnUnit === 'days' ? 86400 : 604800);
    let k = Math.max(0, Math.floor((t - start(0)) / avg));
    while (k > 0 && start(k) > t) k -= 1;
    while (start(k + 1) <= t) k += 1;
    return layer.participants[k % layer.participants.length] ?? null;
  }
  return null;
}

describe('on-call final schedule', () => {
  it('hands off daily at 09:00 local time, so the turn over the spring change lasts 23 hours', () => {
    const layer: OnCallLayer = { ...base, id: 1, participants: [11, 12] };
    const blocks = finalSchedule([layer], [], at('2026-03-28T09:00'), at('2026-03-30T09:00'), zone);
    // The turn from 28 March is the sixth since Monday 23 March: the second person's.
    expect(blocks.map((b) => [b.personId, (b.endUtc - b.startUtc) / 3600])).toEqual([
      [12, 23],
      [11, 24],
    ]);
  });

  it('leaves weekday daytime uncovered with "weekdays 18:00–09:00 and whole weekends"', () => {
    const restrictions: Restriction[] = [
      ...[1, 2, 3, 4].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d + 1, toTime: '09:00' })),
      { fromDay: 5, fromTime: '18:00', toDay: 1, toTime: '09:00' },
    ];
    const layer: OnCallLayer = { ...base, id: 1, participants: [7], turnUnit: 'weeks', startDay: '2026-11-23', restrictions };
    const blocks = finalSchedule([layer], [], at('2026-11-23T00:00'), at('2026-11-30T12:00'), zone);
    const span = (b: { startUtc: number; endUtc: number }) => [Temporal.Instant.fromEpochMilliseconds(b.startUtc * 1000).toZonedDateTimeISO(zone).toPlainDateTime().toString(), (b.endUtc - b.startUtc) / 3600];
    expect(blocks.map(span)).toEqual([
      ['2026-11-23T18:00:00', 15],
      ['2026-11-24T18:00:00', 15],
      ['2026-11-25T18:00:00', 15],
      ['2026-11-26T18:00:00', 15],
      ['2026-11-27T18:00:00', 63],
    ]);
  });

  it('an override wins over every layer, and the higher layer over the lower', () => {
    const primary: OnCallLayer = { ...base, id: 1, participants: [1, 2] };
    const secondary: OnCallLayer = { ...base, id: 2, level: 2, participants: [3], restrictions: [{ fromDay: 6, fromTime: '00:00', toDay: 1, toTime: '00:00' }] };
    const override: OnCallOverride = { id: 1, personId: 9, startUtc: at('2026-03-24T12:00'), endUtc: at('2026-03-24T14:00') };
    const blocks = finalSchedule([primary, secondary], [override], at('2026-03-24T09:00'), at('2026-03-28T12:00'), zone);
    expect(blocks.find((b) => b.overrideId === 1)).toMatchObject({ personId: 9, layerId: null });
    expect(blocks.at(-1)).toMatchObject({ personId: 3, layerId: 2 });
    expect(blocks[0]).toMatchObject({ personId: 2, layerId: 1, endUtc: at('2026-03-24T12:00') });
  });

  it('covers every instant inside the windows with exactly one person, and nobody outside (property)', () => {
    const restriction = fc.record({
      fromDay: fc.integer({ min: 1, max: 7 }),
      fromTime: fc.constantFrom('00:00', '02:30', '09:00', '18:00', '23:00'),
      toDay: fc.integer({ min: 1, max: 7 }),
      toTime: fc.constantFrom('00:00', '03:00', '09:00', '17:30', '22:00'),
    });
    const layer = fc.record({
      participants: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 4 }),
      turnUnit: fc.constantFrom('hours' as const, 'days' as const, 'weeks' as const),
      turnLength: fc.integer({ min: 1, max: 3 }),
      startOffsetDays: fc.integer({ min: -10, max: 10 }),
      handoffTime: fc.constantFrom('00:00', '02:30', '09:00', '17:45'),
      restrictions: fc.array(restriction, { maxLength: 2 }),
    });
    const override = fc.record({ personId: fc.integer({ min: 20, max: 22 }), startHour: fc.integer({ min: 0, max: 14 * 24 }), hours: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.array(layer, { minLength: 1, maxLength: 3 }), fc.array(override, { maxLength: 3 }), (specs, overrideSpecs) => {
        // Two weeks around the spring clock change in Warsaw.
        const from = at('2026-03-22T00:00');
        const to = at('2026-04-05T00:00');
        const layers: OnCallLayer[] = specs.map((s, i) => ({
          id: i + 1,
          name: `L${i}`,
          level: i,
          participants: s.participants,
          turnUnit: s.turnUnit,
          turnLength: s.turnLength,
          startDay: Temporal.PlainDate.from('2026-03-22').add({ days: s.startOffsetDays }).toString(),
          handoffTime: s.handoffTime,
          restrictions: s.restrictions,
        }));
        const overrides: OnCallOverride[] = overrideSpecs.map((o, i) => ({ id: i + 1, personId: o.personId, startUtc: from + o.startHour * 3600, endUtc: from + (o.startHour + o.hours) * 3600 }));
        const blocks = finalSchedule(layers, overrides, from, to, zone);
        // Sorted, non-overlapping, inside the range, never empty.
        blocks.forEach((b, i) => {
          expect(b.endUtc).toBeGreaterThan(b.startUtc);
          expect(b.startUtc).toBeGreaterThanOrEqual(from);
          expect(b.endUtc).toBeLessThanOrEqual(to);
          const next = blocks[i + 1];
          if (next) expect(next.startUtc).toBeGreaterThanOrEqual(b.endUtc);
        });
        // Every 37 minutes and on both sides of every block edge: the block there (if any) names exactly the reference person.
        const samples = new Set<number>();
        for (let t = from; t < to; t += 37 * 60) samples.add(t);
        for (const b of blocks) for (const e of [b.startUtc, b.endUtc]) for (const d of [-60, 0, 60]) if (e + d >= from && e + d < to) samples.add(e + d);
        for (const t of samples) {
          const here = blocks.filter((b) => b.startUtc <= t && b.endUtc > t);
          const expected = reference(layers, overrides, t);
          expect(here.length).toBe(expected === null ? 0 : 1);
          if (expected !== null) expect(here[0]?.personId).toBe(expected);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('turn order when someone cannot take a turn', () => {
  const layer: OnCallLayer = { ...base, id: 1, participants: [1, 2, 3], startDay: '2026-11-23', turnUnit: 'days' };
  const who = (blocks: { personId: number }[]) => blocks.map((b) => b.personId);

  it('skips the unavailable person; they take the next turn they can, so totals stay fair', () => {
    // Person 2 cannot take 24 November's turn (09:00 → 09:00).
    const away = (p: number, s: number) => !(p === 2 && s === at('2026-11-24T09:00'));
    const blocks = finalSchedule([layer], [], at('2026-11-23T09:00'), at('2026-11-29T09:00'), zone, { available: away });
    // Plain order would be 1 2 3 1 2 3; 3 covers day 2 and 2 takes 3's day 3 back: 1 3 2 1 2 3.
    expect(who(blocks)).toEqual([1, 3, 2, 1, 2, 3]);
    const counts = [1, 2, 3].map((p) => blocks.filter((b) => b.personId === p).length);
    expect(counts).toEqual([2, 2, 2]);
  });

  it('leaves a turn uncovered only when nobody can take it', () => {
    const nobody = (_p: number, s: number) => s !== at('2026-11-25T09:00');
    const blocks = finalSchedule([layer], [], at('2026-11-23T09:00'), at('2026-11-27T09:00'), zone, { available: nobody });
    expect(blocks.map((b) => [b.personId, Temporal.Instant.fromEpochMilliseconds(b.startUtc * 1000).toZonedDateTimeISO(zone).day])).toEqual([
      [1, 23],
      [2, 24],
      [3, 26],
    ]);
  });

  it('a paused rotation covers nobody and resumes where it left off', () => {
    const pauses = [{ startUtc: at('2026-11-25T09:00'), endUtc: at('2026-11-27T09:00') }];
    const blocks = finalSchedule([layer], [], at('2026-11-23T09:00'), at('2026-11-29T09:00'), zone, { pauses });
    expect(blocks.map((b) => [b.personId, Temporal.Instant.fromEpochMilliseconds(b.startUtc * 1000).toZonedDateTimeISO(zone).day])).toEqual([
      [1, 23],
      [2, 24],
      [3, 27],
      [1, 28],
    ]);
    // Paused until further notice: nobody from then on.
    const open = finalSchedule([layer], [], at('2026-11-23T09:00'), at('2026-11-29T09:00'), zone, { pauses: [{ startUtc: at('2026-11-25T09:00'), endUtc: null }] });
    expect(open.at(-1)?.endUtc).toBe(at('2026-11-25T09:00'));
  });
});
