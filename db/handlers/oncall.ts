import { UserError } from '../../core/errors';
import { publicHolidays } from '../../core/holidays';
import { anyHoliday } from '../../core/holiday-merge';
import { teamHolidayDays } from './holidays';
import { CONFLICT_DAYS, fairness, finalSchedule, layerSchedules, standbyPay, type Availability, type ScheduleOptions, type LayerBlock, type LayerInput, type OnCallLayer, type Override, type PersonSpan, type Rotation, type RotationSaved, type ScheduleBlock } from '../../core/oncall';
import type { Team } from '../../core/team';
import { zoneClock } from '../../core/zone-clock';
import { todayIn } from '../../core/time';
import { approvedFullDays } from '../sql/absences';
import type { HandlersOf, ServiceContext } from '../context';
import type { Db } from '../open';
import { listPeople } from '../sql/people';
import * as rotations from '../sql/rotations';
import { dayRange } from '../../core/ranges';
import { ruleViolations } from './roster';

type OnCallMethods =
  | 'rotation.list'
  | 'rotation.create'
  | 'rotation.update'
  | 'rotation.archive'
  | 'rotation.pause'
  | 'rotation.resume'
  | 'oncall.addOverride'
  | 'oncall.swap'
  | 'oncall.deleteOverride'
  | 'oncall.overrides'
  | 'oncall.schedule'
  | 'oncall.layers'
  | 'oncall.fairness';

/** Who is employed for a whole turn: from the start of their first day to the end of their last. */
export function employedTest(db: Db, team: Team): Availability {
  const clock = zoneClock(team.timeZone);
  const people = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p]));
  return (personId, startUtc, endUtc) => {
    const p = people.get(personId);
    if (!p) return false;
    if (p.employmentStart && startUtc < clock.dayStart(p.employmentStart)) return false;
    return !(p.employmentEnd && endUtc > clock.dayStart(clock.addDays(p.employmentEnd, 1)));
  };
}

/** Who can take a whole turn: employed, and not on an approved full-day absence during any of it. */
export function availability(db: Db, team: Team): Availability {
  const clock = zoneClock(team.timeZone);
  const employed = employedTest(db, team);
  const away = new Map<number, [number, number][]>();
  for (const a of approvedFullDays(db, team.id, '0000-01-01', '9999-12-31')) {
    away.set(a.personId, [...(away.get(a.personId) ?? []), [clock.dayStart(a.from), clock.dayStart(clock.addDays(a.to, 1))]]);
  }
  return (personId, startUtc, endUtc) => employed(personId, startUtc, endUtc) && !(away.get(personId) ?? []).some(([s, e]) => s < endUtc && startUtc < e);
}

/**
 * Whether a turn touches one of the person's holidays: their own country's
 * public list when they keep one, else the team's adjusted list (its region,
 * its own days and removals; a half holiday counts, its afternoon and night
 * being free).
 */
export function holidayTest(db: Db, team: Team): Availability {
  const clock = zoneClock(team.timeZone);
  const countryOf = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p.holidayCountry || team.country]));
  const byCountryYear = new Map<string, Set<string>>();
  const holidays = (country: string, year: string) => {
    const key = `${country}|${year}`;
    let set = byCountryYear.get(key);
    if (!set) {
      set =
        country === team.country
          ? anyHoliday(teamHolidayDays(db, team, `${year}-01-01`, `${year}-12-31`))
          : new Set(publicHolidays(country, '', team.timeZone, `${year}-01-01`, `${year}-12-31`).map((h) => h.day));
      byCountryYear.set(key, set);
    }
    return set;
  };
  return (personId, startUtc, endUtc) => {
    const country = countryOf.get(personId) ?? team.country;
    if (!country) return false;
    for (let d = clock.dayOf(startUtc); clock.dayStart(d) < endUtc; d = clock.addDays(d, 1)) {
      if (holidays(country, d.slice(0, 4)).has(d)) return true;
    }
    return false;
  };
}

/** What the final schedule of a rotation needs besides its layers and overrides, worked out once per API call. */
export function scheduleOptions(ctx: Pick<ServiceContext, 'db' | 'memo'>, team: Team, rotationId: number): ScheduleOptions {
  const { db } = ctx;
  return {
    available: ctx.memo(`available|${team.id}`, () => availability(db, team)),
    employed: ctx.memo(`employed|${team.id}`, () => employedTest(db, team)),
    onHoliday: ctx.memo(`holiday|${team.id}`, () => holidayTest(db, team)),
    pauses: rotations.pausesOf(db, rotationId),
    turnCache: ctx.memo(`turns|${rotationId}`, () => new Map()),
  };
}

