import { useTranslation } from 'react-i18next';
import type { CoverageDay, CoverageInterval } from '../../core/staffing';
import { useFormat } from '../format';
import { durationFormatter } from './duration';
import { percentFormatter } from './percent';
import { closedAllDay } from './weekMath';

interface Props {
  days: readonly CoverageDay[];
  intervals: readonly CoverageInterval[];
  /** Callers hang up only with a patience (Erlang A): only then is there a column of hang-ups. */
  withPatience: boolean;
}

/** The week's coverage day by day: volume in and outside hours, predicted service, and how many intervals are short. */
export function CoverageDaysTable({ days, intervals, withPatience }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const wait = durationFormatter(fmt.locale);
  const percent = percentFormatter(fmt.locale);
  return (
    <table className="numbers" aria-label={t('forecast.daysTitle')}>
      <caption>{t('forecast.daysTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('forecast.day')}</th>
          <th scope="col">{t('forecast.volume')}</th>
          <th scope="col">{t('forecast.outsideVolume')}</th>
          <th scope="col">{t('forecast.predictedSl')}</th>
          {withPatience && <th scope="col">{t('forecast.abandonRate')}</th>}
          <th scope="col">{t('forecast.asa')}</th>
          <th scope="col">{t('forecast.occupancy')}</th>
          <th scope="col">{t('forecast.underCount')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => {
          const closed = closedAllDay(intervals, d.day);
          return (
            <tr key={d.day} className={d.underIntervals ? 'short' : undefined}>
              <th scope="row">{fmt.dayLong(d.day)}</th>
              <td>{fmt.number(d.volume)}</td>
              <td>{fmt.number(d.outsideHoursVolume)}</td>
              {closed ? (
                <td className="closed">{t('forecast.closed')}</td>
              ) : (
                <td>{percent(d.serviceLevel)}</td>
              )}
              {withPatience && <td>{closed ? '–' : percent(d.abandonRate)}</td>}
              <td>{d.asa === null ? '–' : wait(d.asa)}</td>
              <td>{percent(d.occupancy)}</td>
              <td>{fmt.number(d.underIntervals)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
