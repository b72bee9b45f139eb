import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalDavTarget, Language } from '../../core/contract';
import type { Team } from '../../core/team';
import { Temporal } from '../../core/time';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { fieldErrors } from '../api/errors';
import { useAction } from '../api/useAction';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { useWhoNames, WhoSelect, whoIds, whoOf, type Who } from './WhoSelect';
import { DateRangeFields } from '../shell/DateRangeFields';
import { FileLanguageSelect, useUiLanguage } from '../shell/FileLanguageSelect';

interface Props {
  team: Team;
  weekStart: string;
}

/**
 * Publishing to a calendar server (CalDAV: Nextcloud, Radicale, iCloud…): saved places, each
 * published on demand with the password typed then. The desktop app can remember the password
 * in the system keychain; the planner file never holds it.
 */
export function PublishPanel({ team, weekStart }: Props) {
  const { t } = useTranslation();
  const targetsQuery = useApiQuery('caldav.list', { teamId: team.id });
  const targets = targetsQuery.data ?? [];
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [who, setWho] = useState<Who>('team');
  const [absences, setAbsences] = useState(false);
  const [from, setFrom] = useState(weekStart);
  const [to, setTo] = useState(() => Temporal.PlainDate.from(weekStart).add({ weeks: 8 }).subtract({ days: 1 }).toString());
  const [passwords, setPasswords] = useState<Record<number, string>>({});
  const [remember, setRemember] = useState<Record<number, boolean>>({});
  const uiLanguage = useUiLanguage();
  const [language, setLanguage] = useState<Language | null>(null);
  const [notice, setNotice] = useState('');
  const { error, act } = useAction();
  const errors = fieldErrors(error);
  const nameOf = useWhoNames(team.id);
  // Only the desktop app has a keychain to remember a password in.
  const canRemember = window.rosterdesk !== undefined;

  async function add() {
    await act(async () => {
      await call('caldav.save', { teamId: team.id, url: url.trim(), username: username.trim(), ...whoIds(who), absences });
      setUrl('');
      setUsername('');
    });
  }

  async function publish(target: CalDavTarget) {
    setNotice('');
    const password = passwords[target.id] ?? '';
    await act(async () => {
      const input = { targetId: target.id, from, to, password, language: language ?? uiLanguage };
      // `remember` is read (and removed) by the desktop app's main process, never by the service.
      const r = await call('caldav.publish', remember[target.id] ? ({ ...input, remember: true } as typeof input) : input);
      setPasswords((p) => ({ ...p, [target.id]: '' }));
      setNotice(t('publish.done', { url: target.url, created: r.created, updated: r.updated, deleted: r.deleted, unchanged: r.unchanged }));
    });
  }

  return (
    <section aria-labelledby="publish-title" className="publish">
      <h3 id="publish-title">{t('publish.title')}</h3>
      <p className="muted small">{t('publish.help')}</p>
      <div className="toolbar">
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} labels={{ from: t('calendarFile.from'), to: t('calendarFile.to') }} names={{ from: t('publish.from'), to: t('publish.to') }} weekStart={team.weekStart} />
        <FileLanguageSelect value={language} onChange={setLanguage} />
      </div>
      {targets.length > 0 && (
        <ul className="publish-targets">
          {targets.map((target) => (
            <li key={target.id}>
              <span dir="ltr">{target.url}</span> · {target.username} · {nameOf(whoOf(target.personId, target.rotationId))}
              {target.absences ? ` · ${t('calendarFile.absences')}` : ''}{' '}
              <input
                type="password"
                autoComplete="current-password"
                aria-label={t('publish.passwordFor', { url: target.url })}
                placeholder={canRemember ? t('publish.passwordRemembered') : t('publish.password')}
                value={passwords[target.id] ?? ''}
                onChange={(e) => setPasswords((p) => ({ ...p, [target.id]: e.target.value }))}
              />{' '}
              {canRemember && (
                <label className="check">
                  <input type="checkbox" checked={remember[target.id] ?? false} onChange={(e) => setRemember((r) => ({ ...r, [target.id]: e.target.checked }))} />
                  {t('publish.remember')}
                </label>
              )}{' '}
              <button type="button" onClick={() => void publish(target)}>
                {t('publish.publish')}
              </button>{' '}
              <button type="button" onClick={() => void act(() => call('caldav.delete', { id: target.id }))}>
                {t('publish.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <Field label={t('publish.url')} error={errors.get('url')}>
          {(p) => <input {...p} type="url" dir="ltr" placeholder="https://cloud.example.com/remote.php/dav/calendars/ayse/rota/" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label={t('publish.user')} error={errors.get('username')}>
          {(p) => <input {...p} dir="ltr" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <WhoSelect teamId={team.id} value={who} onChange={setWho} label={t('publish.who')} />
        <label className="check">
          <input type="checkbox" checked={absences} disabled={who.startsWith('rotation')} onChange={(e) => setAbsences(e.target.checked)} />
          {t('calendarFile.absences')}
        </label>
        <button type="button" onClick={() => void add()}>
          {t('publish.add')}
        </button>
      </div>
      <FormError error={error} fieldCount={errors.size} />
      <LoadError errors={[targetsQuery.error]} />
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