/** Standby pay per person and local day over team-local days [from, to], from every rotation's allowance. */
export function standbyEntries(ctx: Pick<ServiceContext, 'db' | 'memo'>, team: Team, from: string, to: string): { personId: number; day: string; amount: number }[] {
  const { db } = ctx;
  const clock = zoneClock(team.timeZone);
  const fromUtc = clock.dayStart(from);
  const toUtc = clock.dayStart(clock.addDays(to, 1));
  const holidays = anyHoliday(teamHolidayDays(db, team, from, to));
  return rotations.listRotations(db, team.id).flatMap((r) => {
    if (r.allowance.perHour === 0 && r.allowance.perDay === 0) return [];
    const blocks = finalSchedule(rotations.layersOf(db, r.id), rotations.overridesOf(db, r.id, fromUtc, toUtc), fromUtc, toUtc, team.timeZone, scheduleOptions(ctx, team, r.id));
    return standbyPay(blocks, r.allowance, clock, holidays);
  });
}

/** Handlers for on-call rotations, overrides and the final schedule. */
export function onCallHandlers(ctx: ServiceContext): HandlersOf<OnCallMethods> {
  const { db } = ctx;

  const rotationOut = (r: rotations.RotationRow): Rotation => {
    const open = rotations.pausesOf(db, r.id).find((p) => p.endUtc === null);
    const team = ctx.requireTeam(r.teamId);
    return {
      ...r,
      pausedSince: open ? zoneClock(team.timeZone).iso(open.startUtc) : null,
      layers: rotations.layersOf(db, r.id).map((l) => ({ ...l, participants: [...l.participants], restrictions: [...l.restrictions], skipHolidays: l.skipHolidays ?? false })),
    };
  };
  /**
   * A saved rotation with the rest conflicts it causes from today over the next four weeks:
   * the rule check's `oncall_rest` findings that name it, so a lead learns at once that a new
   * weeknight rotation leaves someone too little rest before their morning shift.
   */
  const savedOut = (r: rotations.RotationRow): RotationSaved => {
    const team = ctx.requireTeam(r.teamId);
    const clock = zoneClock(team.timeZone);
    const today = todayIn(team.timeZone, ctx.clock()).toString();
    const conflicts = team.rules.onCallCountsForRest
      ? ruleViolations(ctx, team, today, clock.addDays(today, CONFLICT_DAYS - 1), { clock }).filter((v) => v.rule === 'oncall_rest' && v.params.rotation === r.name)
      : [];
    return { ...rotationOut(r), conflicts };
  };
  const requireRotation = (id: number, path: (string | number)[] = ['id']) => {
    const r = rotations.getRotation(db, id);
    if (!r) throw new UserError('not_found', `There is no on-call rotation with id ${id}`, path);
    return r;
  };
  const checkName = (teamId: number, name: string, exceptId: number | null) => {
    const clash = rotations.listRotations(db, teamId).find((r) => r.name.toLocaleLowerCase('tr') === name.toLocaleLowerCase('tr') && r.id !== exceptId);
    if (clash) throw new UserError('duplicate_name', `A rotation called "${clash.name}" already exists`, ['name']);
  };
  /** Layers in the order given: the first is the base, a later one wins where it covers. */
  const checkLayers = (team: Team, layers: readonly LayerInput[]): rotations.LayerValues[] =>
    layers.map((l, i) => {
      const path = ['layers', i];
      l.participants.forEach((pid, j) => {
        const p = ctx.requirePerson(pid, [...path, 'participants', j]);
        if (p.teamId !== team.id) throw new UserError('not_found', `${p.name} is not in ${team.name}`, [...path, 'participants', j]);
        if (p.archived) throw new UserError('archived', `${p.name} is archived`, [...path, 'participants', j]);
      });
      dayRange(l.startDay, l.startDay, [...path, 'startDay']);
      return { name: l.name, level: i, participants: [...l.participants], turnUnit: l.turnUnit, turnLength: l.turnLength, startDay: l.startDay, handoffTime: l.handoffTime, restrictions: l.restrictions ?? [], skipHolidays: l.skipHolidays ?? false };
    });
  const local = (team: Team, text: string, path: (string | number)[]) => {
    const [day, time] = text.split('T') as [string, string];
    dayRange(day, day, path);
    return zoneClock(team.timeZone).reach(day, time);
  };

  /** The team-local days [from, to] as instants, and the rotation asked for (or all of the team's). */
  const rotationsOver = (team: Team, rotationId: number | null, from: string, to: string) => {
    dayRange(from, to);
    const clock = zoneClock(team.timeZone);
    const chosen = rotationId === null ? rotations.listRotations(db, team.id) : [requireRotation(rotationId, ['rotationId'])];
    if (chosen.some((r) => r.teamId !== team.id)) throw new UserError('not_found', `That rotation is not in ${team.name}`, ['rotationId']);
    return { clock, chosen, fromUtc: clock.dayStart(from), toUtc: clock.dayStart(clock.addDays(to, 1)) };
  };

  /** A block as the API shows it: the person by name, the instants on the team's clock too. */
  const spansIn = (team: Team) => {
    const clock = zoneClock(team.timeZone);
    const names = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p.name]));
    return (b: { personId: number; startUtc: number; endUtc: number }): PersonSpan => ({
      personId: b.personId,
      person: names.get(b.personId) ?? String(b.personId),
      start: clock.iso(b.startUtc),
      end: clock.iso(b.endUtc),
      startUtc: b.startUtc,
      endUtc: b.endUtc,
    });
  };

  /** Final-schedule blocks (epoch seconds) of one rotation or all, over team-local days [from, to]. */
  const blocksOf = (team: Team, rotationId: number | null, from: string, to: string) => {
    const { chosen, fromUtc, toUtc } = rotationsOver(team, rotationId, from, to);
    return chosen.flatMap((r) => {
      const layers: OnCallLayer[] = rotations.layersOf(db, r.id);
      return finalSchedule(layers, rotations.overridesOf(db, r.id, fromUtc, toUtc), fromUtc, toUtc, team.timeZone, scheduleOptions(ctx, team, r.id)).map((b) => ({ ...b, rotation: r, layers }));
    });
  };

  return {
    'rotation.list': ({ teamId }) => {
      ctx.requireTeam(teamId);
      return rotations.listRotations(db, teamId).map(rotationOut);
    },
    'rotation.create': ({ teamId, name, layers, allowance }) => {
      const team = ctx.requireTeam(teamId);
      checkName(teamId, name, null);
      const id = rotations.insertRotation(db, teamId, name, ctx.stamp());
      rotations.replaceLayers(db, id, checkLayers(team, layers));
      if (allowance) rotations.setAllowance(db, id, allowance);
      return savedOut(requireRotation(id));
    },
    'rotation.update': ({ id, name, layers, allowance }) => {
      const r = requireRotation(id);
      if (allowance) rotations.setAllowance(db, id, allowance);
      const team = ctx.requireTeam(r.teamId);
      if (name !== undefined) {
        checkName(team.id, name, id);
        rotations.renameRotation(db, id, name);
      }
      if (layers) rotations.replaceLayers(db, id, checkLayers(team, layers));
      return savedOut(requireRotation(id));
    },
    'rotation.pause': ({ id }) => {
      const r = requireRotation(id);
      if (rotations.openPause(db, id) !== null) throw new UserError('already_paused', `${r.name} is already paused`, ['id']);
      rotations.startPause(db, id, Math.floor(ctx.clock().epochMilliseconds / 1000));
      return rotationOut(r);
    },
    'rotation.resume': ({ id }) => {
      const r = requireRotation(id);
      const open = rotations.openPause(db, id);
      if (open === null) throw new UserError('not_paused', `${r.name} is not paused`, ['id']);
      rotations.endPause(db, open, Math.floor(ctx.clock().epochMilliseconds / 1000));
      return rotationOut(r);
    },
    'rotation.archive': ({ id }) => {
      requireRotation(id);
      rotations.archiveRotation(db, id, ctx.stamp());
      return { id };
    },
    'oncall.addOverride': ({ rotationId, personId, start, end, note }) => {
      const r = requireRotation(rotationId, ['rotationId']);
      const team = ctx.requireTeam(r.teamId);
      const p = ctx.requirePerson(personId, ['personId']);
      if (p.teamId !== team.id) throw new UserError('not_found', `${p.name} is not in ${team.name}`, ['personId']);
      const startUtc = local(team, start, ['start']);
      const endUtc = local(team, end, ['end']);
      if (endUtc <= startUtc) throw new UserError('reversed_range', 'The override must end after it starts', ['end']);
      if (endUtc - startUtc > 62 * 86400) throw new UserError('too_big', 'An override covers at most two months', ['end']);
      const oid = rotations.insertOverride(db, rotationId, { personId, startUtc, endUtc, note }, ctx.stamp());
      const clock = zoneClock(team.timeZone);
      return { id: oid, rotationId, personId, start: clock.iso(startUtc), end: clock.iso(endUtc), note, swapId: null };
    },
    'oncall.swap': ({ rotationId, a, aStart, aEnd, b, bStart, bEnd }) => {
      const r = requireRotation(rotationId, ['rotationId']);
      const team = ctx.requireTeam(r.teamId);
      const clock = zoneClock(team.timeZone);
      const span = (start: string, end: string, path: string) => {
        const s = local(team, start, [`${path}Start`]);
        const e = local(team, end, [`${path}End`]);
        if (e <= s) throw new UserError('reversed_range', 'A turn must end after it starts', [`${path}End`]);
        return [s, e] as const;
      };
      const [as, ae] = span(aStart, aEnd, 'a');
      const [bs, be] = span(bStart, bEnd, 'b');
      if (as < be && bs < ae) throw new UserError('turns_overlap', 'The two turns overlap', ['bStart']);
      // Each person must be the one on call all through their own span.
      const layers = rotations.layersOf(db, r.id);
      const holds = (person: number, s: number, e: number) => {
        const blocks = finalSchedule(layers, rotations.overridesOf(db, r.id, s, e), s, e, team.timeZone, scheduleOptions(ctx, team, r.id));
        return blocks.length > 0 && blocks.every((x) => x.personId === person) && blocks[0]?.startUtc === s && blocks.at(-1)?.endUtc === e && blocks.every((x, i) => i === 0 || blocks[i - 1]?.endUtc === x.startUtc);
      };
      const name = (id: number) => ctx.requirePerson(id, ['a']).name;
      if (!holds(a, as, ae)) throw new UserError('not_their_turn', `${name(a)} is not on call all through ${aStart}–${aEnd}`, ['aStart']);
      if (!holds(b, bs, be)) throw new UserError('not_their_turn', `${name(b)} is not on call all through ${bStart}–${bEnd}`, ['bStart']);
      const at = ctx.stamp();
      const first = rotations.insertOverride(db, r.id, { personId: b, startUtc: as, endUtc: ae, note: `Swap with ${name(a)}` }, at);
      const second = rotations.insertOverride(db, r.id, { personId: a, startUtc: bs, endUtc: be, note: `Swap with ${name(b)}` }, at);
      rotations.setSwap(db, [first, second], first);
      return [
        { id: first, rotationId, personId: b, start: clock.iso(as), end: clock.iso(ae), note: `Swap with ${name(a)}`, swapId: first },
        { id: second, rotationId, personId: a, start: clock.iso(bs), end: clock.iso(be), note: `Swap with ${name(b)}`, swapId: first },
      ];
    },
    'oncall.deleteOverride': ({ id }) => {
      if (rotations.deleteOverride(db, id) === 0) throw new UserError('not_found', `There is no override with id ${id}`, ['id']);
      return { id };
    },
    'oncall.overrides': ({ rotationId, from, to }) => {
      const r = requireRotation(rotationId, ['rotationId']);
      const team = ctx.requireTeam(r.teamId);
      dayRange(from, to);
      const clock = zoneClock(team.timeZone);
      return rotations
        .overridesOf(db, rotationId, clock.dayStart(from), clock.dayStart(clock.addDays(to, 1)))
        .map((o): Override => ({ id: o.id, rotationId, personId: o.personId, start: clock.iso(o.startUtc), end: clock.iso(o.endUtc), note: o.note, swapId: o.swapId }));
    },
    'oncall.schedule': ({ teamId, rotationId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      const spanOf = spansIn(team);
      return blocksOf(team, rotationId, from, to).map(
        (b): ScheduleBlock => ({
          rotationId: b.rotation.id,
          rotation: b.rotation.name,
          ...spanOf(b),
          layer: b.layerId === null ? 'override' : (b.layers.find((l) => l.id === b.layerId)?.name ?? ''),
          overrideId: b.overrideId,
        }),
      );
    },
    'oncall.layers': ({ teamId, rotationId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      const { chosen, fromUtc, toUtc } = rotationsOver(team, rotationId, from, to);
      const spanOf = spansIn(team);
      return chosen.flatMap((r) => {
        const layers = rotations.layersOf(db, r.id);
        const byLayer = layerSchedules(layers, fromUtc, toUtc, team.timeZone, scheduleOptions(ctx, team, r.id));
        return layers.flatMap((l) =>
          (byLayer.get(l.id) ?? []).map(
            (b): LayerBlock => ({
              rotationId: r.id,
              layerId: l.id,
              layer: l.name,
              ...spanOf(b),
            }),
          ),
        );
      });
    },
    'oncall.fairness': ({ teamId, rotationId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      const blocks = blocksOf(team, rotationId, from, to);
      // Everyone who takes part in the chosen rotations, even with no turn in the range: a zero is news too.
      const involved = new Set([...blocks.map((b) => b.personId), ...rotationsOver(team, rotationId, from, to).chosen.flatMap((r) => rotations.layersOf(db, r.id).flatMap((l) => l.participants))]);
      const names = new Map(listPeople(db, teamId, '', true).filter((p) => involved.has(p.id)).map((p) => [p.id, p.name]));
      const holidays = anyHoliday(teamHolidayDays(db, team, from, to));
      return fairness(blocks, names, zoneClock(team.timeZone), team.rules.weekendDays, holidays);
    },
  };
}
