import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalDavTarget, Language, ServerChange } from '../../core/contract';
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
import { useFormat } from '../format';
import { useNotice } from '../i18n/later';

interface Props {
  team: Team;
  weekStart: string;
}

type PublishInput = { targetId: number; from: string; to: string; password: string; language: Language; remember?: boolean };

/** Events edited on the server that the last publish left alone, and the call that would overwrite them. */
interface Pending {
  target: CalDavTarget;
  input: PublishInput;
  changes: ServerChange[];
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
  const [notice, setNotice] = useNotice();
  const [pending, setPending] = useState<Pending | null>(null);
  const fmt = useFormat();
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

  /**
   * Publishes; with `force` (the user confirmed), events edited on the server are overwritten too.
   * The confirmation repeats the same call, password included: the field is empty by then.
   */
  async function send(target: CalDavTarget, input: PublishInput, force: boolean) {
    setNotice(null);
    setPending(null);
    await act(async () => {
      // `remember` keeps a password that worked in the desktop app's keychain; browser mode has none and ignores it.
      const r = await call('caldav.publish', { ...input, force });
      setPasswords((p) => ({ ...p, [target.id]: '' }));
      setNotice((s) => s.t('publish.done', { url: target.url, created: r.created, updated: r.updated, deleted: r.deleted, unchanged: r.unchanged }));
      if (r.changedOnServer.length > 0) setPending({ target, input, changes: r.changedOnServer });
    });
  }

  function publish(target: CalDavTarget) {
    const input: PublishInput = { targetId: target.id, from, to, password: passwords[target.id] ?? '', language: language ?? uiLanguage, ...(remember[target.id] ? { remember: true } : {}) };
    return send(target, input, false);
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
      {pending && (
        <div role="group" aria-labelledby="publish-changed" className="warning publish-changed">
          <p id="publish-changed">{t('publish.changedOnServer', { count: pending.changes.length })}</p>
          <ul>
            {pending.changes.map((c) => (
              <li key={c.uid}>
                {fmt.day(c.day)} · <bdi>{c.summary ?? t('publish.removedFromPlan')}</bdi>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void send(pending.target, pending.input, true)}>
            {t('publish.overwrite')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('publish.keep')}
          </button>
        </div>
      )}
    </section>
  );
}
