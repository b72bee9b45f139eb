import {
  contract,
  isMethodName,
  type DailyVolume,
  type WeeklyVolume,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../core/contract';
import { demoData, DEMO_TEAM_NAME } from '../core/demo';
import { parseCsv } from '../core/csv';
import { UserError, toApiError, zodIssueToApiError, type ApiError } from '../core/errors';
import { importError, parsePeopleCsv, peopleTable } from '../core/people-import';
import { importText } from '../core/text-decode';
import { spreadsheetCsv } from '../core/csv';
import { paletteColor, PersonCreate, type NewPerson, type Person } from '../core/person';
import { ALL_TABLES, HISTORY_TABLE, type ApiResult } from '../core/result';
import type { Team } from '../core/team';
import { knowsHolidays } from '../core/holidays';
import { defaultRules } from '../core/team-rules';
import { epochSeconds, parsePlainDate, startOfWeek, Temporal, todayIn } from '../core/time';
import os from 'node:os';
import { copyDatabase, fileProblem, stampedSibling, type Planner } from './open';
import fs from 'node:fs';
import path from 'node:path';
import { absenceHandlers } from './handlers/absences';
import { staffingHandlers } from './handlers/staffing';
import { scheduleHandlers, useHighs } from './handlers/schedule';
import { calendarHandlers } from './handlers/calendar';
import { caldavHandlers, publishPlan, recordSent, sendPlan } from './handlers/caldav';
import { highsInstance } from './solver';
import { backupByName, listBackups, restoreInPlace, rollingBackup } from './backup';
import { ScheduleJobs } from './schedule-jobs';
import { countAbsencesOf, listTypes as absenceTypesOf } from './sql/absences';
import * as people from './sql/people';
import { checkHealth } from './health';
import { onCallReferences } from './sql/rotations';
import { setSetting, settingsOf } from './sql/settings';
import { readXlsx, writeXlsx } from './xlsx';
import * as teams from './sql/teams';
import type { Handlers } from './context';
import { coverageChunks, defaultSettings } from '../core/staffing';
import { makeContext } from './make-context';
import { onCallHandlers, standbyEntries } from './handlers/oncall';
import { absencesTable, absenceStatsTable, accuracyTable, exportDialect, hoursTable, onCallTable, serviceLevelTable, tableCsv, type ReportTable } from '../core/report-tables';
import { fileSlug } from '../core/text';
import { rosterHandlers } from './handlers/roster';
import { holidayHandlers } from './handlers/holidays';
import { insertTemplate } from './handlers/templates';
import { UndoHistory } from './undo';
import { deleteVolumes, insertVolumes, volumesBetween } from './sql/volume';
import { parseVolumeCsv } from '../core/volume-import';
import { zoneClock } from '../core/zone-clock';

export interface ServiceOptions {
  appVersion: string;
  /** The clock, injectable so tests and the demo are reproducible. */
  now?: () => Temporal.Instant;
  /** Who audit lines name; defaults to the operating-system user. */
  actor?: string;
  /** The scheduling worker's entry file (default: found next to this code). */
  scheduleWorkerEntry?: string;
  /** better-sqlite3's native binding for the worker's connection (Electron's ABI). */
  nativeBinding?: string;
  /** The HTTP client for calendar publishing (default: Node's fetch); a test uses it to time a colleague's edit. */
  fetch?: typeof fetch;
}

function osUser(): string {
  try {
    return os.userInfo().username.slice(0, 120) || 'lead';
  } catch {
    return 'lead';
  }
}


/** Converts what a handler threw into the contract's error shape; never leaks a stack. */
function errorOf(err: unknown, readOnlyReason: string | null = null): ApiError {
  if (err instanceof UserError) return toApiError(err);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'constraint', message: `The change breaks a rule of the planner file: ${(err as Error).message}`, path: [] };
  }
  if (code === 'SQLITE_FULL') return { code: 'disk_full', message: 'The disk is full; nothing was saved.', path: [] };
  if (code === 'SQLITE_READONLY') return { code: 'read_only', message: readOnlyReason ? `The planner file cannot be changed here: ${readOnlyReason}. Nothing was saved.` : 'The planner file is read-only; nothing was saved.', path: [] };
  return { code: 'internal', message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}`, path: [] };
}

export interface Service {
  /** The untyped door every transport uses: validates the method and the input. */
  dispatch(method: unknown, input: unknown): ApiResult<unknown>;
  /**
   * The door for transports (IPC, HTTP, CLI): the same as `dispatch`, plus the
   * steps that cannot run inside a synchronous SQLite transaction, such as
   * reading and writing XLSX files, done before and after it.
   */
  dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  callAsync<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** The typed door for the CLI and tests. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): ApiResult<MethodOutput<M>>;
  /** Like `call` but throws the UserError, for code that has no use for a result. */
  run<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M>;
  readonly planner: Planner;
  close(): void;
}

export function createService(planner: Planner, options: ServiceOptions): Service {
  const { db } = planner;
  const clock = options.now ?? (() => Temporal.Now.instant());
  const { context, clearMemo } = makeContext(db, clock, options.actor ?? osUser());
  const { stamp, requireTeam, requirePerson } = context;
  const history = new UndoHistory(db);

  const labelOf = (step: string | null): string | null => (step && isMethodName(step) ? contract[step].undo : null);
  const historyState = () => {
    const snap = history.snapshot();
    return {
      canUndo: snap.canUndo,
      canRedo: snap.canRedo,
      undoLabel: labelOf(snap.undoStep),
      redoLabel: labelOf(snap.redoStep),
      undoAction: snap.undoStep,
      redoAction: snap.redoStep,
    };
  };

  const checkTeamName = (name: string, exceptId: number | null) => {
    const other = teams.findTeamByName(db, name);
    if (other && other.id !== exceptId) throw new UserError('duplicate_name', `A team called "${other.name}" already exists`, ['name']);
  };
  const checkTeamRules = (team: Pick<Team, 'country' | 'rules' | 'skills'>) => {
    for (const skill of Object.keys(team.rules.maxAwayBySkill)) {
      if (!team.skills.includes(skill)) throw new UserError('unknown_skill', `"${skill}" is not a skill of the team (${team.skills.join(', ')})`, ['rules', 'maxAwayBySkill', skill]);
    }
    const region = team.rules.holidayRegion;
    if (region && !knowsHolidays(team.country, region)) {
      throw new UserError('unknown_region', `"${region}" is not a holiday region of ${team.country || 'the team (no country set)'}`, ['rules', 'holidayRegion']);
    }
  };
  const checkSkills = (team: Team, skills: readonly string[], path: (string | number)[]) => {
    skills.forEach((s, i) => {
      if (!team.skills.includes(s)) {
        throw new UserError('unknown_skill', `"${s}" is not a skill of ${team.name} (${team.skills.join(', ')})`, [...path, i]);
      }
    });
  };
  const checkEmail = (teamId: number, email: string | null, exceptId: number | null) => {
    if (email && people.emailTaken(db, teamId, email, exceptId)) {
      throw new UserError('duplicate_email', `${email} is already used by someone in this team`, ['email']);
    }
  };

  /** Ticket totals per local day of the team's zone: day boundaries as instants, then one pass over sorted rows. */
  const dailyVolumes = (team: Team, fromDay: Temporal.PlainDate, toDay: Temporal.PlainDate): DailyVolume[] => {
    const bounds: { day: string; end: number }[] = [];
    for (let d = fromDay; Temporal.PlainDate.compare(d, toDay) <= 0; d = d.add({ days: 1 })) {
      bounds.push({ day: d.toString(), end: epochSeconds(d.add({ days: 1 }).toZonedDateTime(team.timeZone).toInstant()) });
    }
    const start = epochSeconds(fromDay.toZonedDateTime(team.timeZone).toInstant());
    const rows = volumesBetween(db, team.id, start, bounds.at(-1)?.end ?? start);
    const totals = new Map<string, DailyVolume>();
    let b = 0;
    for (const r of rows) {
      while (b < bounds.length - 1 && r.startUtc >= (bounds[b]?.end ?? 0)) b += 1;
      const day = bounds[b]?.day ?? fromDay.toString();
      const key = `${day}|${r.channel}`;
      const entry = totals.get(key) ?? { day, channel: r.channel, volume: 0 };
      entry.volume += r.volume;
      totals.set(key, entry);
    }
    return [...totals.values()];
  };

  /**
   * Inserts a validated person; without a chosen colour they get the palette colour
   * of their place in the team (`place`, when a caller adding many already knows it).
   */
  const addPerson = (p: NewPerson, at: string, place = people.countPeople(db, p.teamId)): number =>
    people.insertPerson(db, { ...p, color: p.color ?? paletteColor(place) }, at);


  /** The table of a report, from the same handlers the pages use. */
  function reportOf(input: ParsedInput<'report.export'>): { table: ReportTable; filename: string } {
    const team = requireTeam(input.teamId);
    const { from, to } = input;
    const base = `${fileSlug(team.name)}-${input.report}-${from}-${to}`;
    if (input.report === 'hours') return { table: hoursTable(team, handlers['roster.costs']({ teamId: team.id, from, to, by: input.by, calendar: input.calendar }), input.by), filename: base };
    if (input.report === 'oncall') {
      const pay = new Map<number, number>();
      for (const e of standbyEntries(context, team, from, to)) pay.set(e.personId, (pay.get(e.personId) ?? 0) + e.amount);
      return { table: onCallTable(team, handlers['oncall.fairness']({ teamId: team.id, rotationId: null, from, to }), (id) => pay.get(id) ?? 0), filename: base };
    }
    if (input.report === 'absences') return { table: absencesTable(handlers['absence.list']({ teamId: team.id, from, to, personId: null, statuses: ['requested', 'approved'] })), filename: base };
    if (input.report === 'absence-stats') return { table: absenceStatsTable(handlers['absence.stats']({ teamId: team.id, from, to })), filename: base };
    if (input.report === 'service-level') {
      const days = coverageChunks(from, to).flatMap((c) => handlers['coverage.range']({ teamId: team.id, channel: null, ...c, intervalMinutes: 30 }).days);
      return { table: serviceLevelTable(days), filename: base };
    }
    return { table: accuracyTable(handlers['forecast.accuracy']({ teamId: team.id, from })), filename: base };
  }

  // Drafting jobs (worker threads), started on first use.
  let jobs: ScheduleJobs | null = null;
  const handlers: Handlers = {
    ...rosterHandlers(context),
    ...holidayHandlers(context),
    ...onCallHandlers(context),
    ...absenceHandlers(context),
    ...staffingHandlers(context),
    ...calendarHandlers(context, options.appVersion),
    ...caldavHandlers(context),
    ...scheduleHandlers(context, () => (jobs ??= new ScheduleJobs(planner.filePath, options.scheduleWorkerEntry, options.nativeBinding))),
    'report.export': (input) => {
      const { table, filename } = reportOf(input);
      // XLSX is written after the call, by the async door (exceljs is asynchronous).
      const dialect = exportDialect(input.csv, settingsOf(db), requireTeam(input.teamId));
      return { filename: `${filename}.csv`, mime: 'text/csv; charset=utf-8', encoding: 'utf8' as const, data: tableCsv(table, dialect), rows: table.rows.length };
    },
    'app.info': () => ({ appVersion: options.appVersion, schemaVersion: planner.schemaVersion, filePath: planner.filePath, readOnly: planner.readOnly, readOnlyCause: planner.readOnlyCause }),

    'file.check': () => {
      const health = checkHealth(db);
      const teamsInFile = teams.listTeams(db).map((t) => ({ name: t.name, people: people.countPeople(db, t.id) }));
      return { file: planner.filePath, schemaVersion: planner.schemaVersion, ...health, teams: teamsInFile };
    },
    'file.backups': () => listBackups(planner.filePath).map((b) => ({ name: path.basename(b.file), takenAt: b.takenAt, bytes: b.bytes })),
    // Both copy the file step by step with the event loop free: the asynchronous door runs them (fileMethod below).
    'file.backup': () => {
      throw new UserError('needs_async', 'A backup is copied in steps; call the service through dispatchAsync', []);
    },
    'file.restore': () => {
      throw new UserError('needs_async', 'A restore first backs up in steps; call the service through dispatchAsync', []);
    },
    // This planner opened, so there is no refusal to show: those two belong to db/refused.ts.
    'file.refusal': () => null,
    'file.restoreDamaged': () => {
      throw new UserError('not_refused', 'This planner is open and not damaged; restore a backup from File › Backups', []);
    },
    'settings.get': () => settingsOf(db),
    'settings.set': ({ language, calendar }) => {
      if (language !== undefined) setSetting(db, 'language', language);
      if (calendar !== undefined) setSetting(db, 'calendar', calendar);
      return settingsOf(db);
    },

    'team.list': () => teams.listTeams(db),
    'team.create': (input) => {
      checkTeamName(input.name, null);
      const rules = { ...defaultRules(input.weekStart), ...Object.fromEntries(Object.entries(input.rules ?? {}).filter(([, v]) => v !== undefined)) };
      checkTeamRules({ country: input.country, rules, skills: input.skills });
      const id = teams.insertTeam(db, { ...input, rules }, stamp());
      return requireTeam(id);
    },
    'team.update': ({ id, rules, ...patch }) => {
      const team = requireTeam(id, ['id']);
      const next = { ...team, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Team;
      next.rules = { ...team.rules, ...Object.fromEntries(Object.entries(rules ?? {}).filter(([, v]) => v !== undefined)) };
      if (patch.name !== undefined) checkTeamName(patch.name, id);
      checkTeamRules(next);
      if (patch.skills) {
        const removed = team.skills.filter((s) => !next.skills.includes(s));
        for (const s of removed) {
          const user = people.listPeople(db, id, '', true).find((p) => p.skills.includes(s));
          if (user) throw new UserError('skill_in_use', `"${s}" is still a skill of ${user.name}; remove it there first`, ['skills']);
        }
      }
      teams.updateTeam(db, id, next);
      return requireTeam(id);
    },

    'person.list': ({ teamId, query, includeArchived }) => {
      requireTeam(teamId);
      return people.listPeople(db, teamId, query, includeArchived);
    },
    'person.get': ({ id }) => requirePerson(id),
    'person.create': (input) => {
      const team = requireTeam(input.teamId);
      checkSkills(team, input.skills, ['skills']);
      checkEmail(team.id, input.email, null);
      return requirePerson(addPerson(input, stamp()));
    },
    'person.update': ({ id, ...patch }) => {
      const current = requirePerson(id);
      const team = requireTeam(current.teamId);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = { ...current, ...defined } as Person;
      if (next.employmentStart && next.employmentEnd && next.employmentStart > next.employmentEnd) {
        throw new UserError('reversed_range', 'Employment must end on or after it starts', ['employmentEnd']);
      }
      if (patch.skills) checkSkills(team, patch.skills, ['skills']);
      if (patch.email !== undefined) checkEmail(team.id, next.email, id);
      people.updatePerson(db, id, next, stamp());
      return requirePerson(id);
    },
    'person.archive': ({ id }) => {
      const p = requirePerson(id);
      if (!p.archived) people.setArchived(db, id, stamp(), stamp());
      return requirePerson(id);
    },
    'person.restore': ({ id }) => {
      const p = requirePerson(id);
      if (p.archived) people.setArchived(db, id, null, stamp());
      return requirePerson(id);
    },
    'person.delete': ({ id }) => {
      const p = requirePerson(id);
      const shifts = people.shiftCount(db, id);
      if (shifts > 0) {
        throw new UserError('has_shifts', `${p.name} has ${shifts} shifts and cannot be deleted; archive them instead`, ['id']);
      }
      if (countAbsencesOf(db, id) > 0) {
        throw new UserError('has_absences', `${p.name} has absences on record and cannot be deleted; archive them instead`, ['id']);
      }
      if (onCallReferences(db, id) > 0) {
        throw new UserError('in_rotation', `${p.name} is on an on-call rotation and cannot be deleted; archive them instead`, ['id']);
      }
      people.deletePerson(db, id);
      return { id };
    },
    'person.import': ({ teamId, ...file }) => {
      const team = requireTeam(teamId);
      const { rows, problems } = parsePeopleCsv(importText(file, team.locale));
      for (const { line, person } of rows) {
        const unknown = (person.skills ?? []).filter((s) => !team.skills.includes(s));
        if (unknown.length) {
          problems.push({ line, column: 'skills', message: `skills: ${unknown.join(', ')} not a skill of ${team.name} (${team.skills.join(', ')})` });
        }
        if (person.email && people.emailTaken(db, teamId, person.email, null)) {
          problems.push({ line, column: 'email', message: `email: ${person.email} is already used by someone in this team` });
        }
      }
      if (problems.length) throw importError(problems);
      const at = stamp();
      const first = people.countPeople(db, teamId);
      rows.forEach(({ person }, i) => addPerson({ ...person, teamId }, at, first + i));
      return { created: rows.length };
    },
    'person.export': ({ teamId, includeArchived, csv }) => {
      const team = requireTeam(teamId);
      const list = people.listPeople(db, teamId, '', includeArchived);
      const data = spreadsheetCsv(peopleTable(list), exportDialect(csv, settingsOf(db), team));
      return { filename: `${fileSlug(team.name)}-people.csv`, mime: 'text/csv; charset=utf-8', encoding: 'utf8' as const, data, rows: list.length };
    },

    'volume.daily': ({ teamId, from, to }) => {
      const team = requireTeam(teamId);
      const fromDay = parsePlainDate(from);
      const toDay = parsePlainDate(to);
      if (!fromDay || !toDay) throw new UserError('invalid_date', 'Dates must be YYYY-MM-DD', ['from']);
      if (Temporal.PlainDate.compare(fromDay, toDay) > 0) throw new UserError('reversed_range', 'The range ends before it starts', ['to']);
      if (fromDay.until(toDay).days > 3660) throw new UserError('too_big', 'At most ten years at once', ['to']);
      return dailyVolumes(team, fromDay, toDay);
    },
    'volume.import': ({ teamId, channel, timeZone, ...file }) => {
      const team = requireTeam(teamId);
      if (channel !== null && !team.skills.includes(channel)) {
        throw new UserError('unknown_skill', `"${channel}" is not a channel of ${team.name} (${team.skills.join(', ')})`, ['channel']);
      }
      const parsed = parseVolumeCsv(importText(file, team.locale), { channels: team.skills, channel, timeZone: timeZone ?? team.timeZone });
      const clock = zoneClock(team.timeZone);
      let replaced = 0;
      const channels = [...new Set(parsed.intervals.map((r) => r.channel))].sort();
      for (const c of channels) {
        const mine = parsed.intervals.filter((r) => r.channel === c);
        const from = mine.reduce((m, r) => Math.min(m, r.startUtc), Number.POSITIVE_INFINITY);
        const to = mine.reduce((m, r) => Math.max(m, r.startUtc + r.intervalMinutes * 60), Number.NEGATIVE_INFINITY);
        replaced += deleteVolumes(db, team.id, c, from, to);
      }
      insertVolumes(db, team.id, parsed.intervals);
      const first = parsed.intervals.reduce((m, r) => Math.min(m, r.startUtc), Number.POSITIVE_INFINITY);
      const last = parsed.intervals.reduce((m, r) => Math.max(m, r.startUtc), Number.NEGATIVE_INFINITY);
      return {
        kind: parsed.kind,
        rows: parsed.rows,
        intervals: parsed.intervals.length,
        channels,
        from: Number.isFinite(first) ? clock.dayOf(first) : null,
        to: Number.isFinite(last) ? clock.dayOf(last) : null,
        replaced,
      };
    },
    'volume.weekly': ({ teamId, weeks }) => {
      const team = requireTeam(teamId);
      const thisWeek = startOfWeek(todayIn(team.timeZone, clock()), team.weekStart);
      const first = thisWeek.subtract({ weeks: weeks - 1 });
      const totals = new Map<string, WeeklyVolume>();
      for (const d of dailyVolumes(team, first, thisWeek.add({ days: 6 }))) {
        const weekStart = startOfWeek(Temporal.PlainDate.from(d.day), team.weekStart).toString();
        const key = `${weekStart}|${d.channel}`;
        const entry = totals.get(key) ?? { weekStart, channel: d.channel, volume: 0 };
        entry.volume += d.volume;
        totals.set(key, entry);
      }
      return [...totals.values()];
    },

    'demo.create': () => {
      const demo = demoData(clock());
      let name = demo.team.name;
      for (let n = 2; teams.findTeamByName(db, name); n += 1) name = `${DEMO_TEAM_NAME} (${n})`;
      const teamId = teams.insertTeam(db, { ...demo.team, name, rules: defaultRules(demo.team.weekStart) }, stamp());
      const at = stamp();
      // Through the same schema as any person, so the demo can never hold what a user could not enter.
      const ids = demo.people.map((p) => addPerson(PersonCreate.parse({ ...p, teamId }), at));
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
      return requireTeam(teamId);
    },

    'history.state': () => historyState(),
    'history.undo': () => {
      history.undo();
      return historyState();
    },
    'history.redo': () => {
      history.redo();
      return historyState();
    },
  };

  /**
   * Before a change commits: is the file we write still the planner the user sees?
   * Throwing here rolls the change back, so nothing goes into a deleted file.
   */
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const guardWrite = (changesBefore: number) => {
    if ((totalChanges.get() as number) === changesBefore) return;
    const problem = fileProblem(planner);
    if (problem === 'gone') throw new UserError('file_gone', 'The planner file was moved, renamed or deleted while open');
    if (problem === 'read_only') {
      throw new UserError('read_only', `${planner.filePath} has become read-only, so this change was not saved. Make the file writable again and repeat it; what you entered is still here.`);
    }
  };
  let recoveredTo: string | null = null;
  /**
   * Everything committed before the file went, copied from this connection to a new
   * name beside where it was. Never to the old name itself: SQLite's -wal file there
   * still belongs to this connection and would be read into a file put in its place.
   */
  const recover = (): string => {
    if (recoveredTo) return recoveredTo;
    const beside = stampedSibling(planner.filePath, 'recovered', new Date());
    const target = fs.existsSync(path.dirname(beside)) ? beside : path.join(os.homedir(), path.basename(beside));
    copyDatabase(db, target);
    recoveredTo = target;
    return target;
  };
  const goneError = (): ApiError => {
    try {
      const to = recover();
      return { code: 'file_gone', message: `The planner file ${planner.filePath} was moved, renamed or deleted while open, so this change was not saved. Everything saved before it is in ${to}: open that file to go on.`, path: [] };
    } catch (err) {
      return { code: 'file_gone', message: `The planner file ${planner.filePath} was moved, renamed or deleted while open, so this change was not saved, and no copy could be written (${err instanceof Error ? err.message : String(err)}). Keep this window open and choose File › Save a Copy.`, path: [] };
    }
  };

  /**
   * The tables a successful call changed: a recorded step's (and the undo history's),
   * an undo's or redo's replay; any other call that wrote, such as a settings change,
   * cannot name its tables (they have no undo log) and says everything.
   */
  const changedBy = (method: MethodName, recorded: boolean, changesBefore: number): string[] => {
    if (recorded || method === 'history.undo' || method === 'history.redo') {
      return history.touched.length ? [...history.touched, HISTORY_TABLE] : [];
    }
    return (totalChanges.get() as number) === changesBefore ? [] : [ALL_TABLES];
  };

  function dispatch(method: unknown, input: unknown): ApiResult<unknown> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${JSON.stringify(String(method)).slice(0, 80)}`, path: [] } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const [first, ...rest] = parsed.error.issues.map((i) => zodIssueToApiError(i));
      const error: ApiError = first ?? { code: 'invalid', message: 'Invalid input', path: [] };
      if (rest.length) error.issues = rest;
      return { ok: false, error };
    }
    const handler = handlers[method] as (i: unknown) => unknown;
    clearMemo();
    // Output is checked before the transaction commits, so a contract breach writes nothing.
    const work = () => {
      const before = totalChanges.get() as number;
      const out = spec.output.parse(handler(parsed.data));
      guardWrite(before);
      return out;
    };
    try {
      const before = totalChanges.get() as number;
      const value = spec.undo ? history.record(method, work) : db.transaction(work)();
      const changed = changedBy(method, spec.undo !== null, before);
      return changed.length ? { ok: true, value, changed } : { ok: true, value };
    } catch (err) {
      if (err instanceof UserError && err.code === 'file_gone') return { ok: false, error: goneError() };
      return { ok: false, error: errorOf(err, planner.readOnly) };
    }
  }

  /** Backing up and restoring: the online backup API takes many steps, and ATTACH cannot run inside a transaction. */
  async function fileMethod(method: 'file.backup' | 'file.restore', input: unknown): Promise<ApiResult<unknown>> {
    const now = new Date(clock().epochMilliseconds);
    if (method === 'file.backup') {
      const parsed = contract['file.backup'].input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) return dispatch(method, input);
      return { ok: true, value: { name: path.basename((await rollingBackup(db, planner.filePath, now, { force: true })) ?? '') } };
    }
    const parsed = contract['file.restore'].input.safeParse(input);
    if (!parsed.success) return dispatch(method, input);
    if (planner.readOnly) throw new UserError('read_only', `Cannot restore here: ${planner.readOnly}.`);
    // The same care as any change: not into a file that went away or became read-only.
    const problem = fileProblem(planner);
    if (problem === 'gone') return { ok: false, error: goneError() };
    if (problem === 'read_only') throw new UserError('read_only', `${planner.filePath} has become read-only, so nothing was restored. Make the file writable again and repeat it.`);
    const backup = backupByName(planner.filePath, parsed.data.name);
    clearMemo();
    const { safetyCopy } = await restoreInPlace(db, planner.filePath, backup.file, history, now, options.nativeBinding);
    return { ok: true, value: { safetyCopy: path.basename(safetyCopy) }, changed: [ALL_TABLES] };
  }

  async function dispatchAsync(method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const wantsXlsx = typeof input === 'object' && input !== null && (input as { format?: unknown }).format === 'xlsx';
    try {
      // The solver is WebAssembly that loads asynchronously, once; the solve itself then runs in the call.
      if (method === 'schedule.generate') useHighs(await highsInstance());
      if (method === 'file.backup' || method === 'file.restore') return await fileMethod(method, input);
      if (method === 'caldav.publish') {
        const parsed = contract['caldav.publish'].input.safeParse(input);
        if (!parsed.success) return dispatch(method, input);
        const { targetId, from, to, password, language, force } = parsed.data;
        // Read what to send, send it (no transaction open while the network is slow), record what arrived.
        clearMemo();
        const plan = db.transaction(() => publishPlan(context, targetId, from, to, options.appVersion, language))();
        const sent = await sendPlan(plan, password, force, options.fetch);
        db.transaction(() => recordSent(db, targetId, sent))();
        if (sent.failure) return { ok: false, error: errorOf(sent.failure) };
        return { ok: true, value: sent.result, ...(sent.noted.length || sent.forgotten.length ? { changed: ['caldav_published'] } : {}) };
      }
      if (method === 'roster.import' && wantsXlsx) {
        const parsed = contract['roster.import'].input.safeParse(input);
        if (!parsed.success) return dispatch(method, input);
        const rows = await readXlsx(Buffer.from(parsed.data.data, 'base64'));
        return dispatch(method, { teamId: parsed.data.teamId, format: 'rows', rows });
      }
      if (method === 'report.export' && wantsXlsx) {
        const parsed = contract['report.export'].input.safeParse(input);
        if (!parsed.success) return dispatch(method, input);
        clearMemo();
        const { table, filename } = db.transaction(() => reportOf(parsed.data))();
        const bytes = await writeXlsx(table.title, [table.header, ...table.rows]);
        return { ok: true, value: { filename: `${filename}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', data: bytes.toString('base64'), rows: table.rows.length } };
      }
      if (method === 'roster.export' && wantsXlsx) {
        // Read back in the plain dialect whatever the caller asked the CSV to be.
        const asCsv = dispatch(method, { ...(input as object), format: 'csv', csv: { separator: ',', decimal: '.' } }) as ApiResult<MethodOutput<'roster.export'>>;
        if (!asCsv.ok) return asCsv;
        // One table definition for both formats: the CSV's rows, with numbers as numbers.
        const table = parseCsv(asCsv.value.data).map((r) => r.fields.map((f, i) => (i >= 5 && /^-?\d+(\.\d+)?$/.test(f) ? Number(f) : f)));
        const bytes = await writeXlsx('Roster', table);
        return {
          ok: true,
          value: {
            ...asCsv.value,
            filename: asCsv.value.filename.replace(/\.csv$/, '.xlsx'),
            mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            encoding: 'base64',
            data: bytes.toString('base64'),
          },
        };
      }
    } catch (err) {
      return { ok: false, error: errorOf(err) };
    }
    return dispatch(method, input);
  }

  return {
    planner,
    dispatch,
    dispatchAsync,
    callAsync: <M extends MethodName>(method: M, input: MethodInput<M>) => dispatchAsync(method, input) as Promise<ApiResult<MethodOutput<M>>>,
    call: <M extends MethodName>(method: M, input: MethodInput<M>) => dispatch(method, input) as ApiResult<MethodOutput<M>>,
    run: <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const result = dispatch(method, input) as ApiResult<MethodOutput<M>>;
      if (!result.ok) throw new UserError(result.error.code, result.error.message, result.error.path, result.error.lines);
      return result.value;
    },
    close: () => {
      jobs?.close();
      if (db.open) db.close();
      planner.release();
    },
  };
}
