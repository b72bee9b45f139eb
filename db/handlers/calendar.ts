import { TRANSLATIONS, type Translation } from '../../words/index';
import { builtinNamer, builtinOf, nameLanguage, type BuiltinNamer, type NameLanguage } from '../../core/builtin-names';
import { calendarDateText, type CalendarSystem } from '../../core/calendar';
import { FORMAT_LOCALE, type Language } from '../../core/contract';
import { UserError } from '../../core/errors';
import { writeCalendar, type IcsEvent } from '../../core/ics';
import { fileSlug, fillWords as fill } from '../../core/text';
import type { Team } from '../../core/team';
import { zoneClock } from '../../core/zone-clock';
import { absenceRevision, listAbsences } from '../sql/absences';
import { onCallSchedule } from './oncall-schedule';
import type { HandlersOf, ServiceContext } from '../context';
import type { Db } from '../open';
import { listPeople } from '../sql/people';
import { dayRange } from '../../core/ranges';
import { getSetting } from '../sql/settings';
import * as shifts from '../sql/shifts';
import * as rotations from '../sql/rotations';
import { allTemplates } from '../sql/templates';

/**
 * The events of a calendar file or a CalDAV publication: a team's or a person's
 * shifts (with channel, local times, breaks and the team), their on-call turns,
 * their approved leave as all-day events, or one rotation's turns. Words (and the
 * built-in names: leave types, channels, the demo's templates and rotation) are in
 * the language chosen for the file, from the same translation files as the UI.
 */

type Words = Translation['ics'] & Pick<Translation['shiftDialog'], 'break' | 'meeting' | 'training'>;

/**
 * The language a file is written in: the one asked for (the UI passes its own), else the
 * language saved in settings, else the team locale's. Asked for nothing, the CLI gets the
 * lead's language as the app last showed it.
 */
export function fileLanguage(db: Db, team: Team, asked: Language | null): NameLanguage {
  return nameLanguage(asked ?? getSetting(db, 'language') ?? team.locale);
}

function wordsFor(language: NameLanguage): Words {
  const lang = TRANSLATIONS[language];
  return { ...lang.ics, ...lang.shiftDialog };
}

/**
 * Numbers, clock times and days as the file's reader writes them, as the app's screens do: in
 * Persian, Persian digits and the Solar Hijri day (unless the app is set to Gregorian); in the
 * others, Latin digits and the ISO day. Times stay 24-hour in every language.
 */
function fileNumbers(db: Db, language: NameLanguage) {
  const calendar: CalendarSystem = language === 'fa' && getSetting(db, 'calendar') !== 'gregorian' ? 'persian' : 'gregorian';
  const number = new Intl.NumberFormat(FORMAT_LOCALE[language], { maximumFractionDigits: 2 });
  const digit = new Intl.NumberFormat(FORMAT_LOCALE[language], { useGrouping: false });
  const digits = (text: string) => (language === 'fa' ? text.replace(/[0-9]/g, (d) => digit.format(Number(d))) : text);
  return { number: (x: number) => number.format(x), digits, day: (iso: string) => digits(calendar === 'persian' ? calendarDateText(iso, 'persian') : iso) };
}

export interface CalendarSelection {
  team: Team;
  from: string;
  to: string;
  /** One person's calendar (their shifts, on-call and, if asked, leave); null: the whole team's shifts. */
  personId: number | null;
  /** One rotation's on-call turns instead of shifts. */
  rotationId: number | null;
  absences: boolean;
  /** The file's language, as fileLanguage resolves it. */
  language: NameLanguage;
}

export interface CalendarEvents {
  name: string;
  events: IcsEvent[];
}

/** The file's own id, so two planner files never give two events one UID. */
export function plannerId(db: Db): string {
  return getSetting(db, 'planner_id') ?? 'rosterdesk';
}

