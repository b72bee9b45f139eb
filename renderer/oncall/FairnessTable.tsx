import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../core/contract';
import { useFormat } from '../format';

/** How the range's on-call load falls on each person of a rotation: hours, nights, weekend days, holidays. */
export function FairnessTable({ rows, rangeText }: { rows: MethodOutput<'oncall.fairness'>; rangeText: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <table className="numbers fairness" aria-label={t('oncall.fairnessRange', { range: rangeText })}>
      <caption>{t('oncall.fairnessRange', { range: rangeText })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('people.name')}</th>
          <th scope="col">{t('oncall.fairHours')}</th>
          <th scope="col">{t('oncall.fairNights')}</th>
          <th scope="col">{t('oncall.fairWeekend')}</th>
          <th scope="col">{t('oncall.fairHolidays')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((x) => (
          <tr key={x.personId}>
            <th scope="row">{x.person}</th>
            <td>{fmt.number(x.hours, 1)}</td>
            <td>{fmt.number(x.nights)}</td>
            <td>{fmt.number(x.weekendDays)}</td>
            <td>{fmt.number(x.holidays)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
