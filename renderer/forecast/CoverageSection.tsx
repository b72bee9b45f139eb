import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../core/contract';
import type { CoverageInterval, StaffingSettings } from '../../core/staffing';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { CoverageDaysTable } from './CoverageDaysTable';
import { CLOSED_BAR, CoverageChart, STATUS_COLOR } from './CoverageChart';
import { IntervalExplain } from './IntervalExplain';
import { closedAllDay, intervalEnd } from './weekMath';

interface Props {
  coverage: MethodOutput<'coverage.range'>;
  channel: string;
  intervalMinutes: number;
  /** The day the interval chart shows. */
  shownDay: string;
  /** The interval explained below the chart. */
  selected: CoverageInterval | null;
  onPickDay(day: string): void;
  onSelect(interval: CoverageInterval | null): void;
  settings: StaffingSettings | null;
  /** Takes the lead to the channel's opening hours, where the channel has them; null: no link. */
  goToHours: (() => void) | null;
}

/** Requirement against the rota: a day's intervals as a chart (one picked is explained), the week's days, and the short intervals. */
export function CoverageSection({ coverage, channel, intervalMinutes, shownDay, selected, onPickDay, onSelect, settings, goToHours }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const intervals = coverage.intervals;
  const dayIntervals = intervals.filter((x) => x.start.slice(0, 10) === shownDay);
  const maxAgents = Math.max(1, ...intervals.map((x) => Math.max(x.onShift, x.required)));
  const endOf = (x: CoverageInterval) => intervalEnd(x, intervals, intervalMinutes);
  const outside = coverage.outsideHours.find((o) => o.channel === channel) ?? null;
  const under = intervals.filter((x) => x.open && x.status === 'under');
  // Callers hang up only with a patience (Erlang A): only then is there a share of hang-ups to show.
  const withPatience = settings?.model === 'erlang' && settings.patienceSeconds !== null;
  const legend: [string, string | null, string][] = [
    ['forecast.status.under', STATUS_COLOR.under, 'swatch'],
    ['forecast.status.ok', STATUS_COLOR.ok, 'swatch'],
    ['forecast.status.over', STATUS_COLOR.over, 'swatch'],
    ['forecast.required', null, 'swatch line'],
    ['forecast.closedHours', null, 'swatch closed'],
    ['forecast.onShiftClosed', CLOSED_BAR, 'swatch'],
  ];

  return (
    <>
      <h3>{t('forecast.coverageTitle')}</h3>
      <p className="muted small">{t('forecast.coverageHint')}</p>
      {outside && outside.contacts > 0 && (
        <p className="outside-notice">
          {t('forecast.outsideHours', { count: Math.round(outside.contacts), contacts: fmt.number(outside.contacts, 0), channel: names.channel(channel) })}
          {goToHours && (
            <button type="button" className="link" onClick={goToHours}>
              {t('forecast.editHours')}
            </button>
          )}
        </p>
      )}
      <div className="day-picker" role="group" aria-label={t('forecast.dayPicker')}>
        {coverage.days.map((d) => {
          const closed = closedAllDay(intervals, d.day);
          return (
            <button key={d.day} type="button" aria-pressed={d.day === shownDay} onClick={() => onPickDay(d.day)}>
              <span>
                {fmt.weekday(d.day)} {fmt.dayMonth(d.day)}
              </span>{' '}
              <span className={d.underIntervals ? 'day-state short' : 'day-state'}>
                {closed ? t('forecast.closed') : d.underIntervals ? t('forecast.shortCount', { count: d.underIntervals, n: fmt.number(d.underIntervals) }) : t('forecast.allCovered')}
              </span>
            </button>
          );
        })}
      </div>
      <h4 className="chart-day">{fmt.dayLong(shownDay)}</h4>
      <CoverageChart intervals={dayIntervals} maxAgents={maxAgents} selected={selected?.start ?? null} onSelect={(start) => onSelect(intervals.find((x) => x.start === start) ?? null)} dayName={fmt.dayLong(shownDay)} channel={channel} endOf={endOf} />
      <ul className="chart-legend small">
        {legend.map(([key, color, swatch]) => (
          <li key={key}>
            <span className={swatch} style={color ? { backgroundColor: color } : undefined} aria-hidden="true" />
            {t(key)}
          </li>
        ))}
      </ul>
      {selected && <IntervalExplain interval={selected} end={endOf(selected)} settings={settings} />}
      <CoverageDaysTable days={coverage.days} intervals={intervals} withPatience={withPatience} />
      {under.length > 0 && (
        <details>
          <summary>{t('forecast.underList', { count: under.length, n: fmt.number(under.length) })}</summary>
          <ul>
            {under.map((x) => (
              <li key={x.start}>
                <button type="button" className="link" onClick={() => onSelect(x)}>
                  {fmt.dayLong(x.start.slice(0, 10))} {fmt.clock(x.start.slice(11, 16))}: {t('forecast.shortBy', { onShift: fmt.number(x.onShift, 1), required: fmt.number(x.required) })}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
