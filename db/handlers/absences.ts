import {
  absenceAmount,
  absenceStats,
  balanceOf,
  daysBetween,
  hoursPerDay,
  STATUS_CHANGES,
  workdayTest,
  type Absence,
  type AbsenceOutcome,
  type AbsenceStatus,
  type AbsenceType,
  type AbsenceWarning,
  type AuditChange,
  type Balance,
  type WorkdayTest,
} from '../../core/absence';
import type { MethodOutput } from '../../core/contract';
import { UserError } from '../../core/errors';
import { teamHolidayDays } from './holidays';
import { type Person } from '../../core/person';
import type { Team } from '../../core/team';
import { fold } from '../../core/text';
import { zoneClock, type ZoneClock } from '../../core/zone-clock';
import * as absences from '../sql/absences';
import type { HandlersOf, ServiceContext } from '../context';
import { listPeople } from '../sql/people';
import { dayRange } from '../../core/ranges';
import { listShifts } from '../sql/shifts';
import type { Db } from '../open';
import { ACTIVE, checkAbsenceSpan, spanText } from './absence-rules';

type AbsenceMethods =
  | 'absenceType.list'
  | 'absenceType.create'
  | 'absenceType.update'
  | 'absenceType.archive'
  | 'absence.list'
  | 'absence.waiting'
  | 'absence.create'
  | 'absence.update'
  | 'absence.setStatus'
  | 'absence.history'
  | 'absence.allowances'
  | 'absence.setAllowance'
  | 'absence.balance'
  | 'absence.stats'
  | 'absence.day'
  | 'absence.conflicts';


/** The team's calendar for day counting: its clock and which days are working days. */
export function teamCalendar(db: Db, team: Team, from: string, to: string): { clock: ZoneClock; isWorkday: WorkdayTest } {
  const clock = zoneClock(team.timeZone);
  const holidays = teamHolidayDays(db, team, from, to);
  return { clock, isWorkday: workdayTest(clock, team.rules.weekendDays, holidays.full, holidays.half) };
}


/**
 * The team's absences touching days [from, to], of one person or everyone, in the statuses
 * asked for (all when null): what the Absences page lists and the absences report exports.
 */
export function absencesOver(db: Db, team: Team, from: string, to: string, personId: number | null, statuses: readonly AbsenceStatus[] | null): Absence[] {
  dayRange(from, to);
  return absences.listAbsences(db, team.id, from, to, { personId, statuses: statuses ?? undefined });
}

/** Absence rate, sick days and the Bradford factor per person over [from, to]: the page's table and the report's. */
export function absenceStatistics(db: Db, team: Team, from: string, to: string): MethodOutput<'absence.stats'> {
  dayRange(from, to);
  const { clock, isWorkday } = teamCalendar(db, team, from, to);
  const types = new Map(absences.listTypes(db, team.id, true).map((t) => [t.id, t]));
  const approved = absences.listAbsences(db, team.id, from, to, { statuses: ['approved'] });
  return absenceStats({
    teamName: team.name,
    people: listPeople(db, team.id, '', true),
    absences: approved.map((a) => ({ personId: a.personId, start: a.start, end: a.end, hours: a.hours, sick: a.typeKey === 'sick', countsAgainstAllowance: types.get(a.typeId)?.countsAgainstAllowance ?? false })),
    from,
    to,
    weekendDays: team.rules.weekendDays,
    isWorkday,
    clock,
  });
}

/** Rows by their person id (Map.groupBy is ES2024; the build targets ES2023). */
function byPerson<T extends { personId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.personId);
    if (list) list.push(r);
    else out.set(r.personId, [r]);
  }
  return out;
}

/**
 * Each person's balances of `year` as of a day, by person id: per absence type that has an
 * allowance, or counts against one, taken (approved up to `asOf`), planned (approved after it),
 * requested and left. `asOf` may fall outside the year (before it everything approved is planned,
 * after it everything is taken). The Absences page's balance table and the hub plan read it here.
 */
