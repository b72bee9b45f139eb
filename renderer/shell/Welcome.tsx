import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { call, CallError } from '../api/client';
import { errorText } from '../api/errors';
import { TeamForm } from '../team/TeamForm';

/** First run: the file has no team yet. Offer the demo, or a team of one's own. */
export function Welcome({ onTeam }: { onTeam(team: Team): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function openDemo() {
    setBusy(true);
    try {
      onTeam(await call('demo.create', {}));
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="welcome">
      <section className="card hero">
        <h2>{t('welcome.title')}</h2>
        <p>{t('welcome.intro')}</p>
        <button type="button" className="primary big" disabled={busy} onClick={() => void openDemo()}>
          {t('welcome.demo')}
        </button>
        <p className="muted">{t('welcome.demoHint')}</p>
        {error && (
          <p role="alert" className="error">
            {errorText(t, error)}
          </p>
        )}
      </section>
      <h2 className="or">{t('welcome.own')}</h2>
      <section className="explain" aria-labelledby="steps-title">
        <h3 id="steps-title" style={{ marginBlock: '0 0.25rem' }}>
          {t('welcome.stepsTitle')}
        </h3>
        <ol style={{ marginBlock: 0 }}>
          <li>{t('welcome.step1')}</li>
          <li>{t('welcome.step2')}</li>
          <li>{t('welcome.step3')}</li>
        </ol>
      </section>
      <TeamForm team={null} onSaved={onTeam} />
    </div>
  );
}
