import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryState, Language } from '../../core/contract';
import { contract, isMethodName } from '../../core/contract';
import { HISTORY_TABLE } from '../../core/result';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { bridge, call, CallError, onTablesChanged } from '../api/client';
import { everythingChanged, useApiQuery } from '../api/queries';
import { useByName } from '../collate';
import { LoadError } from './LoadError';
import { errorText } from '../api/errors';
import { TicketHistory } from '../history/TicketHistory';
import { applyDocumentLanguage } from '../i18n/index';
import { LanguageSelect } from './FileLanguageSelect';
import { calendarFor, setCalendarChoice, useCalendarChoice } from '../i18n/calendar';
import type { CalendarSystem } from '../../core/calendar';
import { CalendarPage } from '../calendar/CalendarPage';
import { OnCallPage } from '../oncall/OnCallPage';
import { AbsencesPage } from '../absences/AbsencesPage';
import { ForecastPage } from '../forecast/ForecastPage';
import { ReportsPage } from '../reports/ReportsPage';
import { RosterPage } from '../roster/RosterPage';
import { TemplatesPanel } from '../roster/TemplatesPanel';
import { PeoplePanel } from '../team/PeoplePanel';
import { TeamForm } from '../team/TeamForm';
import { HolidaysPanel } from '../team/HolidaysPanel';
import { FilePage } from '../file/FilePage';
import { DraftProvider } from '../roster/draftContext';
import { Welcome } from './Welcome';
import { IdSelect } from './IdSelect';

type View = 'roster' | 'calendar' | 'oncall' | 'absences' | 'forecast' | 'reports' | 'people' | 'templates' | 'team' | 'history' | 'file';
const VIEWS: View[] = ['roster', 'calendar', 'oncall', 'absences', 'forecast', 'reports', 'people', 'templates', 'team', 'history', 'file'];
const LAST_TEAM_KEY = 'rosterdesk.lastTeamId';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