export function balancesOf(db: Db, team: Team, people: readonly Person[], year: number, asOf: string): Map<number, Balance[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { clock, isWorkday } = teamCalendar(db, team, from, to);
  // One person (the page) reads only their absences; a team (the hub plan) reads them all once.
  const only = people.length === 1 ? (people[0]?.id ?? null) : null;
  const active = absences.listAbsences(db, team.id, from, to, { personId: only, statuses: ACTIVE });
  const allowanceRows = absences.allowancesOf(db, team.id, year);
  const types = absences.listTypes(db, team.id, true);
  const activeOf = byPerson(active);
  const allowancesOfPerson = byPerson(allowanceRows);
  const out = new Map<number, Balance[]>();
  for (const person of people) {
    const dayHours = hoursPerDay(person.contractHoursPerWeek, team.rules.weekendDays);
    const mine = activeOf.get(person.id) ?? [];
    const allowances = new Map((allowancesOfPerson.get(person.id) ?? []).map((w) => [w.typeId, w]));
    out.set(
      person.id,
      types
        .filter((t) => allowances.has(t.id) || (t.countsAgainstAllowance && !t.archived))
        .map((t) => {
          const allowance = allowances.get(t.id) ?? { amount: 0, carryOver: 0, unit: 'days' as const, year };
          const b = balanceOf(allowance, mine.filter((a) => a.typeId === t.id), asOf, dayHours, isWorkday, clock);
          return { typeId: t.id, typeName: t.name, year, unit: allowance.unit, allowance: allowance.amount, carryOver: allowance.carryOver, ...b };
        }),
    );
  }
  return out;
}