export function calendarEvents(ctx: ServiceContext, sel: CalendarSelection): CalendarEvents {
  const { db } = ctx;
  const { team, from, to } = sel;
  const words = wordsFor(sel.language);
  const names: BuiltinNamer = builtinNamer(sel.language);
  const num = fileNumbers(db, sel.language);
  const hhmm = (t: number) => num.digits(clock.hhmm(t));
  const clock = zoneClock(team.timeZone);
  const domain = `${plannerId(db)}.rosterdesk`;
  const people = new Map(listPeople(db, team.id, '', true).map((p) => [p.id, p]));
  const person = sel.personId === null ? null : (people.get(sel.personId) ?? null);
  const events: IcsEvent[] = [];
  const span = (a: number, b: number) => `${num.day(clock.dayOf(a))} ${hhmm(a)}–${hhmm(b)} (${team.timeZone})`;

  if (sel.rotationId === null) {
    // Archived templates too: a shift made from one keeps its code.
    const templates = new Map(allTemplates(db, team.id).map((t) => [t.id, t]));
    const list = shifts.listShifts(db, team.id, from, to).filter((s) => sel.personId === null || s.personId === sel.personId);
    const activities = shifts.activitiesOf(db, list.map((s) => s.id));
    for (const s of list) {
      const template = s.templateId === null ? undefined : templates.get(s.templateId);
      const code = template?.code ?? words.shift;
      const channel = s.skill === null ? null : names.channel(s.skill);
      const who = people.get(s.personId)?.name ?? '';
      const times = `${hhmm(s.startUtc)}–${hhmm(s.endUtc)}`;
      const placed = (activities.get(s.id) ?? []).map((a) => `${words[a.kind]} ${hhmm(a.startUtc)}–${hhmm(a.endUtc)}`);
      const breaks = [...(s.breakMinutes > 0 ? [fill(words.unpaidBreak, { minutes: num.number(s.breakMinutes) })] : []), ...placed];
      events.push({
        uid: `shift-${s.id}@${domain}`,
        sequence: s.sequence,
        start: s.startUtc,
        end: s.endUtc,
        summary: [person ? null : who, code, channel, times].filter(Boolean).join(' · '),
        description: [
          `${words.shift}: ${code}${template ? ` (${names.template(template)})` : ''}`,
          ...(person ? [] : [`${words.person}: ${who}`]),
          ...(channel ? [`${words.channel}: ${channel}`] : []),
          `${words.time}: ${span(s.startUtc, s.endUtc)}`,
          ...(breaks.length ? [`${words.breaks}: ${breaks.join(', ')}`] : []),
          `${words.team}: ${team.name}`,
          ...(s.note ? [`${words.note}: ${s.note}`] : []),
        ].join('\n'),
        categories: [words.shift, ...(channel ? [channel] : [])],
      });
    }
  }

  // On-call turns: a rotation's, or the person's in every rotation.
  if (sel.rotationId !== null || person) {
    const blocks = onCallSchedule(ctx, team, null, from, to).filter((b) => (sel.rotationId === null || b.rotationId === sel.rotationId) && (sel.personId === null || b.personId === sel.personId));
    for (const b of blocks) {
      const rotation = names.rotation(b.rotation);
      // "Nöbet" (the demo's, in any language) needs no "Nöbet ·" before it; "Weekend escalation" does.
      const saysOnCall = builtinOf('rotation', null, b.rotation) !== null || rotation.toLocaleLowerCase().includes(words.onCall.toLocaleLowerCase());
      events.push({
        uid: `oncall-${b.rotationId}-${b.personId}-${b.startUtc}@${domain}`,
        sequence: 0,
        start: b.startUtc,
        end: b.endUtc,
        summary: [saysOnCall ? null : words.onCall, rotation, person ? null : b.person].filter(Boolean).join(' · '),
        description: [`${words.onCall}: ${rotation}`, `${words.person}: ${b.person}`, `${words.time}: ${span(b.startUtc, b.endUtc)}`, `${words.team}: ${team.name}`].join('\n'),
        categories: [words.onCall],
      });
    }
  }

  if (sel.absences && sel.rotationId === null) {
    for (const a of listAbsences(db, team.id, from, to, { personId: sel.personId, statuses: ['approved'] })) {
      const type = names.absenceOf(a);
      events.push({
        uid: `absence-${a.id}@${domain}`,
        sequence: absenceRevision(db, a.id),
        start: { day: a.start },
        end: { day: clock.addDays(a.end, 1) },
        summary: [type, person ? null : a.personName, a.hours === null ? null : fill(words.partDay, { hours: num.number(a.hours) })].filter(Boolean).join(' · '),
        description: [`${type}: ${a.personName}`, ...(a.note ? [`${words.note}: ${a.note}`] : []), `${words.team}: ${team.name}`].join('\n'),
        categories: [type],
      });
    }
  }

  events.sort((x, y) => startOf(x) - startOf(y) || x.uid.localeCompare(y.uid));
  const storedRotation = sel.rotationId === null ? null : (rotations.getRotation(db, sel.rotationId)?.name ?? null);
  const rotationName = storedRotation === null ? null : names.rotation(storedRotation);
  const whose = person?.name ?? rotationName ?? words.wholeTeam;
  return { name: `${team.name} — ${whose}`, events };

  function startOf(e: IcsEvent): number {
    return typeof e.start === 'number' ? e.start : clock.dayStart(e.start.day);
  }
}

export function calendarHandlers(ctx: ServiceContext, productVersion: string): HandlersOf<'calendar.export'> {
  const { db } = ctx;
  return {
    'calendar.export': ({ teamId, personId, rotationId, absences, from, to, language }) => {
      const team = ctx.requireTeam(teamId);
      dayRange(from, to);
      const person = personId === null ? null : ctx.requirePerson(personId, ['personId']);
      if (person && person.teamId !== team.id) throw new UserError('not_found', `${person.name} is not in ${team.name}`, ['personId']);
      const rotation = rotationId === null ? null : rotations.getRotation(db, rotationId);
      if (rotationId !== null && (!rotation || rotation.teamId !== team.id)) throw new UserError('not_found', `There is no on-call rotation with id ${rotationId} in ${team.name}`, ['rotationId']);
      const lang = fileLanguage(db, team, language);
      const { name, events } = calendarEvents(ctx, { team, from, to, personId, rotationId, absences, language: lang });
      const data = writeCalendar({ name, events, stampUtc: Math.floor(ctx.clock().epochMilliseconds / 1000), productVersion });
      const who = person?.name ?? (rotation ? builtinNamer(lang).rotation(rotation.name) : 'team');
      return { filename: `${fileSlug(team.name)}-${fileSlug(who)}-${from}-${to}.ics`, mime: 'text/calendar', encoding: 'utf8' as const, data, events: events.length };
    },
  };
}
