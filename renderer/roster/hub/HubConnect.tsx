import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/contract';
import type { Team } from '../../../core/team';
import { call } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { useAction } from '../../api/useAction';
import { Field } from '../../shell/Field';
import { FormError } from '../../shell/FormError';

type Connected = MethodOutput<'hub.connect'>;

/**
 * A connect whose account leads several hub teams (answered with no link, only the teams): the
 * lead picks which one this team is, and the same connect goes again with that team. The password stays in memory for that second call
 * only, since the hub wants it with every sign-in and the planner never keeps it.
 */
export interface PendingChoice {
  url: string;
  email: string;
  password: string;
  teams: Connected['teams'];
  /** The team the choice starts on. */
  current: number;
}

/** "Connect to a hub": the hub's address, the lead's account and password. */
export function HubConnectForm({ team, onConnected, onChoose }: { team: Team; onConnected(link: NonNullable<Connected['link']>): void; onChoose(choice: PendingChoice): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, act } = useAction();
  const errors = fieldErrors(error);

  async function connect(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await act(async () => {
      const input = { teamId: team.id, url: url.trim(), email: email.trim(), password, hubTeamId: null };
      const answer = await call('hub.connect', input);
      setPassword('');
      // No link yet: the account leads several hub teams and the hub cannot know which one this is.
      if (answer.link === null) onChoose({ url: input.url, email: input.email, password, teams: answer.teams, current: answer.teams[0]?.id ?? 0 });
      else onConnected(answer.link);
    }).finally(() => setBusy(false));
  }

  return (
    // The contract checks the fields and says what is wrong in the window's language; the browser's own checks would not.
    <form className="hub-connect" aria-labelledby="hub-connect-title" noValidate onSubmit={(e) => void connect(e)}>
      <h4 id="hub-connect-title">{t('hubLink.connectTitle')}</h4>
      <Field label={t('hubLink.url')} error={errors.get('url')}>
        {(p) => <input {...p} type="url" dir="ltr" required autoComplete="url" placeholder="https://hub.example.com" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <Field label={t('hubLink.email')} error={errors.get('email')}>
        {(p) => <input {...p} type="email" dir="ltr" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label={t('hubLink.password')} error={errors.get('password')} hint={t('hubLink.passwordHint')}>
        {(p) => <input {...p} type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('hubLink.connect')}
        </button>
      </div>
      <FormError error={error} fieldCount={errors.size} />
    </form>
  );
}

/** Which of the account's hub teams this team publishes to. */
export function HubTeamChoice({ team, choice, onConnected, onCancel }: { team: Team; choice: PendingChoice; onConnected(link: NonNullable<Connected['link']>): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [hubTeamId, setHubTeamId] = useState(choice.current);
  const [busy, setBusy] = useState(false);
  const { error, act } = useAction();

  async function link(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await act(async () => {
      const answer = await call('hub.connect', { teamId: team.id, url: choice.url, email: choice.email, password: choice.password, hubTeamId });
      if (answer.link) onConnected(answer.link);
    }).finally(() => setBusy(false));
  }

  return (
    <form className="hub-connect" aria-labelledby="hub-choose-title" onSubmit={(e) => void link(e)}>
      <h4 id="hub-choose-title">{t('hubLink.chooseTitle')}</h4>
      <p>{t('hubLink.chooseHelp', { team: team.name })}</p>
      <Field label={t('hubLink.hubTeam')}>
        {(p) => (
          <select {...p} value={hubTeamId} onChange={(e) => setHubTeamId(Number(e.target.value))}>
            {choice.teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('hubLink.useTeam')}
        </button>
        {/* Nothing is linked until a team is chosen, so going back loses nothing. */}
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <FormError error={error} fieldCount={0} />
    </form>
  );
}
