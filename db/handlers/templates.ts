import { UserError } from '../../core/errors';
import { clockSpan, codeKey } from '../../core/shift';
import type { Team } from '../../core/team';
import { COPIED_TO_SHIFTS, MAX_TEMPLATE_MINUTES, MIN_TEMPLATE_MINUTES, nextTemplateColor, templateMinutes, unusualLength, type ShiftTemplate } from '../../core/template';
import { todayIn } from '../../core/time';
import { zoneClock } from '../../core/zone-clock';
import type { HandlersOf, ServiceContext } from '../context';
import type { Db } from '../open';
import { archiveTemplate, getTemplate, insertTemplate, listTemplates, updateTemplate } from '../sql/templates';

/** Shifts from `from` (a roster day) on that use a template, as stored. */
function futureShifts(db: Db, templateId: number, from: string): { id: number; day: string }[] {
  return db
    .prepare('SELECT id, roster_day AS day FROM shift WHERE template_id = ? AND roster_day >= ? ORDER BY roster_day, id')
    .all(templateId, from) as { id: number; day: string }[];
}

type TemplateMethods = 'template.list' | 'template.create' | 'template.update' | 'template.archive' | 'template.usage';

/** Handlers for shift templates: list, add, edit (optionally carrying the change to planned shifts), remove, usage. */
export function templateHandlers(ctx: ServiceContext): HandlersOf<TemplateMethods> {
  const { db } = ctx;

  const checkSkill = (team: Team, skill: string | null) => {
    if (skill !== null && !team.skills.includes(skill)) {
      throw new UserError('unknown_skill', `"${skill}" is not a skill of ${team.name} (${team.skills.join(', ')})`, ['skill']);
    }
  };
  const checkCodeFree = (teamId: number, code: string, exceptId: number | null) => {
    const clash = listTemplates(db, teamId).find((t) => codeKey(t.code) === codeKey(code) && t.id !== exceptId);
    if (clash) throw new UserError('duplicate_code', `The code ${code} is already used by "${clash.name}"`, ['code']);
  };
  /** A 23.5 h template is far more often a slip (15:00 → 14:30) than a real shift: saving one must be meant. */
  const checkLength = (startLocal: string, endLocal: string, confirmed: boolean) => {
    if (confirmed || !unusualLength(startLocal, endLocal)) return;
    const hours = templateMinutes(startLocal, endLocal) / 60;
    const why = hours < MIN_TEMPLATE_MINUTES / 60 ? `shorter than ${MIN_TEMPLATE_MINUTES / 60} h` : `longer than ${MAX_TEMPLATE_MINUTES / 60} h`;
    throw new UserError(
      'confirm_length',
      `${startLocal} to ${endLocal} is a ${Math.round(hours * 100) / 100} h shift, ${why}: check the times, or confirm the length (confirmLength: true) to save it`,
      ['endLocal'],
    );
  };
  const requireTemplate = (id: number): ShiftTemplate => {
    const t = getTemplate(db, id);
    if (!t) throw new UserError('not_found', `There is no shift template with id ${id}`, ['id']);
    return t;
  };
  const todayOf = (team: Team) => todayIn(team.timeZone, ctx.clock()).toString();

  return {
    'template.list': ({ teamId }) => {
      ctx.requireTeam(teamId);
      return listTemplates(db, teamId);
    },
    'template.create': ({ confirmLength, color, ...input }) => {
      const team = ctx.requireTeam(input.teamId);
      checkSkill(team, input.skill);
      checkCodeFree(team.id, input.code, null);
      checkLength(input.startLocal, input.endLocal, confirmLength);
      const chosen = color ?? nextTemplateColor(listTemplates(db, team.id).map((t) => t.color));
      return getTemplate(db, insertTemplate(db, { ...input, color: chosen })) as ShiftTemplate;
    },
    'template.update': ({ id, confirmLength, futureShifts: future, ...patch }) => {
      const current = requireTemplate(id);
      const team = ctx.requireTeam(current.teamId);
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ShiftTemplate;
      checkSkill(team, next.skill);
      if (patch.code !== undefined) checkCodeFree(team.id, next.code, id);
      // Only a change of times asks: renaming an old 24 h template must not.
      if (next.startLocal !== current.startLocal || next.endLocal !== current.endLocal) checkLength(next.startLocal, next.endLocal, confirmLength);
      updateTemplate(db, id, next);
      let updatedShifts = 0;
      const copiedChanged = COPIED_TO_SHIFTS.some((f) => next[f] !== current[f]);
      if (future === 'update' && copiedChanged) {
        const clock = zoneClock(team.timeZone);
        const at = ctx.stamp();
        const move = db.prepare(
          'UPDATE shift SET start_utc = ?, end_utc = ?, break_minutes = ?, skill = ?, updated_at = ?, sequence = sequence + 1 WHERE id = ?',
        );
        // Placed breaks and meetings that no longer fit inside the moved shift go; the rest stay where they are.
        const dropOutside = db.prepare('DELETE FROM shift_activity WHERE shift_id = ? AND (start_utc < ? OR end_utc > ?)');
        const placedBreak = db.prepare("SELECT count(*) AS n, coalesce(sum(end_utc - start_utc), 0) / 60 AS minutes FROM shift_activity WHERE shift_id = ? AND kind = 'break'");
        for (const s of futureShifts(db, id, todayOf(team))) {
          const span = clockSpan(clock, s.day, next.startLocal, next.endLocal);
          dropOutside.run(s.id, span.startUtc, span.endUtc);
          // Breaks placed by hand (or by the break planner) set the shift's break, as shift.setActivities does; else the template's.
          const placed = placedBreak.get(s.id) as { n: number; minutes: number };
          move.run(span.startUtc, span.endUtc, placed.n > 0 ? placed.minutes : next.breakMinutes, next.skill, at, s.id);
          updatedShifts += 1;
        }
      }
      return { ...(getTemplate(db, id) as ShiftTemplate), updatedShifts };
    },
    'template.archive': ({ id }) => {
      requireTemplate(id);
      archiveTemplate(db, id, ctx.stamp());
      return { id };
    },
    'template.usage': ({ id }) => {
      const team = ctx.requireTeam(requireTemplate(id).teamId);
      const from = todayOf(team);
      return { from, shifts: futureShifts(db, id, from).length };
    },
  };
}
