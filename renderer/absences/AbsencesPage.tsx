import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Absence, AbsenceStatsRow, AbsenceType, AbsenceWarning } from '../../core/absence';
import type { MethodOutput } from '../../core/contract';
import type { ApiError } from '../../core/errors';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { useAction } from '../api/useAction';
import { calendarBase, visibleDays } from '../calendar/fullcalendar';
import { useFormat } from '../format';
import { FormError } from '../shell/FormError';
import { ImportErrors } from '../shell/ImportErrors';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceTypesPanel } from './AbsenceTypesPanel';
import { PersonLeavePanel } from './PersonLeavePanel';

interface Props {
  team: Team;
  revision: number;
  onChanged(): void;
}

type Conflict = MethodOutput<'absence.conflicts'>[number];
type DayView = MethodOutput<'absence.day'>;

/** Who is away: the team's absence calendar, requests to decide, uncovered shifts, balances and statistics. */
export function AbsencesPage({ team, revision, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [people, setPeople] = useState<Person[]>([]);
  const [types, setTypes] = useState<AbsenceType[]>([]);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [list, setList] = useState<Absence[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [stats, setStats] = useState<AbsenceStatsRow[]>([]);
  const [day, setDay] = useState(() => todayIn(team.timeZone).toString());
  const [dayView, setDayView] = useState<DayView | null>(null);
  const [editing, setEditing] = useState<Absence | null>(null);
  const [personId, setPersonId] = useState<number | null>(null);
  const [warnings, setWarnings] = useState<AbsenceWarning[]>([]);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const { error, act } = useAction(onChanged);

  useEffect(() => {
    let live = true;
    void Promise.all([call('person.list', { teamId: team.id }), call('absenceType.list', { teamId: team.id })]).then(([p, ty]) => {
      if (!live) return;
      setPeople(p);
      setTypes(ty);
    });
    return () => {
      live = false;
    };
  }, [team.id, revision]);

  useEffect(() => {
    if (!range) return;
    let live = true;
    void call('absence.list', { teamId: team.id, ...range }).then((a) => live && setList(a));
    void call('absence.conflicts', { teamId: team.id, ...range }).then((c) => live && setConflicts(c));
    void call('absence.stats', { teamId: team.id, ...range }).then((s) => live && setStats(s));
    return () => {
      live = false;
    };
  }, [team.id, range, revision]);

  useEffect(() => {
    let live = true;
    void call('absence.day', { teamId: team.id, day }).then((d) => live && setDayView(d));
    return () => {
      live = false;
    };
  }, [team.id, day, revision]);

  /** Runs a change that answers with warnings, and keeps them on screen after the refresh. */
  const decide = (work: () => Promise<{ warnings: AbsenceWarning[] }>) =>
    act(async () => {
      const out = await work();
      setWarnings(out.warnings);
    });

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const { created } = await call('absence.import', { teamId: team.id, csv: await file.text() });
      setImportError(null);
      setNotice(t('absences.imported', { count: created }));
      onChanged();
    } catch (err) {
      if (err instanceof CallError) setImportError(err.error);
      else throw err;
    }
  }

  const { theme, ...base } = calendarBase(team, i18n.language);
  const span = (a: Pick<Absence, 'start' | 'end'>) => (a.start === a.end ? fmt.day(a.start) : `${fmt.day(a.start)} – ${fmt.day(a.end)}`);
  const pending = list.filter((a) => a.status === 'requested');

  return (
    <section className="card" aria-labelledby="absences-title">
      <div className="toolbar">
        <h2 id="absences-title">{t('absences.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('absences.import')}
        </button>
        <input ref={fileInput} type="file" accept=".csv,text/csv" hidden aria-label={t('absences.import')} onChange={(e) => void importFile(e)} />
      </div>
      <p className="muted small">{t('absences.importHint')}</p>
      <ImportErrors error={importError} failedText={t('absences.importFailed')} />
      {notice && <p role="status">{notice}</p>}
      {warnings.length > 0 && (
        <div role="status" className="warnings" aria-label={t('absences.warnings')}>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.code}-${w.message}`}>{t(`absences.warning.${w.code}`, { ...w.params, defaultValue: w.message })}</li>
            ))}
          </ul>
        </div>
      )}
      <FormError error={error} fieldCount={0} />

      <div className="absences-layout">
        <div>
          <FullCalendar
            {...base}
            plugins={[theme, dayGridPlugin, interactionPlugin]}
            initialView="dayGridMonth"
            dayMaxEvents={5}
            events={list
              .filter((a) => a.status === 'requested' || a.status === 'approved')
              .map((a) => ({
                id: String(a.id),
                title: `${a.status === 'requested' ? '? ' : ''}${a.personName} · ${a.typeName}`,
                start: a.start,
                end: new Date(Date.parse(`${a.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
                allDay: true,
                color: a.color,
                classNames: [`absence-${a.status}`],
              }))}
            dateClick={(info) => setDay(info.dateStr.slice(0, 10))}
            eventClick={(info) => {
              const a = list.find((x) => String(x.id) === info.event.id);
              if (a) setDay(a.start);
            }}
            datesSet={(info) => {
              const next = visibleDays(info.start, info.end, team.timeZone);
              setRange((r) => (r && r.from === next.from && r.to === next.to ? r : next));
            }}
          />

          <section aria-labelledby="absence-list-title">
            <h3 id="absence-list-title">{t('absences.list')}</h3>
            {pending.length > 0 && <p>{t('absences.pending', { count: pending.length })}</p>}
            {list.length === 0 ? (
              <p className="muted">{t('absences.none')}</p>
            ) : (
              <ul className="absence-list">
                {list.map((a) => (
                  <li key={a.id} className={`status-${a.status}`}>
                    <span className="swatch" style={{ backgroundColor: a.color }} aria-hidden="true" /> <strong>{a.personName}</strong> · {a.typeName} · {span(a)}
                    {a.hours !== null && ` · ${t('absences.hoursPerDay', { hours: fmt.number(a.hours, 2) })}`} · {t(`absences.status.${a.status}`)}
                    {a.note && ` · ${a.note}`}{' '}
                    {a.status === 'requested' && (
                      <>
                        <button type="button" aria-label={t('absences.approveWho', { name: a.personName, span: span(a) })} onClick={() => void decide(() => call('absence.setStatus', { id: a.id, status: 'approved' }))}>
                          {t('absences.approve')}
                        </button>{' '}
                        <button type="button" aria-label={t('absences.rejectWho', { name: a.personName, span: span(a) })} onClick={() => void decide(() => call('absence.setStatus', { id: a.id, status: 'rejected' }))}>
                          {t('absences.reject')}
                        </button>{' '}
                      </>
                    )}
                    {(a.status === 'requested' || a.status === 'approved') && (
                      <>
                        <button type="button" className="link" onClick={() => setEditing(a)}>
                          {t('absences.edit')}
                        </button>{' '}
                        <button type="button" className="link" aria-label={t('absences.cancelWho', { name: a.personName, span: span(a) })} onClick={() => void decide(() => call('absence.setStatus', { id: a.id, status: 'cancelled' }))}>
                          {t('absences.cancelAbsence')}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="conflicts-title">
            <h3 id="conflicts-title">{t('absences.conflicts')}</h3>
            {conflicts.length === 0 ? (
              <p className="muted">{t('absences.noConflicts')}</p>
            ) : (
              <ul>
                {conflicts.map((c) => (
                  <li key={c.shiftId}>
                    {t('absences.conflict', { name: c.personName, day: fmt.dayLong(c.day), from: c.startLocal, to: c.endLocal, type: c.typeName, channel: c.skill ?? '—' })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <table className="numbers" aria-label={t('absences.stats')}>
            <caption>{t('absences.stats')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('absences.workingDays')}</th>
                <th scope="col">{t('absences.absentDays')}</th>
                <th scope="col">{t('absences.rate')}</th>
                <th scope="col">{t('absences.sickDays')}</th>
                <th scope="col">{t('absences.sickSpells')}</th>
                <th scope="col" title={t('absences.bradfordHint')}>
                  {t('absences.bradford')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.map((r) => (
                <tr key={r.personId ?? 'team'} className={r.personId === null ? 'total' : undefined}>
                  <th scope="row">{r.personName}</th>
                  <td>{fmt.number(r.workingDays)}</td>
                  <td>{fmt.number(r.absentDays, 2)}</td>
                  <td>{new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 }).format(r.rate)}</td>
                  <td>{fmt.number(r.sickDays, 2)}</td>
                  <td>{fmt.number(r.sickSpells)}</td>
                  <td>{fmt.number(r.bradford, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <div>
          <AbsenceForm
            key={editing ? `edit-${editing.id}` : `new-${revision}`}
            team={team}
            people={people.filter((p) => !p.archived)}
            types={types}
            editing={editing}
            onSaved={(out) => {
              setWarnings(out.warnings);
              setEditing(null);
              setPersonId(out.absence.personId);
              onChanged();
            }}
            onCancel={() => setEditing(null)}
          />

          <section aria-labelledby="day-title" className="day-panel">
            <h3 id="day-title">{t('absences.dayTitle', { day: fmt.dayLong(day) })}</h3>
            <label className="field">
              <span>{t('absences.day')}</span>
              <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
            </label>
            {dayView && (
              <>
                {dayView.away.length === 0 ? (
                  <p className="muted">{t('absences.nobodyAway')}</p>
                ) : (
                  <ul aria-label={t('absences.away')}>
                    {dayView.away.map((a) => (
                      <li key={`${a.personId}-${a.typeName}`}>
                        {a.personName} · {a.typeName}
                        {a.status === 'requested' && ` (${t('absences.status.requested')})`}
                      </li>
                    ))}
                  </ul>
                )}
                <table className="numbers" aria-label={t('absences.channels')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('absences.channel')}</th>
                      <th scope="col">{t('absences.scheduled')}</th>
                      <th scope="col">{t('absences.remaining')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dayView.channels.map((c) => (
                      <tr key={c.channel} className={c.remaining < c.scheduled ? 'short' : undefined}>
                        <th scope="row">{c.channel}</th>
                        <td>{fmt.number(c.scheduled)}</td>
                        <td>{fmt.number(c.remaining)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>

          <PersonLeavePanel team={team} people={people} types={types} personId={personId ?? people[0]?.id ?? null} onPerson={setPersonId} revision={revision} onChanged={onChanged} />
          <AbsenceTypesPanel team={team} types={types} onChanged={onChanged} />
        </div>
      </div>
    </section>
  );
}
