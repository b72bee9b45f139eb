import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Absence, AbsenceWarning } from '../../core/absence';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { monthLayout } from '../../core/monthLayout';
import { DateField } from '../shell/DateField';
import { MonthGrid } from '../shell/MonthGrid';
import { useFormat } from '../format';
import { useByName } from '../collate';
import { useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { ImportErrors } from '../shell/ImportErrors';
import { EncodingSelect, fileBase64, useImportEncoding } from '../shell/SpreadsheetOptions';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceStatsTable } from './AbsenceStatsTable';
import { AbsenceTypesPanel } from './AbsenceTypesPanel';
import { PersonLeavePanel } from './PersonLeavePanel';
import { WaitingList } from './WaitingList';

interface Props {
  team: Team;
}


/** Who is away: the team's absence calendar, requests to decide, uncovered shifts, balances and statistics. */
export function AbsencesPage({ team }: Props) {
  const { t } = useTranslation();
  const encoding = useImportEncoding();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(team.id);
  const peopleQuery = useApiQuery('person.list', { teamId: team.id });
  const typesQuery = useApiQuery('absenceType.list', { teamId: team.id });
  const people = useByName(peopleQuery.data);
  const types = typesQuery.data ?? [];
  // The month on screen, in the screen's calendar (a Solar Hijri month on a Persian screen): its days are all the grid shows.
  const [shownMonth, setShownMonth] = useState(() => todayIn(team.timeZone).toString());
  const layout = monthLayout(shownMonth, fmt.calendar, team.weekStart);
  const range = { from: layout.first, to: layout.last };
  const month = range;
  const listQuery = useApiQuery('absence.list', range ? { teamId: team.id, ...range } : null);
  const conflictsQuery = useApiQuery('absence.conflicts', range ? { teamId: team.id, ...range } : null);
  // Statistics are of the month on screen, as in Reports: not of the other months' days in its grid.
  const statsQuery = useApiQuery('absence.stats', month ? { teamId: team.id, ...month } : null);
  const list = listQuery.data ?? [];
  const conflicts = conflictsQuery.data ?? [];
  const stats = statsQuery.data ?? [];
  const [day, setDay] = useState(() => todayIn(team.timeZone).toString());
  const dayQuery = useApiQuery('absence.day', { teamId: team.id, day });
  const dayView = dayQuery.data ?? null;
  const [editing, setEditing] = useState<Absence | null>(null);
  const [personId, setPersonId] = useState<number | null>(null);
  const [warnings, setWarnings] = useState<AbsenceWarning[]>([]);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [formKey, setFormKey] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const { error, act } = useAction();

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
      const { created } = await call('absence.import', { teamId: team.id, bytes: await fileBase64(file), encoding });
      setImportError(null);
      setNotice(t('absences.imported', { count: created }));
    } catch (err) {
      if (err instanceof CallError) setImportError(err.error);
      else throw err;
    }
  }

  const span = (a: Pick<Absence, 'start' | 'end'>) => (a.start === a.end ? fmt.day(a.start) : `${fmt.day(a.start)} – ${fmt.day(a.end)}`);

  return (
    <section className="card" aria-labelledby="absences-title">
      <div className="toolbar">
        <h2 id="absences-title">{t('absences.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('absences.import')}
        </button>
        <EncodingSelect />
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
      <LoadError errors={[peopleQuery.error, typesQuery.error, listQuery.error, conflictsQuery.error, statsQuery.error, dayQuery.error]} />

      <WaitingList
        team={team}
        decide={(work) => void decide(work)}
        onEdit={setEditing}
        onShow={(a) => {
          setDay(a.start);
          setShownMonth(a.start);
        }}
      />

      <div className="absences-layout">
        <div>
          <MonthGrid
            month={shownMonth}
            onMonth={setShownMonth}
            today={todayIn(team.timeZone).toString()}
            weekStart={team.weekStart}
            maxPerDay={5}
            selected={day}
            events={list
              .filter((a) => a.status === 'requested' || a.status === 'approved')
              .map((a) => ({
                id: String(a.id),
                title: `${a.status === 'requested' ? '? ' : ''}${a.personName} · ${names.absenceOf(a)}`,
                start: a.start,
                end: a.end,
                color: a.color,
                className: `absence-${a.status}`,
              }))}
            onDay={setDay}
            onEvent={(id) => {
              const a = list.find((x) => String(x.id) === id);
              if (a) setDay(a.start);
            }}
          />

          <section aria-labelledby="absence-list-title">
            <h3 id="absence-list-title">{t('absences.list')}</h3>
            {list.length === 0 ? (
              <p className="muted">{t('absences.none')}</p>
            ) : (
              <ul className="absence-list">
                {list.map((a) => (
                  <li key={a.id} className={`status-${a.status}`}>
                    <span className="swatch" style={{ backgroundColor: a.color }} aria-hidden="true" /> <strong>{a.personName}</strong> · {names.absenceOf(a)} · {span(a)}
                    {a.hours !== null && ` · ${t('absences.hoursPerDay', { hours: fmt.number(a.hours, 2) })}`} · {t(`absences.status.${a.status}`)}
                    {a.note && ` · ${a.note}`}{' '}
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
                    {t('absences.conflict', { name: c.personName, day: fmt.dayLong(c.day), from: fmt.clock(c.startLocal), to: fmt.clock(c.endLocal), type: typeName(c.typeName), channel: c.skill === null ? '—' : names.channel(c.skill) })}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <AbsenceStatsTable rows={stats} caption={month ? t('absences.statsOf', { month: fmt.month(month.from) }) : t('absences.stats')} />
        </div>

        <div>
          <AbsenceForm
            key={editing ? `edit-${editing.id}` : `new-${formKey}`}
            team={team}
            people={people.filter((p) => !p.archived)}
            types={types}
            editing={editing}
            onSaved={(out) => {
              setWarnings(out.warnings);
              setEditing(null);
              setPersonId(out.absence.personId);
              setFormKey((k) => k + 1);
            }}
            onCancel={() => setEditing(null)}
          />

          <section aria-labelledby="day-title" className="day-panel">
            <h3 id="day-title">{t('absences.dayTitle', { day: fmt.dayLong(day) })}</h3>
            <label className="field">
              <span>{t('absences.day')}</span>
              <DateField value={day} weekStart={team.weekStart} onChange={(d) => d && setDay(d)} />
            </label>
            {dayView && (
              <>
                {dayView.away.length === 0 ? (
                  <p className="muted">{t('absences.nobodyAway')}</p>
                ) : (
                  <ul aria-label={t('absences.away')}>
                    {dayView.away.map((a) => (
                      <li key={`${a.personId}-${a.typeName}`}>
                        {a.personName} · {typeName(a.typeName)}
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
                        <th scope="row">{names.channel(c.channel)}</th>
                        <td>{fmt.number(c.scheduled)}</td>
                        <td>{fmt.number(c.remaining)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>

          <PersonLeavePanel team={team} people={people} types={types} personId={personId ?? people[0]?.id ?? null} onPerson={setPersonId} />
          <AbsenceTypesPanel team={team} types={types} />
        </div>
      </div>
    </section>
  );
}
