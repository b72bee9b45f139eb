import FullCalendar from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDropInfo, EventResizeDoneInfo } from '@fullcalendar/react';
import type { ApiError } from '../../core/errors';
import type { Shift } from '../../core/shift';
import type { Team } from '../../core/team';
import { monthLayout } from '../../core/monthLayout';
import { Temporal, todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { errorText } from '../api/errors';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { MonthGrid } from '../shell/MonthGrid';
import { calendarBase, textOn, visibleDays } from './fullcalendar';
import { ShiftDialog } from './ShiftDialog';
import { useDraft } from '../roster/draftContext';
import { useFormat } from '../format';
import { useByName } from '../collate';
import { IdSelect } from '../shell/IdSelect';

type Mode = 'teamWeek' | 'teamDay' | 'personMonth' | 'overview';
const MODES: Mode[] = ['teamWeek', 'teamDay', 'personMonth', 'overview'];
const VIEW_OF = { teamWeek: 'timeGridWeek', teamDay: 'timeGridDay' } as const;

interface Props {
  team: Team;
}

/**
 * The time-based views, drawn by FullCalendar v7 in the team's time zone: team week and day
 * (drag to move, drag the end to resize), their titles and day headers written by our own
 * formatters in the screen's calendar and digits. One person's month and the month overview
 * are our MonthGrid, a month of the screen's calendar (FullCalendar lays out Gregorian months
 * only). Every change goes through the same API as the grid.
 */
export function CalendarPage({ team }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [mode, setMode] = useState<Mode>('teamWeek');
  const peopleQuery = useApiQuery('person.list', { teamId: team.id });
  const people = useByName(peopleQuery.data);
  const [chosenPerson, setPersonId] = useState<number | null>(null);
  const personId = chosenPerson ?? people[0]?.id ?? null;
  const [timeRange, setRange] = useState<{ from: string; to: string } | null>(null);
  const timed = mode === 'teamWeek' || mode === 'teamDay';
  // The month views show a month of the screen's calendar; the night before its first day can reach into it.
  const [shownMonth, setShownMonth] = useState(() => todayIn(team.timeZone).toString());
  const layout = monthLayout(shownMonth, fmt.calendar, team.weekStart);
  const range = timed ? timeRange : { from: Temporal.PlainDate.from(layout.first).subtract({ days: 1 }).toString(), to: layout.last };
  const shiftsQuery = useApiQuery('shift.list', range ? { teamId: team.id, ...range } : null);
  const shifts = useMemo(() => shiftsQuery.data ?? [], [shiftsQuery.data]);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<Shift | null>(null);

  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  // A draft under review (made on the rota page) shows here too, as the week would be: the shifts it
  // replaces give way to its own (dashed); the rota grid shows both, side by side.
  const [draft] = useDraft();
  const events = useMemo(() => {
    const replaced = (s: Shift) => draft !== null && !s.locked && s.day >= draft.from && s.day <= draft.to;
    return [
      ...shifts
        .filter((s) => (mode !== 'personMonth' || s.personId === personId) && !replaced(s))
        .map((s) => {
          const p = byId.get(s.personId);
          return {
            id: String(s.id),
            title:
              (mode === 'personMonth' ? `${s.code ?? ''} ${fmt.clockRange(s.startLocal, s.endLocal)}` : `${p?.name ?? '?'}${s.code ? ` · ${s.code}` : ''}`) +
              (s.activities.length ? ` (${s.activities.map((a) => t(`shiftDialog.${a.kind}`)).join(', ')})` : ''),
            start: s.start,
            end: s.end,
            day: s.day,
            color: p?.color ?? '#6b7a90',
            contrastColor: textOn(p?.color ?? '#6b7a90'),
            className: undefined as string | undefined,
          };
        }),
      ...(draft?.draft ?? [])
        .filter((d) => mode !== 'personMonth' || d.personId === personId)
        .map((d) => ({
          id: `draft-${d.personId}-${d.day}-${d.templateId}`,
          title: `${mode === 'personMonth' ? `${d.code} ${fmt.clockRange(d.start, d.end)}` : `${d.person} · ${d.code}`} (${t('calendar.draft')})`,
          // Wall times in the team's zone (the calendar's), the end on the next day for a night shift.
          start: `${d.day}T${d.start}:00`,
          end: `${d.end <= d.start ? Temporal.PlainDate.from(d.day).add({ days: 1 }).toString() : d.day}T${d.end}:00`,
          day: d.day,
          color: byId.get(d.personId)?.color ?? '#6b7a90',
          contrastColor: textOn(byId.get(d.personId)?.color ?? '#6b7a90'),
          editable: false,
          className: 'draft-proposed',
        })),
    ];
  }, [shifts, byId, mode, personId, t, draft, fmt]);

  async function move(info: EventDropInfo | EventResizeDoneInfo) {
    const { start, end } = info.event;
    if (!start || !end) return info.revert();
    try {
      await call('shift.update', { id: Number(info.event.id), startUtc: Math.round(start.getTime() / 1000), endUtc: Math.round(end.getTime() / 1000) });
      setError(null);
    } catch (err) {
      info.revert();
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  const { theme, ...base } = calendarBase(team, i18n.language, t('calendar.today'), fmt);

  return (
    <section className="card" aria-labelledby="calendar-title">
      <div className="toolbar">
        <h2 id="calendar-title">{t('calendar.title')}</h2>
        <div role="group" aria-label={t('calendar.view')} className="inline">
          {MODES.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {t(`calendar.${m}`)}
            </button>
          ))}
        </div>
        {mode === 'personMonth' && (
          <label className="inline">
            <span>{t('calendar.person')}</span>
            <IdSelect items={people} value={personId ?? ''} onPick={setPersonId} />
          </label>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {errorText(t, error)}
        </p>
      )}
      <LoadError errors={[peopleQuery.error, shiftsQuery.error]} />
      {draft && (
        <p role="status" className="draft-bar">
          {t('calendar.draftShown', { from: fmt.day(draft.from), to: fmt.day(draft.to) })}
        </p>
      )}
      <p className="muted small">{t('calendar.hint')}</p>
      {timed ? (
        <FullCalendar
          key={mode}
          {...base}
          plugins={[theme, timeGridPlugin, interactionPlugin]}
          initialView={VIEW_OF[mode]}
          allDaySlot={false}
          nowIndicator
          editable
          eventDurationEditable
          snapDuration="00:15:00"
          // The time views scroll inside the window and open on the working day, not on midnight's empty hours.
          height={Math.max(420, window.innerHeight - 240)}
          scrollTime="07:00:00"
          events={events}
          datesSet={(info) => {
            const { from, to } = visibleDays(info.start, info.end, team.timeZone);
            // The night before the first day can reach into the view.
            const start = Temporal.PlainDate.from(from).subtract({ days: 1 }).toString();
            setRange((r) => (r && r.from === start && r.to === to ? r : { from: start, to }));
          }}
          eventClick={(info) => setOpen(shifts.find((x) => String(x.id) === info.event.id) ?? null)}
          eventDrop={(info) => void move(info)}
          eventResize={(info) => void move(info)}
        />
      ) : (
        <MonthGrid
          month={shownMonth}
          onMonth={setShownMonth}
          today={todayIn(team.timeZone).toString()}
          weekStart={team.weekStart}
          maxPerDay={mode === 'overview' ? 4 : undefined}
          // A shift sits on its roster day, a night shift on the day it starts.
          events={events.map((e) => ({ id: e.id, title: e.title, start: e.day, end: e.day, color: e.color, className: e.className }))}
          onEvent={(id) => setOpen(shifts.find((x) => String(x.id) === id) ?? null)}
        />
      )}
      {open && <ShiftDialog shift={open} personName={byId.get(open.personId)?.name ?? ''} onClose={() => setOpen(null)} />}
    </section>
  );
}
