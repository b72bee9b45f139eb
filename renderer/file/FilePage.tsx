import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { FormError } from '../shell/FormError';
import { AboutPanel } from './AboutPanel';
import { BackupsTable, type Backup } from './BackupsTable';
import { useNotice } from '../i18n/later';

/**
 * The planner file: where it is, its backups (taken at open and daily), and
 * restoring one (it asks first) and saying where the plan as it was has been kept.
 */
export function FilePage() {
  const { t } = useTranslation();
  const infoQuery = useApiQuery('app.info', {});
  const backupsQuery = useApiQuery('file.backups', {});
  const info = infoQuery.data ?? null;
  const backups = backupsQuery.data ?? null;
  const [notice, setNotice] = useNotice();
  // A backup writes a file beside the planner, not a table: its list is read again by hand.
  const { error, act } = useAction(backupsQuery.reload);

  const backupNow = () =>
    act(async () => {
      const { name } = await call('file.backup', {});
      setNotice((s) => s.t('file.backedUp', { name }));
    });
  const restore = (b: Backup) =>
    act(async () => {
      const { safetyCopy } = await call('file.restore', { name: b.name });
      setNotice((s) => s.t('file.restored', { when: s.fmt.moment(b.takenAt), name: safetyCopy }));
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
        <BackupsTable backups={backups} labelledBy="backups-heading" disabled={Boolean(info?.readOnly)} confirmText={(at) => t('file.confirm', { when: at })} onRestore={restore} />
      )}
      <AboutPanel />
    </section>
  );
}
