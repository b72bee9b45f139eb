import { useTranslation } from 'react-i18next';
import type { CoverageInterval, StaffingSettings } from '../../core/staffing';
import { useFormat } from '../format';
import { durationFormatter } from './duration';
import { percentFormatter } from './percent';

interface Props {
  interval: CoverageInterval;
  /** Where the interval ends ("2026-11-23T09:30"). */
  end: string;
  /** The channel's staffing targets, for the target and the abandonment limit said beside the figures. */
  settings: StaffingSettings | null;
}

/** Why an interval of the coverage chart needs what it needs: volume, handle time, load, requirement, and what the rota gives. */
export function IntervalExplain({ interval: selected, end, settings: mySettings }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const wait = durationFormatter(fmt.locale);
  const percent = percentFormatter(fmt.locale);
  const clock = fmt.clock;
  return (
    <section aria-label={t('forecast.explainTitle')} className="explain">
      <h4>{t('forecast.explainWhen', { when: `${fmt.dayLong(selected.start.slice(0, 10))} ${clock(selected.start.slice(11, 16))}–${clock(end.slice(11, 16))}` })}</h4>
      {!selected.open && <p>{t('forecast.closedExplain', { contacts: fmt.number(selected.volume, 1) })}</p>}
      <dl>
        <dt>{t('forecast.volume')}</dt>
        <dd>{fmt.number(selected.volume, 1)}</dd>
        {selected.open && (
          <>
            <dt>{t('forecast.aht')}</dt>
            <dd>{wait(selected.ahtSeconds)}</dd>
            <dt>{t('forecast.traffic')}</dt>
            <dd>{fmt.number(selected.traffic, 2)}</dd>
            <dt>{t('forecast.required')}</dt>
            <dd>
              {fmt.number(selected.required)} ({t('forecast.toSchedule', { count: selected.scheduledRequired, n: fmt.number(selected.scheduledRequired) })})
              {selected.requiredServiceLevel !== null && (
                <span className="aside">
                  {' · '}
                  {selected.requiredAbandonRate === null
                    ? t('forecast.requiredGivesSl', { sl: percent(selected.requiredServiceLevel) })
                    : t('forecast.requiredGives', { sl: percent(selected.requiredServiceLevel), abandon: percent(selected.requiredAbandonRate) })}
                </span>
              )}
              {selected.belowLoadReason === 'abandonment' && (
                <span className="below-load">{t('forecast.belowLoad', { traffic: fmt.number(selected.traffic, 2), abandon: percent(selected.requiredAbandonRate), max: percent(mySettings?.maxAbandonRate ?? null) })}</span>
              )}
            </dd>
          </>
        )}
        <dt>{t('forecast.onShift')}</dt>
        <dd>
          {Number.isInteger(selected.onShift) ? fmt.number(selected.onShift) : t('forecast.onShiftAverage', { value: fmt.number(selected.onShift, 2) })}
        </dd>
        {selected.open && (
          <>
            <dt>{t('forecast.predictedSl')}</dt>
            <dd>
              {percent(selected.serviceLevel)}
              {mySettings?.model === 'erlang' && <span className="aside"> ({t('forecast.slTarget', { target: percent(mySettings.targetServiceLevel), wait: wait(mySettings.targetSeconds) })})</span>}
            </dd>
            {selected.abandonRate !== null && (
              <>
                <dt>{t('forecast.abandonRate')}</dt>
                <dd>{percent(selected.abandonRate)}</dd>
              </>
            )}
            <dt>{t('forecast.asa')}</dt>
            <dd>{selected.asa === null ? '–' : wait(selected.asa)}</dd>
            <dt>{t('forecast.occupancy')}</dt>
            <dd>{percent(selected.occupancy)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
