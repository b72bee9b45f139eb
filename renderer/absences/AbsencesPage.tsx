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
import { MonthGrid } from '../shell/MonthGrid';
import { useFormat } from '../format';
import { useByName } from '../collate';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { ImportErrors } from '../shell/ImportErrors';
import { EncodingSelect, fileBase64, useImportEncoding } from '../shell/SpreadsheetOptions';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceList } from './AbsenceList';
import { AbsenceStatsTable } from './AbsenceStatsTable';
import { AbsenceTypesPanel } from './AbsenceTypesPanel';
import { ConflictsList } from './ConflictsList';
import { DayPanel } from './DayPanel';
import { PersonLeavePanel } from './PersonLeavePanel';
import { WaitingList } from './WaitingList';
import { useNotice } from '../i18n/later';

interface Props {
  team: Team;
}

/** Who is away: the team's absence calendar, requests to decide, uncovered shifts, balances and statistics. */
export function AbsencesPage({ team }: Props) {
  const { t } = useTranslation();
  const encoding = useImportEncoding();
  const fmt = useFormat();
  const names = useBuiltinNames();
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
  const [notice, setNotice] = useNotice();
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
      setNotice((s) => s.t('absences.imported', { count: created }));
    } catch (err) {
      if (err instanceof CallError) setImportError(err.error);
      else throw err;
    }
  }

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

          <AbsenceList list={list} onEdit={setEditing} onCancel={(a) => void decide(() => call('absence.setStatus', { id: a.id, status: 'cancelled' }))} />

          <ConflictsList conflicts={conflicts} teamId={team.id} />

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

          <DayPanel team={team} day={day} dayView={dayView} onDay={setDay} />

          <PersonLeavePanel team={team} people={people} types={types} personId={personId ?? people[0]?.id ?? null} onPerson={setPersonId} />
          <AbsenceTypesPanel team={team} types={types} />
        </div>
      </div>
    </section>
  );
}
