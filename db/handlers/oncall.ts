import { UserError } from '../../core/errors';
import { CONFLICT_DAYS, finalSchedule, layerSchedules, type LayerBlock, type LayerInput, type Override, type Rotation, type RotationSaved } from '../../core/oncall';
import type { Team } from '../../core/team';
import { zoneClock } from '../../core/zone-clock';
import { todayIn } from '../../core/time';
import type { HandlersOf, ServiceContext } from '../context';
import * as rotations from '../sql/rotations';
import { dayRange } from '../../core/ranges';
import { ruleViolations } from './shift-reads';
import { onCallFairness, onCallSchedule, requireRotation as requireRotationIn, rotationsOver, scheduleOptions, spansIn } from './oncall-schedule';

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
  const requireRotation = (id: number, path: (string | number)[] = ['id']) => requireRotationIn(db, id, path);
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
    'oncall.schedule': ({ teamId, rotationId, from, to }) => onCallSchedule(ctx, ctx.requireTeam(teamId), rotationId, from, to),
    'oncall.layers': ({ teamId, rotationId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      const { chosen, fromUtc, toUtc } = rotationsOver(db, team, rotationId, from, to);
      const spanOf = spansIn(db, team);
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
    'oncall.fairness': ({ teamId, rotationId, from, to }) => onCallFairness(ctx, ctx.requireTeam(teamId), rotationId, from, to),
  };
}
