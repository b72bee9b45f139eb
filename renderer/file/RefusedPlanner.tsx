import { useTranslation } from 'react-i18next';
import type { Language, MethodOutput } from '../../core/contract';
import { call } from '../api/client';
import { useAction } from '../api/useAction';
import { applyDocumentLanguage } from '../i18n/index';
import { FormError } from '../shell/FormError';
import { LanguageSelect } from '../shell/FileLanguageSelect';
import { BackupsTable, type Backup } from './BackupsTable';

type Refusal = NonNullable<MethodOutput<'file.refusal'>>;

/**
 * What the window shows instead of the app when its planner was refused as damaged: why, and the
 * file's backups, any of which can be put in its place right here (the damaged file is kept aside
 * byte for byte). Once restored, the window opens the planner as usual.
 */
export function RefusedPlanner({ refusal }: { refusal: Refusal }) {
  const { t, i18n } = useTranslation();
  const { error, act } = useAction();
  const restore = (b: Backup) =>
    act(async () => {
      await call('file.restoreDamaged', { name: b.name });
      window.location.reload();
    });
  const changeLanguage = async (language: Language) => {
    await i18n.changeLanguage(language);
    applyDocumentLanguage(language);
  };
  return (
    <>
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <LanguageSelect label={t('header.language')} value={i18n.language as Language} onChange={(language) => void changeLanguage(language)} />
      </header>
      <main className="file-page refused">
        <h2 id="refused-heading">{t('file.refusedHeading')}</h2>
        <p>
          {t('file.refusedDamaged')} <code dir="ltr" translate="no">{refusal.filePath}</code>
        </p>
        {refusal.backups.length > 0 ? (
          <>
            <h3 id="refused-backups">{t('file.refusedBackups')}</h3>
            <p className="muted">{t('file.refusedHint')}</p>
            <FormError error={error} fieldCount={0} />
            <BackupsTable backups={refusal.backups} labelledBy="refused-backups" disabled={false} confirmText={(when) => t('file.refusedConfirm', { when })} onRestore={restore} />
          </>
        ) : (
          <p>{t('file.refusedNoBackups')}</p>
        )}
        <details>
          <summary>{t('file.refusedDetails')}</summary>
          <p dir="ltr" translate="no">
            {refusal.reason}
          </p>
        </details>
      </main>
    </>
  );
}
