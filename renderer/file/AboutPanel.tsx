import { useTranslation } from 'react-i18next';
import { CREDITS } from '../../core/credits';

/**
 * About Rosterdesk: the libraries and data it ships, with their licences. The desktop app has
 * Help › About too; browser mode has no native menu, so this is where everyone finds it.
 */
export function AboutPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="about-heading" className="about">
      <h3 id="about-heading">{t('about.title')}</h3>
      <p>{t('about.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('about.library')}</th>
            <th scope="col">{t('about.use')}</th>
            <th scope="col">{t('about.licence')}</th>
          </tr>
        </thead>
        <tbody>
          {CREDITS.map((c) => (
            <tr key={c.id}>
              <th scope="row" dir="ltr" translate="no">
                {c.name}
              </th>
              <td>{t(`about.what.${c.id}`)}</td>
              <td dir="ltr" translate="no">
                {c.licence}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {t('about.holidayData')}{' '}
        <span dir="ltr" translate="no">
          CC BY 3.0 (LICENSE: CC BY-SA 3.0)
        </span>
      </p>
      <p className="muted small">{t('about.noticesFile')}</p>
    </section>
  );
}