export function App() {
  const { t, i18n } = useTranslation();
  const calendar = calendarFor(i18n.language as Language, useCalendarChoice());
  const teamsQuery = useApiQuery('team.list', {});
  const historyQuery = useApiQuery('history.state', {});
  const infoQuery = useApiQuery('app.info', {});
  // Teams in the window language's alphabetical order (the file's is by code point).
  const teamsByName = useByName(teamsQuery.data);
  const teams = teamsQuery.data ? teamsByName : teamsQuery.error ? [] : null;
  const history: HistoryState | null = historyQuery.data ?? null;
  // Why changes cannot be saved (another Rosterdesk has the file), or null.
  const readOnly = infoQuery.data?.readOnly ?? null;
  const readOnlyCause = infoQuery.data?.readOnlyCause ?? null;
  const [teamId, setTeamId] = useState<number | null>(() => Number(localStorage.getItem(LAST_TEAM_KEY)) || null);
  const [view, setView] = useState<View>('roster');
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // What the last change did, said politely at the bottom with Undo ("Saved" for forms too).
  const [notice, setNotice] = useState('');
  const [undoable, setUndoable] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onTablesChanged((tables, method) => {
      if (!isMethodName(method) || tables.every((x) => x === HISTORY_TABLE)) return;
      const label = (m: string) => t(`actions.${m}`, { defaultValue: m });
      if (method === 'history.undo' || method === 'history.redo') {
        setNotice(t(method === 'history.undo' ? 'toast.undone' : 'toast.redone'));
        setUndoable(false);
      } else if (contract[method].undo) {
        setNotice(t('toast.done', { action: label(method) }));
        setUndoable(true);
      } else return;
      clearTimeout(timer);
      timer = setTimeout(() => setNotice(''), 8000);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [t]);

  // Undo and redo report the tables they changed, like any call: the pages on screen refetch those.
  const step = useCallback(async (method: 'history.undo' | 'history.redo') => {
    try {
      await call(method, {});
      setError(null);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }, []);
  const undo = useCallback(() => step('history.undo'), [step]);
  const redo = useCallback(() => step('history.redo'), [step]);

  // Ctrl+Z / Ctrl+Y (and Cmd on macOS) undo plan changes; inside a text field they stay the field's own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditable(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // The native menu (Electron) sends the same commands.
  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command === 'undo') {
          if (isEditable(document.activeElement)) document.execCommand('undo');
          else void undo();
        } else if (command === 'redo') {
          if (isEditable(document.activeElement)) document.execCommand('redo');
          else void redo();
        } else if (command === 'file-changed') {
          everythingChanged();
        } else if (command === 'show-backups') {
          setView('file');
        }
      }),
    [undo, redo],
  );

  async function changeCalendar(next: CalendarSystem) {
    await call('settings.set', { calendar: next });
    setCalendarChoice(next);
  }

  async function changeLanguage(language: Language) {
    await call('settings.set', { language });
    await i18n.changeLanguage(language);
    applyDocumentLanguage(language);
  }

  const team = teams?.find((x) => x.id === teamId) ?? teams?.[0] ?? null;
  useEffect(() => {
    if (team) localStorage.setItem(LAST_TEAM_KEY, String(team.id));
  }, [team]);

  function selectTeam(created: Team) {
    setTeamId(created.id);
    setCreating(false);
    setView('roster');
  }

  const actionName = (action: string | null) => (action ? t(`actions.${action}`, { defaultValue: action }) : '');

  return (
    <div className="app">
      {/* First on the page: straight to the work (on the rota, to the grid's current cell). */}
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          const target = document.querySelector<HTMLElement>('#rota-grid [tabindex="0"]') ?? document.querySelector<HTMLElement>('#main-content');
          target?.focus();
        }}
      >
        {view === 'roster' ? t('roster.skipToGrid') : t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {teams && teams.length > 0 && (
          <label className="inline">
            <span>{t('header.team')}</span>
            <IdSelect items={teams} value={team?.id ?? ''} onPick={setTeamId} />
          </label>
        )}
        {teams && teams.length > 0 && (
          <button type="button" onClick={() => setCreating(true)}>
            {t('header.newTeam')}
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          aria-label={t('header.undo')}
          title={history?.canUndo ? t('header.undoWhat', { label: actionName(history.undoAction) }) : t('header.nothingToUndo')}
          disabled={!history?.canUndo}
          onClick={() => void undo()}
        >
          ↶ {t('header.undo')}
        </button>
        <button
          type="button"
          aria-label={t('header.redo')}
          title={history?.canRedo ? t('header.redoWhat', { label: actionName(history.redoAction) }) : t('header.nothingToRedo')}
          disabled={!history?.canRedo}
          onClick={() => void redo()}
        >
          ↷ {t('header.redo')}
        </button>
        <LanguageSelect label={t('header.language')} value={i18n.language as Language} onChange={(language) => void changeLanguage(language)} />
        {i18n.language === 'fa' && (
          <label className="inline">
            <span>{t('header.calendar')}</span>
            <select value={calendar} onChange={(e) => void changeCalendar(e.target.value as CalendarSystem)}>
              <option value="persian">{t('header.calendarPersian')}</option>
              <option value="gregorian">{t('header.calendarGregorian')}</option>
            </select>
          </label>
        )}
      </header>


      {readOnly && (
        <p role="alert" className="warning banner">
          {readOnlyCause === 'folder' ? t('file.readOnlyFolder') : readOnlyCause === 'disk_full' ? t('file.readOnlyDiskFull') : t('file.readOnlyBanner', { reason: readOnly })}
        </p>
      )}
      {error && (
        <p role="alert" className="error banner">
          {errorText(t, error)}
        </p>
      )}
      <LoadError errors={[teamsQuery.error, historyQuery.error, infoQuery.error]} />

      {teams === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : creating || !team ? (
        creating ? (
          <main>
            <TeamForm team={null} onSaved={selectTeam} onCancel={() => setCreating(false)} />
          </main>
        ) : (
          <main>
            <Welcome onTeam={selectTeam} />
          </main>
        )
      ) : (
        <>
          <nav aria-label={t('nav.label')} className="tabs">
            {VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                aria-current={view === v ? 'page' : undefined}
                onClick={() => setView(v)}
              >
                {t(`nav.${v}`)}
              </button>
            ))}
          </nav>
          <main id="main-content" tabIndex={-1} className={view === 'roster' ? 'wide' : undefined}>
            <DraftProvider key={team.id}>
            {view === 'roster' && <RosterPage team={team} />}
            {view === 'calendar' && <CalendarPage team={team} />}
            {view === 'oncall' && <OnCallPage team={team} />}
            {view === 'absences' && <AbsencesPage team={team} />}
            {view === 'forecast' && <ForecastPage team={team} />}
            {view === 'people' && <PeoplePanel team={team} />}
            {view === 'templates' && <TemplatesPanel team={team} />}
            {view === 'team' && (
              <>
                <TeamForm key={JSON.stringify(team)} team={team} onSaved={() => setNotice(t('team.saved'))} />
                <HolidaysPanel team={team} />
              </>
            )}
            {view === 'history' && <TicketHistory team={team} />}
            {view === 'reports' && <ReportsPage team={team} />}
            {view === 'file' && <FilePage />}
            </DraftProvider>
          </main>
        </>
      )}
      <div role="status" className="toast">
        {notice && (
          <>
            <span>{notice}</span>
            {undoable && history?.canUndo && (
              <button
                type="button"
                onClick={() => {
                  setNotice('');
                  void undo();
                }}
              >
                {t('header.undo')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
