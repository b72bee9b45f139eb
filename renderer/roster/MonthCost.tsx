import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { Temporal } from '../../core/time';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';

/**
 * Paid hours and labour cost per person and for the team over the calendar month of a day. Folded
 * until opened, and read and drawn only when open: for a team of 1 000 it is 1 000 rows, which
 * each new week would otherwise fetch and render out of sight.
 */
export function MonthCost({ team, day }: { team: Team; day: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const from = Temporal.PlainDate.from(day).with({ day: 1 }).toString();
  const month = fmt.month(from);
  return (
    <details className="month-cost" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('roster.monthCost', { month })}</summary>
      {open && <MonthTable team={team} from={from} label={t('roster.monthCost', { month })} />}
    </details>
  );
}

function MonthTable({ team, from, label }: { team: Team; from: string; label: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const to = Temporal.PlainDate.from(from).add({ months: 1 }).subtract({ days: 1 }).toString();
  const query = useApiQuery('roster.costs', { teamId: team.id, from, to, by: 'month' });
  const rows = query.data ?? [];
  return (
    <>
      <LoadError errors={[query.error]} />
      <table className="numbers" aria-label={label}>
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
    </>
  );
}
