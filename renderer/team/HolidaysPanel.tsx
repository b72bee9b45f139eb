import { fileBase64 } from '../shell/SpreadsheetOptions';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { yearRange } from '../../core/calendar';
import type { ApiError } from '../../core/errors';
import type { TeamHoliday } from '../../core/holiday-merge';
import type { Team } from '../../core/team';
import { Temporal, todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { errorText } from '../api/errors';
import { useApiQuery } from '../api/queries';
import { useFormat } from '../format';
import { ImportErrors } from '../shell/ImportErrors';
import { LoadError } from '../shell/LoadError';
import { HolidayAddForm } from './HolidayAddForm';
import { holidayFileFormat } from './holidayFile';
import { HolidayRow } from './HolidayRow';
import { useNotice, type Later } from '../i18n/later';

interface Props {
  team: Team;
}

/** What a holiday row is called in controls: its name and day, so every button says which. */
const rowKey = (h: TeamHoliday) => `${h.day}|${h.source}`;

/**
 * The team's holidays of one year (in the calendar on screen: a Solar Hijri year on a Persian
 * screen): the country's public days, estimated ones marked, removed ones struck with a restore,
 * the team's own days; add, move, half day, remove, and import from a CSV or an iCalendar file.
 */
export function HolidaysPanel({ team }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [anchor, setAnchor] = useState(() => todayIn(team.timeZone).toString());
  const range = useMemo(() => yearRange(anchor, fmt.calendar), [anchor, fmt.calendar]);
  const yearLabel = useMemo(() => new Intl.DateTimeFormat(fmt.locale, { year: 'numeric', timeZone: 'UTC' }).format(new Date(`${range.from}T12:00:00Z`)), [fmt.locale, range.from]);
  const query = useApiQuery('holiday.list', { teamId: team.id, from: range.from, to: range.to });
  const list = query.data ?? null;
  const [error, setError] = useState<ApiError | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useNotice();
  const [moving, setMoving] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  async function act(work: () => Promise<unknown>, done?: Later): Promise<boolean> {
    setError(null);
    setImportError(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      return true;
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
      return false;
    }
  }

  async function move(h: TeamHoliday) {
    const ok = await act(() => call('holiday.move', { teamId: team.id, day: h.day, source: h.source, to: moveTo }), (s) => s.t('holidays.moved', { name: h.name, day: s.fmt.day(moveTo) }));
    if (ok) setMoving(null);
  }

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // The first bytes tell an iCalendar file from a CSV.
    const format = holidayFileFormat(file.name, await file.slice(0, 64).text());
    setError(null);
    setNotice(null);
    setImportError(null);
    try {
      const r = await call('holiday.import', { teamId: team.id, format, bytes: await fileBase64(file) });
      setNotice((s) => s.t('holidays.imported', { count: r.added }) + (r.skipped.length ? ` ${s.t('holidays.importSkipped', { count: r.skipped.length })}` : ''));
    } catch (err) {
      if (err instanceof CallError) setImportError(err.error);
      else throw err;
    }
  }

  const step = (direction: -1 | 1) => setAnchor(Temporal.PlainDate.from(direction < 0 ? range.from : range.to).add({ days: direction }).toString());
  const estimatedCount = list?.filter((h) => h.estimated && !h.removed).length ?? 0;

  return (
    <section className="card holidays" aria-labelledby="holidays-title">
      <div className="toolbar">
        <h2 id="holidays-title">{t('holidays.title')}</h2>
        <div className="year-nav" role="group" aria-label={t('holidays.yearNav')}>
          <button type="button" onClick={() => step(-1)} aria-label={t('holidays.previousYear')}>
            <span aria-hidden="true" className="flip-rtl">
              ‹
            </span>
          </button>
          <span aria-live="polite" className="year-label">
            {yearLabel}
          </span>
          <button type="button" onClick={() => step(1)} aria-label={t('holidays.nextYear')}>
            <span aria-hidden="true" className="flip-rtl">
              ›
            </span>
          </button>
        </div>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('holidays.import')}
        </button>
        <input ref={fileInput} type="file" accept=".csv,.ics,text/csv,text/calendar" hidden aria-label={t('holidays.import')} onChange={(e) => void importFile(e)} />
      </div>
      <p className="muted small">{t('holidays.explain')}</p>
      {estimatedCount > 0 && <p className="muted small">{t('holidays.estimatedExplain')}</p>}
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p role="alert" className="error">
          {errorText(t, error)}
        </p>
      )}
      <ImportErrors error={importError} failedText={t('holidays.importFailed')} />
      <LoadError errors={[query.error]} />
      {list && list.length === 0 && <p>{t('holidays.none')}</p>}
      {list && list.length > 0 && (
        <table className="holiday-list">
          <caption className="visually-hidden">{t('holidays.caption', { year: yearLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('holidays.day')}</th>
              <th scope="col">{t('holidays.name')}</th>
              <th scope="col">{t('holidays.kind')}</th>
              <th scope="col">{t('holidays.halfDay')}</th>
              <th scope="col">{t('holidays.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((h) => (
              <HolidayRow
                key={rowKey(h)}
                team={team}
                holiday={h}
                moving={moving === rowKey(h)}
                moveTo={moveTo}
                onMoveTo={setMoveTo}
                onStartMove={() => {
                  setMoving(rowKey(h));
                  setMoveTo(h.day);
                }}
                onStopMove={() => setMoving(null)}
                onMove={() => void move(h)}
                act={act}
              />
            ))}
          </tbody>
        </table>
      )}
      <HolidayAddForm team={team} act={act} />
      <p className="muted small">
        {t('holidays.importHint')} <code dir="ltr" translate="no">2026-03-20,Company day,half</code>
      </p>
    </section>
  );
}
