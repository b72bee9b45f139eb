import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { fileSlug } from '../../core/text';
import { parsePlainDate, startOfWeek, Temporal, todayIn } from '../../core/time';
import { bridge, call, CallError } from '../api/client';
import { saveFile } from '../api/download';
import { prefetch, useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { ImportErrors } from '../shell/ImportErrors';
import { fileBase64, useCsvDialect, useImportEncoding } from '../shell/SpreadsheetOptions';
import { useFormat } from '../format';
import { byName } from '../collate';
import { MonthCost } from './MonthCost';
import { PatternPanel } from './PatternPanel';
import { PrintRota, usePrintedWeek, type PaperSize } from './PrintRota';
import { CalendarFilePanel } from './CalendarFilePanel';
import { SchedulePanel } from './SchedulePanel';
import { RotaGrid, type RotaGridHandle } from './RotaGrid';
import { reviewDraft } from './draftReview';
import { EmptyWeek } from './EmptyWeek';
import { useDraft } from './draftContext';
import { ProblemsList } from './ProblemsList';
import { MenuButton } from '../shell/Menu';
import { DateField } from '../shell/DateField';
import { DraftBar } from './DraftBar';
import { Drawer } from './Drawer';
import { PrintPanel } from './PrintPanel';
import { SpreadsheetPanel } from './SpreadsheetPanel';
import { ClearWeekPanel, CopyWeekPanel } from './WeekPanels';
import { useNotice } from '../i18n/later';

interface Props {
  team: Team;
}

type Panel = 'draft' | 'pattern' | 'ics' | 'print' | 'copy' | 'clear' | 'spreadsheet';

/** The rota page: week navigation, the grid, copy and clear, and the Problems panel. */
export function RosterPage({ team }: Props) {
  const { t } = useTranslation();
  // The encoding and separator: chosen in the Spreadsheet file panel, or beside the other pages' import and export buttons.
  const encoding = useImportEncoding();
  const dialect = useCsvDialect();
  const fmt = useFormat();
  const thisWeek = () => startOfWeek(todayIn(team.timeZone), team.weekStart).toString();
  const [weekStart, setWeekStart] = useState(thisWeek);
  const weekQuery = useApiQuery('roster.week', { teamId: team.id, weekStart });
  const templatesQuery = useApiQuery('template.list', { teamId: team.id });
  // People in the reader's order (the file sorts by code point, which puts Łukasz after Reza): the grid and the print both.
  const week = useMemo(() => (weekQuery.data ? { ...weekQuery.data, people: byName(weekQuery.data.people, fmt.locale) } : null), [weekQuery.data, fmt.locale]);
  // The same empty list while loading, so the grid's and the print's memoised parts hold.
  const templates = useMemo(() => templatesQuery.data ?? [], [templatesQuery.data]);
  const { error, setError, act } = useAction();
  const grid = useRef<RotaGridHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useNotice();
  const [paper, setPaper] = useState<PaperSize>('A4');
  // The one side panel open beside the grid, if any.
  const [panel, setPanel] = useState<Panel | null>(null);
  // The department hub lives in the calendar panel, beside CalDAV publishing; its menu item opens that panel at the hub.
  const [hubFocus, setHubFocus] = useState(0);
  // A generated draft under review: drawn on the grid until accepted or discarded.
  const [draft, setDraft] = useDraft();
  const shownWeek = week?.weekStart === weekStart ? week : null;
  const printedWeek = usePrintedWeek(shownWeek);
  // Once a week is on screen and the window is idle, its next week is read, so "next week" only
  // draws. Once per week shown, not after each edit: a team of 1 000's week takes the service a
  // quarter of a second, which a lead typing codes should not wait behind.
  const weekShown = shownWeek !== null;
  useEffect(() => {
    if (!weekShown) return;
    const next = Temporal.PlainDate.from(weekStart).add({ weeks: 1 }).toString();
    const idle = requestIdleCallback(() => prefetch('roster.week', { teamId: team.id, weekStart: next }), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [weekShown, weekStart, team.id]);
  const review = useMemo(() => (draft && shownWeek ? reviewDraft(draft, shownWeek.days.map((d) => d.day), shownWeek.people, shownWeek.shifts) : null), [draft, shownWeek]);

  async function acceptDraft() {
    if (!draft) return;
    const r = await call('schedule.apply', { teamId: team.id, from: draft.from, to: draft.to, shifts: draft.draft.map(({ personId, day, templateId }) => ({ personId, day, templateId })) });
    setDraft(null);
    setNotice((s) => s.t('schedule.accepted', { count: r.created }));
  }

  async function print(action: 'print' | 'pdf') {
    setNotice(null);
    const outcome = await bridge.print({ action, pageSize: paper, filename: `${fileSlug(team.name)}-${weekStart}.pdf` });
    if (outcome.file) setNotice((s) => s.t('print.saved', { file: outcome.file }));
    else if (outcome.error) setError({ code: 'print_failed', message: outcome.error, path: [] });
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An .xlsx file is a zip archive ("PK"); anything else is read as CSV text.
    const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const base64 = await fileBase64(file);
    setNotice(null);
    await act(async () => {
      // CSV as its bytes, read by the service in the encoding chosen on the import pages (or detected).
      const r = await call('roster.import', xlsx ? { teamId: team.id, format: 'xlsx', data: base64 } : { teamId: team.id, format: 'csv', bytes: base64, encoding });
      setNotice((s) => s.t('roster.imported', { count: r.created }));
    });
  }

  async function download(format: 'csv' | 'xlsx') {
    try {
      saveFile(await call('roster.export', { teamId: team.id, from: weekStart, to: Temporal.PlainDate.from(weekStart).add({ days: 6 }).toString(), format, csv: dialect }));
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  const shift = (weeks: number) => setWeekStart(Temporal.PlainDate.from(weekStart).add({ weeks }).toString());
  const end = Temporal.PlainDate.from(weekStart).add({ days: 6 }).toString();
  const toggle = (which: Panel) => setPanel((p) => (p === which ? null : which));
  const shiftCount = week?.weekStart === weekStart ? week.shifts.length : 0;

  return (
    <section className="rota-page" aria-labelledby="roster-title">
      <div className="rota-toolbar" role="toolbar" aria-label={t('roster.toolbar')}>
        <h2 id="roster-title">{t('roster.title')}</h2>
        <button type="button" onClick={() => shift(-1)} aria-label={t('roster.prev')}>
          <span aria-hidden="true">‹</span>
        </button>
        <strong className="week-label" aria-live="polite">
          {t('roster.weekOf', { date: fmt.day(weekStart) })}
        </strong>
        <button type="button" onClick={() => shift(1)} aria-label={t('roster.next')}>
          <span aria-hidden="true">›</span>
        </button>
        <button type="button" onClick={() => setWeekStart(thisWeek())}>
          {t('roster.thisWeek')}
        </button>
        <label className="inline">
          {/* The date field says what it is; its label is for screen readers, so the toolbar stays one line. */}
          <span className="visually-hidden">{t('roster.goTo')}</span>
          <DateField
            value={weekStart}
            weekStart={team.weekStart}
            onChange={(value) => {
              const day = parsePlainDate(value);
              if (day) setWeekStart(startOfWeek(day, team.weekStart).toString());
            }}
          />
        </label>
        <span className="spacer" />
        <button type="button" className={panel === 'draft' ? 'primary' : undefined} aria-expanded={panel === 'draft'} aria-controls="panel-draft" onClick={() => toggle('draft')}>
          {t('roster.draftButton')}
        </button>
        <button type="button" aria-expanded={panel === 'pattern'} aria-controls="panel-pattern" onClick={() => toggle('pattern')}>
          {t('roster.patternButton')}
        </button>
        <button type="button" aria-expanded={panel === 'print'} aria-controls="panel-print" onClick={() => toggle('print')}>
          {t('print.print')}
        </button>
        <MenuButton label={t('roster.more')}>
          {(close) => (
            <>
              <button type="button" role="menuitem" onClick={() => { close(); setPanel('copy'); }}>
                {t('roster.copyMenu')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); setPanel('clear'); }}>
                {t('roster.clearMenu')}
              </button>
              <button type="button" role="menuitem" title={t('roster.lockHint')} onClick={() => { close(); grid.current?.toggleLock(); }}>
                {t('roster.lock')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); fileInput.current?.click(); }}>
                {t('roster.import')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); void download('csv'); }}>
                {t('roster.exportCsv')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); void download('xlsx'); }}>
                {t('roster.exportXlsx')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); setPanel('spreadsheet'); }}>
                {t('spreadsheet.rosterPanel')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); setPanel('ics'); }}>
                {t('calendarFile.title')}
              </button>
              <button type="button" role="menuitem" onClick={() => { close(); setPanel('ics'); setHubFocus((n) => n + 1); }}>
                {t('hubLink.title')}
              </button>
            </>
          )}
        </MenuButton>
        <input ref={fileInput} type="file" hidden accept=".csv,.xlsx,text/csv" aria-label={t('roster.import')} onChange={(e) => void importFile(e.target)} />
      </div>
      <p role="status" className="rota-notice">
        {notice}
      </p>
      <ImportErrors error={error} failedText={t('roster.importFailed')} />
      <LoadError errors={[weekQuery.error, templatesQuery.error]} />

      <div className={panel ? 'rota-body with-drawer' : 'rota-body'}>
        <div className="rota-main">
          {draft && <DraftBar draft={draft} review={review} elsewhere={draft.from > end || draft.to < weekStart} onAccept={() => void act(acceptDraft)} onDiscard={() => setDraft(null)} />}
          {shownWeek && shownWeek.shifts.length === 0 && !draft && <EmptyWeek teamId={team.id} weekStart={weekStart} hasTemplates={templates.length > 0} hasPeople={shownWeek.people.length > 0} />}
          {shownWeek && <RotaGrid ref={grid} week={shownWeek} templates={templates} teamId={team.id} review={review} />}
          <p className="muted small">{t('roster.help')}</p>
          {week && week.weekStart === weekStart && <ProblemsList teamId={team.id} weekStart={weekStart} violations={week.violations} onShow={(personId, day) => grid.current?.focusCell(personId, day)} />}
          <MonthCost team={team} day={weekStart} />
        </div>
        {/* Panels open beside the grid (kept mounted, so a draft or a half-filled form survives closing). */}
        <Drawer id="panel-draft" open={panel === 'draft'} title={t('schedule.title')} onClose={() => setPanel(null)}>
          <SchedulePanel team={team} weekStart={weekStart} draft={draft} onDraft={setDraft} onAccept={acceptDraft} />
        </Drawer>
        <Drawer id="panel-pattern" open={panel === 'pattern'} title={t('pattern.title')} onClose={() => setPanel(null)}>
          <PatternPanel team={team} weekStart={weekStart} />
        </Drawer>
        <Drawer id="panel-spreadsheet" open={panel === 'spreadsheet'} title={t('spreadsheet.rosterPanelTitle')} onClose={() => setPanel(null)}>
          <SpreadsheetPanel onImport={() => fileInput.current?.click()} onExport={(format) => void download(format)} />
        </Drawer>
        <Drawer id="panel-ics" open={panel === 'ics'} title={t('calendarFile.title')} onClose={() => setPanel(null)}>
          <CalendarFilePanel team={team} weekStart={weekStart} hubFocus={hubFocus} />
        </Drawer>
        <Drawer id="panel-print" open={panel === 'print'} title={t('print.print')} onClose={() => setPanel(null)}>
          <PrintPanel paper={paper} onPaper={setPaper} onPrint={(action) => void print(action)} />
        </Drawer>
        <Drawer id="panel-copy" open={panel === 'copy'} title={t('roster.copyMenu')} onClose={() => setPanel(null)}>
          <CopyWeekPanel team={team} weekStart={weekStart} act={act} onDone={() => setPanel(null)} />
        </Drawer>
        <Drawer id="panel-clear" open={panel === 'clear'} title={t('roster.clearMenu')} onClose={() => setPanel(null)}>
          {panel === 'clear' && <ClearWeekPanel team={team} weekStart={weekStart} end={end} shiftCount={shiftCount} act={act} onDone={() => setPanel(null)} />}
        </Drawer>
      </div>
      {printedWeek && <PrintRota team={team} week={printedWeek} templates={templates} paper={paper} />}
    </section>
  );
}
