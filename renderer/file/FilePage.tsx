import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../core/contract';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';
import { FormError } from '../shell/FormError';
import { AboutPanel } from './AboutPanel';

type Backup = MethodOutput<'file.backups'>[number];

/**
 * The planner file: where it is, its backups (taken at open and daily), and
 * restoring one. A restore replaces the whole plan, so it asks first, inline, and
 * says where the plan as it was has been kept.
 */
export function FilePage() {
  const { t } = useTranslation();
  const infoQuery = useApiQuery('app.info', {});
  const backupsQuery = useApiQuery('file.backups', {});
  const info = infoQuery.data ?? null;
  const backups = backupsQuery.data ?? null;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // A backup writes a file beside the planner, not a table: its list is read again by hand.
  const { error, act } = useAction(backupsQuery.reload);

  const format = useFormat();
  const when = format.moment;

  const backupNow = () =>
    act(async () => {
      const { name } = await call('file.backup', {});
      setNotice(t('file.backedUp', { name }));
    });
  const restore = (b: Backup) =>
    act(async () => {
      const { safetyCopy } = await call('file.restore', { name: b.name });
      setConfirming(null);
      setNotice(t('file.restored', { when: when(b.takenAt), name: safetyCopy }));
    });

  return (
    <section aria-labelledby="file-heading" className="file-page">
      <h2 id="file-heading">{t('file.heading')}</h2>
      <LoadError errors={[infoQuery.error, backupsQuery.error]} />
      {info && (
        <p>
          {t('file.path')} <code dir="ltr" translate="no">{info.filePath}</code>
        </p>
      )}
      <h3 id="backups-heading">{t('file.backups')}</h3>
      <p className="muted">{t('file.backupsHint')}</p>
      <p>
        <button type="button" onClick={() => void backupNow()}>
          {t('file.backupNow')}
        </button>
      </p>
      <p role="status">{notice}</p>
      <FormError error={error} fieldCount={0} />
      {backups && backups.length === 0 && <p className="muted">{t('file.noBackups')}</p>}
      {backups && backups.length > 0 && (
        <table className="backups" aria-labelledby="backups-heading">
          <thead>
            <tr>
              <th scope="col">{t('file.takenAt')}</th>
              <th scope="col">{t('file.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('file.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>
                  <time dateTime={b.takenAt}>{when(b.takenAt)}</time>
                </td>
                <td className="nowrap">{format.size(b.bytes)}</td>
                <td>
                  {confirming === b.name ? (
                    <span role="group" aria-label={t('file.confirmLabel')}>
                      <span>{t('file.confirm', { when: when(b.takenAt) })}</span>{' '}
                      <button type="button" className="danger" onClick={() => void restore(b)}>
                        {t('file.restoreYes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)} autoFocus>
                        {t('file.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" disabled={Boolean(info?.readOnly)} aria-label={t('file.restoreFrom', { when: when(b.takenAt) })} onClick={() => setConfirming(b.name)}>
                      {t('file.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AboutPanel />
    </section>
  );
}
