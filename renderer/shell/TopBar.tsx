import { useTranslation } from 'react-i18next';
import type { CalendarSystem } from '../../core/calendar';
import type { HistoryState, Language } from '../../core/contract';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { calendarFor, setCalendarChoice, useCalendarChoice } from '../i18n/calendar';
import { applyDocumentLanguage } from '../i18n/index';
import { LanguageSelect } from './FileLanguageSelect';
import { IdSelect } from './IdSelect';

interface Props {
  /** The teams by name; null while they load. */
  teams: Team[] | null;
  team: Team | null;
  onTeam(id: number): void;
  onNewTeam(): void;
  history: HistoryState | null;
  undo(): void;
  redo(): void;
}

/** The window's top bar: the team, a new team, undo and redo (saying what they would undo), the language and, in Persian, the calendar. */
export function TopBar({ teams, team, onTeam, onNewTeam, history, undo, redo }: Props) {
  const { t, i18n } = useTranslation();
  const calendar = calendarFor(i18n.language as Language, useCalendarChoice());
  const actionName = (action: string | null) => (action ? t(`actions.${action}`, { defaultValue: action }) : '');

  async function changeCalendar(next: CalendarSystem) {
    await call('settings.set', { calendar: next });
    setCalendarChoice(next);
  }

  async function changeLanguage(language: Language) {
    await call('settings.set', { language });
    await i18n.changeLanguage(language);
    applyDocumentLanguage(language);
  }

  return (
    <header className="topbar">
      <h1>{t('app.title')}</h1>
      {teams && teams.length > 0 && (
        <label className="inline">
          <span>{t('header.team')}</span>
          <IdSelect items={teams} value={team?.id ?? ''} onPick={onTeam} />
        </label>
      )}
      {teams && teams.length > 0 && (
        <button type="button" onClick={onNewTeam}>
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
  );
}
