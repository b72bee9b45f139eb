import { useTranslation } from 'react-i18next';
import type { AbsenceStatsRow } from '../../core/absence';
import { useFormat } from '../format';

/**
 * Absence statistics per person and for the team, as the Absences tab and Reports both show
 * them: the rows of absence.stats (each person's own working days), formatted in one place.
 */
export function AbsenceStatsTable({ rows, caption }: { rows: readonly AbsenceStatsRow[]; caption: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const percent = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <table className="numbers" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('people.name')}</th>
          <th scope="col" title={t('absences.workingDaysHint')}>
            {t('absences.workingDays')}
          </th>
          <th scope="col">{t('absences.absentDays')}</th>
          <th scope="col">{t('absences.rate')}</th>
          <th scope="col">{t('absences.sickDays')}</th>
          <th scope="col">{t('absences.sickSpells')}</th>
          <th scope="col" title={t('absences.bradfordHint')}>
            {t('absences.bradford')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.personId ?? 'team'} className={r.personId === null ? 'total' : undefined}>
            <th scope="row">{r.personName}</th>
            <td>{fmt.number(r.workingDays, 1)}</td>
            <td>{fmt.number(r.absentDays, 1)}</td>
            <td>{percent.format(r.rate)}</td>
            <td>{fmt.number(r.sickDays, 1)}</td>
            <td>{fmt.number(r.sickSpells)}</td>
            <td>{fmt.number(r.bradford, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
