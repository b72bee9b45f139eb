import { demoData, DEMO_TEAM_NAME } from '../../core/demo';
import { PersonCreate } from '../../core/person';
import { defaultSettings } from '../../core/staffing';
import { defaultRules } from '../../core/team-rules';
import { Temporal } from '../../core/time';
import type { Handlers, HandlersOf, ServiceContext } from '../context';
import { listTypes as absenceTypesOf } from '../sql/absences';
import * as teams from '../sql/teams';
import { insertVolumes } from '../sql/volume';
import { insertTemplate } from '../sql/templates';
import { addPerson } from './people';

/**
 * The demo desk. Unlike every other area it writes through the other areas' methods (`api`, the
 * finished table) on purpose: the demo must hold only what a user could have entered, checked
 * by the same code as the user's own edits.
 */
export function demoHandlers(ctx: ServiceContext, api: () => Handlers): HandlersOf<'demo.create'> {
  const { db, stamp } = ctx;
  return {
    'demo.create': () => {
      const handlers = api();
      const demo = demoData(ctx.clock());
      let name = demo.team.name;
      for (let n = 2; teams.findTeamByName(db, name); n += 1) name = `${DEMO_TEAM_NAME} (${n})`;
      const teamId = teams.insertTeam(db, { ...demo.team, name, rules: defaultRules(demo.team.weekStart) }, stamp());
      const at = stamp();
      // Through the same schema as any person, so the demo can never hold what a user could not enter.
      const ids = demo.people.map((p) => addPerson(db, PersonCreate.parse({ ...p, teamId }), at));
      for (const t of demo.templates) insertTemplate(db, { ...t, teamId });
      insertVolumes(db, teamId, demo.volumes);
      for (const h of demo.openingHours) handlers['staffing.setOpeningHours']({ teamId, ...h });
      for (const t of demo.staffing) handlers['staffing.setSettings']({ ...defaultSettings(t.channel), ...t, teamId });
      // The rota goes through the same path as the grid's own edits; a shift moved to another channel keeps its template's hours.
      const byCode = new Map(demo.templates.map((t) => [t.code, t]));
      const { shifts: made } = handlers['shift.setCells']({
        teamId,
        entries: demo.rota.map((r) => {
          const t = byCode.get(r.code);
          const value = r.skill && t ? { startLocal: t.startLocal, endLocal: t.endLocal, breakMinutes: t.breakMinutes, skill: r.skill } : { code: r.code };
          return { personId: ids[r.person] ?? 0, day: r.day, value };
        }),
      });
      // Breaks placed where the demo staggers them, so coverage counts who is really on the line.
      const shiftOf = new Map(made.map((x) => [`${x.personId}|${x.day}`, x.id]));
      for (const r of demo.rota) {
        const shiftId = shiftOf.get(`${ids[r.person] ?? 0}|${r.day}`);
        if (!r.breakLocal || shiftId === undefined) continue;
        const end = Temporal.PlainTime.from(r.breakLocal).add({ minutes: 30 }).toString({ smallestUnit: 'minute' });
        handlers['shift.setActivities']({ id: shiftId, activities: [{ kind: 'break', startLocal: r.breakLocal, endLocal: end }] });
      }
      const types = new Map(absenceTypesOf(db, teamId).map((t) => [t.key, t.id]));
      const vacation = types.get('vacation') ?? 0;
      for (const year of new Set(demo.rota.map((r) => Number(r.day.slice(0, 4))))) {
        for (const personId of ids) handlers['absence.setAllowance']({ personId, typeId: vacation, year, unit: 'days', amount: demo.vacationDaysPerYear, carryOver: 0 });
      }
      for (const a of demo.absences) {
        handlers['absence.create']({ teamId, personId: ids[a.person] ?? 0, typeId: types.get(a.type) ?? 0, start: a.start, end: a.end, hours: null, status: a.status, note: a.note });
      }
      handlers['rotation.create']({
        teamId,
        name: demo.onCall.name,
        layers: demo.onCall.layers.map((l) => ({ ...l, participants: l.participants.map((i) => ids[i] ?? 0), restrictions: l.restrictions ?? [], skipHolidays: l.skipHolidays ?? false })),
      });
      return ctx.requireTeam(teamId);
    },
  };
}
