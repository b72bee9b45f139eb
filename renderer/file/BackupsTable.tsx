import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../core/contract';
import { useFormat } from '../format';

export type Backup = MethodOutput<'file.backups'>[number];

/**
 * A planner's backups, newest first, each with Restore. A restore replaces the whole plan, so it
 * asks first, inline. Shared by the File page and the screen of a planner refused as damaged.
 */
export function BackupsTable({ backups, labelledBy, disabled, confirmText, onRestore }: { backups: readonly Backup[]; labelledBy: string; disabled: boolean; confirmText: (when: string) => string; onRestore: (b: Backup) => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = format.moment;
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <table className="backups" aria-labelledby={labelledBy}>
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
                  <span>{confirmText(when(b.takenAt))}</span>{' '}
                  <button type="button" className="danger" onClick={() => void onRestore(b).then(() => setConfirming(null))}>
                    {t('file.restoreYes')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)} autoFocus>
                    {t('file.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" disabled={disabled} aria-label={t('file.restoreFrom', { when: when(b.takenAt) })} onClick={() => setConfirming(b.name)}>
                  {t('file.restore')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
