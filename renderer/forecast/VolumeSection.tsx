import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodOutput } from '../../core/contract';
import type { CoverageInterval } from '../../core/staffing';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { percentFormatter } from './percent';
import { closedRuns } from './weekMath';

interface Props {
  forecast: MethodOutput<'forecast.run'>;
  /** The week's coverage intervals, for which hours are closed (empty while they load). */
  intervals: readonly CoverageInterval[];
  channel: string;
}

/** The week's forecast volume (the model's and with adjustments) as a chart, and the methods' backtest accuracy. */
export function VolumeSection({ forecast, intervals, channel }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const percent = percentFormatter(fmt.locale);
  const label = (iso: string) => `${fmt.weekday(iso.slice(0, 10))} ${fmt.clock(iso.slice(11, 16))}`;
  const volumeData = forecast.points.map((p) => ({ label: label(p.start), model: p.model, volume: p.volume }));
  // Closed hours shaded behind the forecast too: those contacts are drawn, but nobody answers them.
  const closed = closedRuns(forecast.points, new Map(intervals.map((x) => [x.start, x.open])), label);
  return (
    <>
      <h3>{t('forecast.volumeTitle')}</h3>
      <div className="chart" role="img" aria-label={t('forecast.volumeChart', { channel: names.channel(channel) })}>
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={volumeData} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={Math.max(0, Math.floor(volumeData.length / 14) - 1)} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={(v) => fmt.number(Number(v))} />
            <Tooltip formatter={(v) => fmt.number(Number(v), 1)} />
            <Legend />
            {closed.map((r) => (
              <ReferenceArea key={r.from} x1={r.from} x2={r.to} fill="#e3e6eb" fillOpacity={0.7} strokeOpacity={0} ifOverflow="visible" />
            ))}
            <Line type="monotone" dataKey="model" name={t('forecast.model')} stroke="#8a94a6" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="volume" name={t('forecast.adjusted')} stroke="#1b5e8a" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="numbers" aria-label={t('forecast.accuracy')}>
        <caption>{t('forecast.accuracy')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.method')}</th>
            <th scope="col">WAPE</th>
            <th scope="col">{t('forecast.bias')}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.accuracy.map((a) => (
            <tr key={a.method} className={a.method === forecast.method ? 'chosen' : undefined}>
              <th scope="row">
                {t(`forecast.methods.${a.method}`)}
                {a.method === forecast.method ? ` ✓ ${t('forecast.used')}` : ''}
              </th>
              <td>{percent(a.wape)}</td>
              <td>{percent(a.bias)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {forecast.accuracy.length === 0 && <p className="muted">{t('forecast.noBacktest')}</p>}
    </>
  );
}