/** Handlers for absence types, absences, allowances, statistics and the absence import. */
export function absenceHandlers(ctx: ServiceContext): HandlersOf<AbsenceMethods> {
  const { db } = ctx;

  const requireType = (teamId: number, typeId: number, path: (string | number)[]): AbsenceType => {
    const t = absences.getType(db, typeId);
    if (!t || t.teamId !== teamId) throw new UserError('not_found', `There is no absence type with id ${typeId} in this team`, path);
    if (t.archived) throw new UserError('type_removed', `The absence type ${t.name} has been removed`, path);
    return t;
  };
  const requireAbsence = (id: number): Absence => {
    const a = absences.getAbsence(db, id);
    if (!a) throw new UserError('not_found', `There is no absence with id ${id}`, ['id']);
    return a;
  };
  const checkTypeName = (teamId: number, name: string, exceptId: number | null) => {
    const clash = absences.listTypes(db, teamId).find((t) => fold(t.name) === fold(name) && t.id !== exceptId);
    if (clash) throw new UserError('duplicate_name', `An absence type called "${clash.name}" already exists`, ['name']);
  };

  const checkSpan = (person: Person, start: string, end: string, exceptId: number | null, path: { start: (string | number)[]; end: (string | number)[] }) => checkAbsenceSpan(db, person, start, end, exceptId, path);

  /** What an absence in its current state affects: the balance, the team's limits and the rota. */
  const warningsFor = (a: Absence): AbsenceWarning[] => {
    if (!ACTIVE.includes(a.status)) return [];
    const team = ctx.requireTeam(a.teamId);
    const person = ctx.requirePerson(a.personId);
    const type = absences.getType(db, a.typeId);
    const { clock, isWorkday } = teamCalendar(db, team, `${a.start.slice(0, 4)}-01-01`, `${a.end.slice(0, 4)}-12-31`);
    const out: AbsenceWarning[] = [];

    if (type?.countsAgainstAllowance) {
      const dayHours = hoursPerDay(person.contractHoursPerWeek, team.rules.weekendDays);
      for (let year = Number(a.start.slice(0, 4)); year <= Number(a.end.slice(0, 4)); year += 1) {
        const allowance = absences.allowanceOf(db, person.id, type.id, year);
        if (!allowance) continue;
        const others = absences.listAbsences(db, team.id, `${year}-01-01`, `${year}-12-31`, { personId: person.id, statuses: ['approved'] }).filter((x) => x.typeId === type.id && x.id !== a.id);
        const { left } = balanceOf(allowance, others, `${year}-12-31`, dayHours, isWorkday, clock);
        const amount = absenceAmount(a, allowance.unit, dayHours, isWorkday, clock, `${year}-01-01`, `${year}-12-31`);
        if (amount > left) {
          out.push({
            code: 'over_balance',
            message: `${person.name} has ${left} ${allowance.unit} of ${type.name} left in ${year}; this uses ${amount}`,
            params: { person: person.name, type: type.name, year, left, amount, unit: allowance.unit },
          });
        }
      }
    }

    if (a.status === 'approved') {
      const everyone = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p]));
      const awayOn = new Map<string, Set<number>>();
      for (const x of absences.listAbsences(db, team.id, a.start, a.end, { statuses: ['approved'] })) {
        for (const d of daysBetween(clock, x.start > a.start ? x.start : a.start, x.end < a.end ? x.end : a.end)) {
          const set = awayOn.get(d) ?? new Set<number>();
          set.add(x.personId);
          awayOn.set(d, set);
        }
      }
      const limits: { skill: string | null; limit: number }[] = [
        ...(team.rules.maxAway === null ? [] : [{ skill: null, limit: team.rules.maxAway }]),
        ...Object.entries(team.rules.maxAwayBySkill)
          .filter(([skill]) => person.skills.includes(skill))
          .map(([skill, limit]) => ({ skill, limit })),
      ];
      for (const { skill, limit } of limits) {
        let worst: { day: string; count: number } | null = null;
        for (const [day, ids] of awayOn) {
          const count = [...ids].filter((pid) => skill === null || everyone.get(pid)?.skills.includes(skill)).length;
          if (count > limit && (!worst || count > worst.count || (count === worst.count && day < worst.day))) worst = { day, count };
        }
        if (worst) {
          out.push({
            code: 'max_away',
            message: `${worst.count} people${skill ? ` with the ${skill} skill` : ''} are away on ${worst.day} (at most ${limit})`,
            params: { day: worst.day, count: worst.count, limit, skill: skill ?? '' },
          });
        }
      }
      if (a.hours === null) {
        const hit = listShifts(db, team.id, a.start, a.end).filter((s) => s.personId === a.personId);
        if (hit.length) {
          out.push({
            code: 'uncovered_shifts',
            message: `${hit.length} of ${person.name}'s shifts fall in this absence and are now uncovered`,
            params: { person: person.name, count: hit.length, first: hit[0]?.day ?? a.start },
          });
        }
      }
    }
    return out;
  };

  const outcome = (id: number): AbsenceOutcome => {
    const absence = requireAbsence(id);
    return { absence, warnings: warningsFor(absence) };
  };

  return {
    'absenceType.list': ({ teamId, includeArchived }) => {
      ctx.requireTeam(teamId);
      return absences.listTypes(db, teamId, includeArchived);
    },
    'absenceType.create': ({ teamId, ...t }) => {
      ctx.requireTeam(teamId);
      checkTypeName(teamId, t.name, null);
      const id = absences.insertType(db, teamId, { ...t, key: null });
      return absences.getType(db, id) as AbsenceType;
    },
    'absenceType.update': ({ id, ...patch }) => {
      const current = absences.getType(db, id);
      if (!current) throw new UserError('not_found', `There is no absence type with id ${id}`, ['id']);
      if (patch.name !== undefined) checkTypeName(current.teamId, patch.name, id);
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as AbsenceType;
      absences.updateType(db, id, next);
      return absences.getType(db, id) as AbsenceType;
    },
    'absenceType.archive': ({ id }) => {
      const current = absences.getType(db, id);
      if (!current) throw new UserError('not_found', `There is no absence type with id ${id}`, ['id']);
      if (absences.listTypes(db, current.teamId).length === 1) throw new UserError('last_type', 'A team keeps at least one absence type', ['id']);
      absences.archiveType(db, id, ctx.stamp());
      return { id };
    },

    'absence.list': ({ teamId, from, to, personId, statuses }) => absencesOver(db, ctx.requireTeam(teamId), from, to, personId, statuses),
    'absence.waiting': ({ teamId }) => {
      ctx.requireTeam(teamId);
      return absences.listWaiting(db, teamId);
    },
    'absence.create': ({ teamId, personId, typeId, start, end, hours, status, note }) => {
      const team = ctx.requireTeam(teamId);
      const person = ctx.requirePerson(personId, ['personId']);
      if (person.teamId !== team.id) throw new UserError('not_found', `${person.name} is not in ${team.name}`, ['personId']);
      if (person.archived) throw new UserError('archived', `${person.name} is archived`, ['personId']);
      requireType(teamId, typeId, ['typeId']);
      checkSpan(person, start, end, null, { start: ['start'], end: ['end'] });
      const at = ctx.stamp();
      const id = absences.insertAbsence(db, { teamId, personId, typeId, start, end, hours, status, note }, at);
      absences.addAudit(db, id, at, ctx.actor, 'created', status === 'approved' ? [{ field: 'status', from: null, to: 'approved' }] : []);
      return outcome(id);
    },
    'absence.update': ({ id, ...patch }) => {
      const current = requireAbsence(id);
      if (!ACTIVE.includes(current.status)) throw new UserError('decided', `This absence is ${current.status} and can no longer be edited`, ['id']);
      const person = ctx.requirePerson(current.personId);
      const next = {
        typeId: patch.typeId ?? current.typeId,
        start: patch.start ?? current.start,
        end: patch.end ?? current.end,
        hours: patch.hours === undefined ? current.hours : patch.hours,
        note: patch.note ?? current.note,
        status: current.status,
      };
      if (patch.typeId !== undefined) requireType(current.teamId, patch.typeId, ['typeId']);
      checkSpan(person, next.start, next.end, id, { start: ['start'], end: ['end'] });
      const text = (v: string | number | null) => (v === null ? null : String(v));
      const typeName = (tid: number) => absences.getType(db, tid)?.name ?? String(tid);
      const changes: AuditChange[] = [
        ...(next.typeId !== current.typeId ? [{ field: 'type', from: typeName(current.typeId), to: typeName(next.typeId) }] : []),
        ...(['start', 'end', 'hours', 'note'] as const).filter((f) => next[f] !== current[f]).map((f) => ({ field: f, from: text(current[f]), to: text(next[f]) })),
      ];
      if (changes.length === 0) return outcome(id);
      const at = ctx.stamp();
      absences.updateAbsence(db, id, next, at);
      absences.addAudit(db, id, at, ctx.actor, 'edited', changes);
      return outcome(id);
    },
    'absence.setStatus': ({ id, status }) => {
      const current = requireAbsence(id);
      if (current.status === status) return outcome(id);
      if (!STATUS_CHANGES[current.status].includes(status)) {
        throw new UserError('invalid_status', `A ${current.status} absence cannot become ${status}`, ['status']);
      }
      const at = ctx.stamp();
      absences.updateAbsence(db, id, { ...current, status }, at);
      absences.addAudit(db, id, at, ctx.actor, status, [{ field: 'status', from: current.status, to: status }]);
      return outcome(id);
    },
    'absence.history': ({ personId }) => {
      const person = ctx.requirePerson(personId, ['personId']);
      const byId = new Map(absences.listAbsences(db, person.teamId, '0000-01-01', '9999-12-31', { personId }).map((a) => [a.id, a]));
      return absences.auditOfPerson(db, personId).map((l) => {
        const a = byId.get(l.absenceId);
        return { ...l, action: l.action as 'created', absence: a ? spanText(a) : '' };
      });
    },
    'absence.allowances': ({ teamId, year }) => {
      ctx.requireTeam(teamId);
      return absences.allowancesOf(db, teamId, year);
    },
    'absence.setAllowance': (input) => {
      const person = ctx.requirePerson(input.personId, ['personId']);
      requireType(person.teamId, input.typeId, ['typeId']);
      absences.setAllowance(db, input);
      return absences.allowanceOf(db, input.personId, input.typeId, input.year) ?? input;
    },
    'absence.balance': ({ personId, asOf }) => {
      const person = ctx.requirePerson(personId, ['personId']);
      return balancesOf(db, ctx.requireTeam(person.teamId), [person], Number(asOf.slice(0, 4)), asOf).get(person.id) ?? [];
    },
    'absence.stats': ({ teamId, from, to }) => absenceStatistics(db, ctx.requireTeam(teamId), from, to),
    'absence.day': ({ teamId, day }) => {
      const team = ctx.requireTeam(teamId);
      const list = absences.listAbsences(db, teamId, day, day, { statuses: ACTIVE });
      const gone = new Set(list.filter((a) => a.status === 'approved' && a.hours === null).map((a) => a.personId));
      const onShift = listShifts(db, teamId, day, day);
      return {
        day,
        away: list.map((a) => ({ personId: a.personId, personName: a.personName, typeName: a.typeName, color: a.color, status: a.status, hours: a.hours })),
        channels: team.skills.map((channel) => {
          const people = new Set(onShift.filter((s) => s.skill === channel).map((s) => s.personId));
          return { channel, scheduled: people.size, remaining: [...people].filter((pid) => !gone.has(pid)).length };
        }),
      };
    },
    'absence.conflicts': ({ teamId, from, to }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      const clock = zoneClock(team.timeZone);
      return uncovered(ctx, team, from, to).map(({ shift, absence }) => ({
        shiftId: shift.id,
        absenceId: absence.id,
        personId: absence.personId,
        personName: absence.personName,
        day: shift.day,
        typeName: absence.typeName,
        startLocal: clock.hhmm(shift.startUtc),
        endLocal: clock.hhmm(shift.endUtc),
        skill: shift.skill,
      }));
    },
  };
}

/** Shifts on approved full-day absences over roster days [from, to], each with the absence it falls in. */
export function uncovered(ctx: ServiceContext, team: Team, from: string, to: string): { shift: ReturnType<typeof listShifts>[number]; absence: Absence }[] {
  const away = absences.listAbsences(ctx.db, team.id, from, to, { statuses: ['approved'] }).filter((a) => a.hours === null);
  if (away.length === 0) return [];
  return listShifts(ctx.db, team.id, from, to).flatMap((shift) => {
    const absence = away.find((a) => a.personId === shift.personId && shift.day >= a.start && shift.day <= a.end);
    return absence ? [{ shift, absence }] : [];
  });
}
