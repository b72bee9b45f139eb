import { fileBase64 } from '../shell/SpreadsheetOptions';
import { useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
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
import { DateField } from '../shell/DateField';
import { ImportErrors } from '../shell/ImportErrors';
import { LoadError } from '../shell/LoadError';

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
  const [notice, setNotice] = useState('');
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [half, setHalf] = useState(false);
  const [moving, setMoving] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const dayId = useId();
  const nameId = useId();

  async function act(work: () => Promise<unknown>, done?: string): Promise<boolean> {
    setError(null);
    setImportError(null);
    setNotice('');
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

  async function add(e: FormEvent) {
    e.preventDefault();
    const ok = await act(() => call('holiday.add', { teamId: team.id, day, name, half }), t('holidays.added', { name: name.trim() }));
    if (ok) {
      setDay('');
      setName('');
      setHalf(false);
    }
  }

  async function move(h: TeamHoliday) {
    const ok = await act(() => call('holiday.move', { teamId: team.id, day: h.day, source: h.source, to: moveTo }), t('holidays.moved', { name: h.name, day: fmt.day(moveTo) }));
    if (ok) setMoving(null);
  }

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // The first bytes tell an iCalendar file from a CSV; the service decodes the whole file as it is (a Windows-1256 CSV too).
    const head = await file.slice(0, 64).text();
    const format = /\.ics$/i.test(file.name) || /^\uFEFF?BEGIN:VCALENDAR/i.test(head.trimStart()) ? 'ics' : 'csv';
    setError(null);
    setNotice('');
    setImportError(null);
    try {
      const r = await call('holiday.import', { teamId: team.id, format, bytes: await fileBase64(file) });
      setNotice(t('holidays.imported', { count: r.added }) + (r.skipped.length ? ` ${t('holidays.importSkipped', { count: r.skipped.length })}` : ''));
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
            {list.map((h) => {
              const who = { name: h.name, day: fmt.day(h.day) };
              return (
                <tr key={rowKey(h)} className={h.removed ? 'removed' : undefined}>
                  <td>{h.removed ? <s>{fmt.dayLong(h.day)}</s> : fmt.dayLong(h.day)}</td>
                  <th scope="row">
                    {h.removed ? <s>{h.name}</s> : h.name}
                    {h.removed && <span className="visually-hidden"> ({t('holidays.removed')})</span>}
                  </th>
                  <td>
                    <span className="badge">{h.source === 'public' ? t('holidays.public') : t('holidays.team')}</span>
                    {h.estimated && (
                      <span className="badge estimated" title={t('holidays.estimatedExplain')}>
                        {t('holidays.estimated')}
                      </span>
                    )}
                    {h.removed && <span className="badge">{t('holidays.removed')}</span>}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={h.half}
                      disabled={h.removed}
                      aria-label={t('holidays.halfWho', who)}
                      onChange={(e) => void act(() => call('holiday.setHalf', { teamId: team.id, day: h.day, source: h.source, half: e.target.checked }))}
                    />
                  </td>
                  <td className="row-actions">
                    {h.removed ? (
                      <button type="button" aria-label={t('holidays.restoreWho', who)} onClick={() => void act(() => call('holiday.restore', { teamId: team.id, day: h.day }), t('holidays.restored', { name: h.name }))}>
                        {t('holidays.restore')}
                      </button>
                    ) : moving === rowKey(h) ? (
                      <span className="move-to">
                        <DateField value={moveTo} onChange={setMoveTo} weekStart={team.weekStart} aria-label={t('holidays.moveToWho', who)} />
                        <button type="button" className="primary" disabled={!moveTo} onClick={() => void move(h)}>
                          {t('holidays.moveSave')}
                        </button>
                        <button type="button" onClick={() => setMoving(null)}>
                          {t('holidays.cancel')}
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          aria-label={t('holidays.moveWho', who)}
                          onClick={() => {
                            setMoving(rowKey(h));
                            setMoveTo(h.day);
                          }}
                        >
                          {t('holidays.move')}
                        </button>
                        <button type="button" aria-label={t('holidays.removeWho', who)} onClick={() => void act(() => call('holiday.remove', { teamId: team.id, day: h.day, source: h.source }), t('holidays.removedNotice', { name: h.name }))}>
                          {t('holidays.remove')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="holiday-add" onSubmit={(e) => void add(e)} aria-labelledby="holiday-add-title">
        <h3 id="holiday-add-title">{t('holidays.addTitle')}</h3>
        <label htmlFor={dayId}>{t('holidays.day')}</label>
        <DateField id={dayId} value={day} onChange={setDay} weekStart={team.weekStart} />
        <label htmlFor={nameId}>{t('holidays.name')}</label>
        <input id={nameId} type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={half} onChange={(e) => setHalf(e.target.checked)} />
          {t('holidays.halfDay')}
        </label>
        <button type="submit" className="primary" disabled={!day || !name.trim()}>
          {t('holidays.add')}
        </button>
      </form>
      <p className="muted small">
        {t('holidays.importHint')} <code dir="ltr" translate="no">2026-03-20,Company day,half</code>
      </p>
    </section>
  );
}
