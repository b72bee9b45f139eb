import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryState } from '../../core/contract';
import type { Team } from '../../core/team';
import { errorText } from '../api/errors';
import { useApiQuery } from '../api/queries';
import { useByName } from '../collate';
import { DraftProvider } from '../roster/draftContext';
import { TeamForm } from '../team/TeamForm';
import { LoadError } from './LoadError';
import { TopBar } from './TopBar';
import { useChangeNotice } from './useChangeNotice';
import { useUndoRedo } from './useUndoRedo';
import { ViewPage, VIEWS, type View } from './ViewPage';
import { Welcome } from './Welcome';

const LAST_TEAM_KEY = 'rosterdesk.lastTeamId';

export function App() {
  const { t } = useTranslation();
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
  // What the last change did, said politely at the bottom with Undo ("Saved" for forms too).
  const { notice, say, undoable } = useChangeNotice();
  const showBackups = useCallback(() => setView('file'), []);
  const { error, undo, redo } = useUndoRedo(showBackups);

  const team = teams?.find((x) => x.id === teamId) ?? teams?.[0] ?? null;
  useEffect(() => {
    if (team) localStorage.setItem(LAST_TEAM_KEY, String(team.id));
  }, [team]);

  function selectTeam(created: Team) {
    setTeamId(created.id);
    setCreating(false);
    setView('roster');
  }

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
      <TopBar teams={teams} team={team} onTeam={setTeamId} onNewTeam={() => setCreating(true)} history={history} undo={() => void undo()} redo={() => void redo()} />

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
              <button key={v} type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                {t(`nav.${v}`)}
              </button>
            ))}
          </nav>
          <main id="main-content" tabIndex={-1} className={view === 'roster' ? 'wide' : undefined}>
            <DraftProvider key={team.id}>
              <ViewPage view={view} team={team} onTeamSaved={() => say((s) => s.t('team.saved'))} />
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
                  say(null);
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
