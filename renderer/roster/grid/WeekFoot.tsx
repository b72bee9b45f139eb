import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '../../../core/contract';
import { useFormat } from '../../format';
import { useBuiltinNames } from '../../i18n/useBuiltinNames';

const channelsOf = (week: RosterWeek) => [...new Set(week.coverage.map((c) => c.channel))].sort();

/** How many rows the foot has: one per channel, the on-call row when anyone is on call, the totals. */
export const footRowCount = (week: RosterWeek) => channelsOf(week).length + (week.onCall.length > 0 ? 1 : 0) + 1;

/**
 * The grid's foot: people on shift per channel and day, who is on call each day, the week's totals.
 * `firstRowIndex` is its first row's aria-rowindex (after the head and every person, in view or not).
 */
export function WeekFoot({ week, firstRowIndex }: { week: RosterWeek; firstRowIndex: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const days = week.days.map((d) => d.day);
  const channels = channelsOf(week);
  const coverage = (day: string, channel: string) => week.coverage.find((c) => c.day === day && c.channel === channel)?.people ?? 0;
  return (
    <tfoot>
      {channels.map((channel, i) => (
        <tr role="row" key={channel} aria-rowindex={firstRowIndex + i}>
          <th role="rowheader" scope="row" className="who">
            {t('roster.onShift', { channel: names.channel(channel) })}
          </th>
          {days.map((day) => (
            <td role="gridcell" key={day} className="count">
              {fmt.number(coverage(day, channel))}
            </td>
          ))}
          <td role="gridcell" />
          <td role="gridcell" />
        </tr>
      ))}
      {week.onCall.length > 0 && (
        <tr role="row" aria-rowindex={firstRowIndex + channels.length}>
          <th role="rowheader" scope="row" className="who">
            {t('roster.onCallRow')}
          </th>
          {days.map((day) => (
            <td role="gridcell" key={day} className="oncall-names">
              {[...new Set(week.onCall.filter((b) => b.day === day).map((b) => b.person))].join(', ')}
            </td>
          ))}
          <td role="gridcell" />
          <td role="gridcell" />
        </tr>
      )}
      <tr role="row" aria-rowindex={firstRowIndex + channels.length + (week.onCall.length > 0 ? 1 : 0)}>
        <th role="rowheader" scope="row" className="who">
          {t('roster.total')}
        </th>
        {days.map((day) => (
          <td role="gridcell" key={day} />
        ))}
        <td role="gridcell" className="hours">
          {fmt.number(week.totals.paidMinutes / 60, 2)}
        </td>
        <td role="gridcell" className="money">
          {fmt.money(week.totals.cost, week.currency)}
        </td>
      </tr>
    </tfoot>
  );
}
