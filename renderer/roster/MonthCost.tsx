import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { Temporal } from '../../core/time';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';

/** Paid hours and labour cost per person and for the team over the calendar month of a day. */
export function MonthCost({ team, day }: { team: Team; day: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const first = Temporal.PlainDate.from(day).with({ day: 1 });
  const from = first.toString();
  const to = first.add({ months: 1 }).subtract({ days: 1 }).toString();

  const query = useApiQuery('roster.costs', { teamId: team.id, from, to, by: 'month' });
  const rows = query.data ?? [];

  const month = fmt.month(from);
  return (
    <details className="month-cost">
      <summary>{t('roster.monthCost', { month })}</summary>
      <LoadError errors={[query.error]} />
      <table className="numbers" aria-label={t('roster.monthCost', { month })}>
        <thead>
          <tr>
            <th scope="col">{t('roster.person')}</th>
            <th scope="col">{t('roster.hours')}</th>
            <th scope="col">{t('roster.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.personId ?? 'team'}`} className={r.personId === null ? 'total' : undefined}>
              <th scope="row">{r.personId === null ? t('roster.monthTotal') : r.personName}</th>
              <td>{t('roster.hoursValue', { hours: fmt.number(r.paidMinutes / 60, 2), contract: fmt.number(r.expectedMinutes / 60, 1) })}</td>
              <td>{fmt.money(r.cost, team.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
