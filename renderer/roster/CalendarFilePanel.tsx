import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract';
import type { Team } from '../../core/team';
import { Temporal } from '../../core/time';
import { call } from '../api/client';
import { saveFile } from '../api/download';
import { useAction } from '../api/useAction';
import { FormError } from '../shell/FormError';
import { PublishPanel } from './PublishPanel';
import { HubPanel } from './hub/HubPanel';
import { WhoSelect, whoIds, type Who } from './WhoSelect';
import { DateRangeFields } from '../shell/DateRangeFields';
import { FileLanguageSelect, useUiLanguage } from '../shell/FileLanguageSelect';
import { useNotice } from '../i18n/later';

interface Props {
  team: Team;
  weekStart: string;
  /** Raised to bring the department hub's part of the panel into view (the rota's menu item). */
  hubFocus: number;
}

/**
 * "Calendar file": the team's shifts, one person's (with on-call and, if chosen, leave), or an
 * on-call rotation's turns, for any dates, as an .ics file people import into their calendar.
 * Importing a newer file updates the events instead of doubling them.
 */
export function CalendarFilePanel({ team, weekStart, hubFocus }: Props) {
  const { t } = useTranslation();
  const [who, setWho] = useState<Who>('team');
  const [from, setFrom] = useState(weekStart);
  const [to, setTo] = useState(() => Temporal.PlainDate.from(weekStart).add({ days: 27 }).toString());
  const [absences, setAbsences] = useState(true);
  // The file's words and built-in names: the window's language unless the lead picks another.
  const uiLanguage = useUiLanguage();
  const [language, setLanguage] = useState<Language | null>(null);
  const [notice, setNotice] = useNotice();
  const { error, act } = useAction(() => undefined);

  async function download() {
    setNotice(null);
    const ids = whoIds(who);
    await act(async () => {
      const file = await call('calendar.export', { teamId: team.id, from, to, ...ids, absences: ids.rotationId === null && absences, language: language ?? uiLanguage });
      saveFile(file);
      setNotice((s) => s.t('calendarFile.saved', { count: file.events, filename: file.filename }));
    });
  }

  return (
    <div className="panel-body">
      <p className="muted small">{t('calendarFile.help')}</p>
      <div className="toolbar">
        <WhoSelect teamId={team.id} value={who} onChange={setWho} label={t('calendarFile.who')} />
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} labels={{ from: t('calendarFile.from'), to: t('calendarFile.to') }} weekStart={team.weekStart} />
        <label className="check">
          <input type="checkbox" checked={absences} disabled={who.startsWith('rotation')} onChange={(e) => setAbsences(e.target.checked)} />
          {t('calendarFile.absences')}
        </label>
        <FileLanguageSelect value={language} onChange={setLanguage} />
        <button type="button" onClick={() => void download()}>
          {t('calendarFile.download')}
        </button>
      </div>
      <FormError error={error} fieldCount={0} />
      {notice && <p role="status">{notice}</p>}
      <PublishPanel team={team} weekStart={weekStart} />
      <HubPanel team={team} focusKey={hubFocus} />
    </div>
  );
}
