import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { fileSlug } from '../../core/text';
import { parsePlainDate, startOfWeek, Temporal, todayIn } from '../../core/time';
import { bridge, call, CallError } from '../api/client';
import { saveFile } from '../api/download';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { ImportErrors } from '../shell/ImportErrors';
import { useFormat } from '../format';
import { MonthCost } from './MonthCost';
import { PatternPanel } from './PatternPanel';
import { PrintRota, type PaperSize } from './PrintRota';
import { CalendarFilePanel } from './CalendarFilePanel';
import { SchedulePanel } from './SchedulePanel';
import { RotaGrid, type RotaGridHandle } from './RotaGrid';

interface Props {
  team: Team;
}

/** The rota page: week navigation, the grid, copy and clear, and the Problems panel. */
export function RosterPage({ team }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const thisWeek = () => startOfWeek(todayIn(team.timeZone), team.weekStart).toString();
  const [weekStart, setWeekStart] = useState(thisWeek);
  const weekQuery = useApiQuery('roster.week', { teamId: team.id, weekStart });
  const templatesQuery = useApiQuery('template.list', { teamId: team.id });
  const week = weekQuery.data ?? null;
  const templates = templatesQuery.data ?? [];
  const [copyWeeks, setCopyWeeks] = useState(1);
  const { error, setError, act } = useAction();
  const grid = useRef<RotaGridHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState('');
  const [paper, setPaper] = useState<PaperSize>('A4');

  async function print(action: 'print' | 'pdf') {
    setNotice('');
    const outcome = await bridge.print({ action, pageSize: paper, filename: `${fileSlug(team.name)}-${weekStart}.pdf` });
    if (outcome.file) setNotice(t('print.saved', { file: outcome.file }));
    else if (outcome.error) setError({ code: 'print_failed', message: outcome.error, path: [] });
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An .xlsx file is a zip archive ("PK"); anything else is read as CSV text.
    const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const data = xlsx ? btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')) : new TextDecoder().decode(bytes);
    setNotice('');
    await act(async () => {
      const r = await call('roster.import', { teamId: team.id, format: xlsx ? 'xlsx' : 'csv', data });
      setNotice(t('roster.imported', { count: r.created }));
    });
  }

  async function download(format: 'csv' | 'xlsx') {
    try {
      saveFile(await call('roster.export', { teamId: team.id, from: weekStart, to: Temporal.PlainDate.from(weekStart).add({ days: 6 }).toString(), format }));
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  const shift = (weeks: number) => setWeekStart(Temporal.PlainDate.from(weekStart).add({ weeks }).toString());

  const end = Temporal.PlainDate.from(weekStart).add({ days: 6 }).toString();
  return (
    <section className="card" aria-labelledby="roster-title">
      <div className="toolbar">
        <h2 id="roster-title">{t('roster.title')}</h2>
        <button type="button" onClick={() => shift(-1)} aria-label={t('roster.prev')}>
          ‹
        </button>
        <strong aria-live="polite">{t('roster.weekOf', { date: fmt.day(weekStart) })}</strong>
        <button type="button" onClick={() => shift(1)} aria-label={t('roster.next')}>
          ›
        </button>
        <button type="button" onClick={() => setWeekStart(thisWeek())}>
          {t('roster.thisWeek')}
        </button>
        <label className="inline">
          <span>{t('roster.goTo')}</span>
          <input
            type="date"
            value={weekStart}
            onChange={(e) => {
              const day = parsePlainDate(e.target.value);
              if (day) setWeekStart(startOfWeek(day, team.weekStart).toString());
            }}
          />
        </label>
      </div>
      <div className="toolbar">
        <label className="inline">
          <span>{t('roster.copyTo')}</span>
          <select value={copyWeeks} onChange={(e) => setCopyWeeks(Number(e.target.value))}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {t('roster.weeks', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void act(() => call('shift.copyWeek', { teamId: team.id, weekStart, weeks: copyWeeks }))}>
          {t('roster.copy')}
        </button>
        <button type="button" onClick={() => void act(() => call('shift.clearRange', { teamId: team.id, from: weekStart, to: end }))}>
          {t('roster.clear')}
        </button>
        <button type="button" onClick={() => grid.current?.toggleLock()} title={t('roster.lockHint')}>
          {t('roster.lock')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('roster.import')}
        </button>
        <input ref={fileInput} type="file" hidden accept=".csv,.xlsx,text/csv" aria-label={t('roster.import')} onChange={(e) => void importFile(e.target)} />
        <button type="button" onClick={() => void download('csv')}>
          {t('roster.exportCsv')}
        </button>
        <button type="button" onClick={() => void download('xlsx')}>
          {t('roster.exportXlsx')}
        </button>
      </div>
      <div className="toolbar">
        <label className="inline">
          <span>{t('print.paper')}</span>
          <select value={paper} onChange={(e) => setPaper(e.target.value === 'A3' ? 'A3' : 'A4')}>
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <button type="button" onClick={() => void print('print')}>
          {t('print.print')}
        </button>
        {/* In a browser the print dialog's "Save as PDF" does this; the app has its own. */}
        {window.rosterdesk && (
          <button type="button" onClick={() => void print('pdf')}>
            {t('print.pdf')}
          </button>
        )}
      </div>
      {notice && <p role="status">{notice}</p>}
      <PatternPanel team={team} weekStart={weekStart} />
      <SchedulePanel team={team} weekStart={weekStart} />
      <CalendarFilePanel team={team} weekStart={weekStart} />
      <ImportErrors error={error} failedText={t('roster.importFailed')} />
      <LoadError errors={[weekQuery.error, templatesQuery.error]} />
      {templates.length === 0 && <p className="muted">{t('roster.noTemplates')}</p>}
      <p className="muted small">{t('roster.help')}</p>
      {week && week.weekStart === weekStart && <RotaGrid ref={grid} week={week} templates={templates} teamId={team.id} />}
      <MonthCost team={team} day={weekStart} />
      {week && week.weekStart === weekStart && <PrintRota team={team} week={week} templates={templates} paper={paper} />}
      {week && (
        <section aria-labelledby="problems-title" className="problems">
          <h3 id="problems-title">{t('roster.problems')}</h3>
          {week.violations.length === 0 ? (
            <p className="muted">{t('roster.noProblems')}</p>
          ) : (
            <ul>
              {week.violations.map((v, i) => (
                <li key={`${v.rule}-${v.personId}-${v.day}-${i}`}>
                  <strong>{v.personName}</strong> · {fmt.dayLong(v.day)} · {t(`rules.${v.rule}`, v.params)}{' '}
                  <button type="button" className="link" onClick={() => grid.current?.focusCell(v.personId, v.day)}>
                    {t('roster.show')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
