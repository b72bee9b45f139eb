import { useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ApiError } from '../../core/errors';
import type { Adjustment, CoverageInterval } from '../../core/staffing';
import type { Team } from '../../core/team';
import { startOfWeek, todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { ImportErrors } from '../shell/ImportErrors';
import { EncodingSelect, fileBase64, useImportEncoding } from '../shell/SpreadsheetOptions';
import { CLOSED_BAR, CoverageChart, STATUS_COLOR } from './CoverageChart';
import { durationFormatter } from './duration';
import { OpeningHoursForm } from './OpeningHoursForm';
import { StaffingSettingsForm } from './StaffingSettingsForm';
import './forecast.css';
import { DateField } from '../shell/DateField';
import { TimeInput } from '../shell/TimeInput';
import { NumberInput } from '../shell/NumberInput';

interface Props {
  team: Team;
}


/** Forecast and staffing of one channel for a week: volume, accuracy, requirement against the rota, and why. */
export function ForecastPage({ team }: Props) {
  const { t } = useTranslation();
  const encoding = useImportEncoding();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const [channel, setChannel] = useState(team.skills[0] ?? 'phone');
  const [weekStart, setWeekStart] = useState(() => startOfWeek(todayIn(team.timeZone), team.weekStart).toString());
  const [intervalMinutes, setIntervalMinutes] = useState<15 | 30 | 60>(30);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  // The interval explained below the chart, by its start in the view it was picked in (its figures stay current).
  const [picked, setPicked] = useState<{ view: string; start: string } | null>(null);
  // The day the interval chart shows (a week of 30-minute columns would be slivers too thin to click).
  const [pickedDay, setPickedDay] = useState<{ weekStart: string; day: string } | null>(null);
  const [hoursSaved, setHoursSaved] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { error, act } = useAction();
  const weekEnd = useMemo(() => {
    const d = new Date(`${weekStart}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 6);
    return d.toISOString().slice(0, 10);
  }, [weekStart]);

  const forecastQuery = useApiQuery('forecast.run', { teamId: team.id, channel, from: weekStart, weeks: 1, intervalMinutes });
  const coverageQuery = useApiQuery('coverage.range', { teamId: team.id, channel, from: weekStart, to: weekEnd, intervalMinutes });
  const adjustmentsQuery = useApiQuery('forecast.adjustments', { teamId: team.id, channel, from: weekStart, to: weekEnd });
  const settingsQuery = useApiQuery('staffing.settings', { teamId: team.id, before: weekStart });
  const hoursQuery = useApiQuery('staffing.openingHours', { teamId: team.id });
  // Without history there is no forecast: show the error instead of the last week's figures.
  const forecast = forecastQuery.error ? null : (forecastQuery.data ?? null);
  const coverage = coverageQuery.error ? null : (coverageQuery.data ?? null);
  const adjustments = adjustmentsQuery.data ?? [];
  const settings = settingsQuery.data ?? [];
  const view = `${channel}|${weekStart}|${intervalMinutes}`;
  const selected = picked?.view === view ? (coverage?.intervals.find((x) => x.start === picked.start) ?? null) : null;
  const setSelected = (x: CoverageInterval | null) => {
    setPicked(x ? { view, start: x.start } : null);
    if (x) setPickedDay({ weekStart, day: x.start.slice(0, 10) });
  };
  const today = todayIn(team.timeZone).toString();
  const shownDay = pickedDay?.weekStart === weekStart ? pickedDay.day : today >= weekStart && today <= weekEnd ? today : weekStart;
  const dayIntervals = (coverage?.intervals ?? []).filter((x) => x.start.slice(0, 10) === shownDay);
  const maxAgents = Math.max(1, ...(coverage?.intervals ?? []).map((x) => Math.max(x.onShift, x.required)));
  // An interval ends where the next begins (a clock change makes a day 23 or 25 hours long).
  const endOf = (x: CoverageInterval) => {
    const all = coverage?.intervals ?? [];
    const next = all[all.indexOf(x) + 1];
    if (next) return next.start;
    const m = Number(x.start.slice(11, 13)) * 60 + Number(x.start.slice(14, 16)) + intervalMinutes;
    return `${x.start.slice(0, 11)}${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  };
  const wait = durationFormatter(fmt.locale);
  const clock = fmt.clock;
  const myHours = hoursQuery.data?.find((h) => h.channel === channel) ?? null;
  const outside = coverage?.outsideHours.find((o) => o.channel === channel) ?? null;
  const closedAllDay = (day: string) => {
    const of = (coverage?.intervals ?? []).filter((x) => x.start.slice(0, 10) === day);
    return of.length > 0 && of.every((x) => !x.open);
  };
  const hoursForm = useRef<HTMLDivElement>(null);
  const goToHours = () => {
    hoursForm.current?.scrollIntoView({ block: 'start' });
    hoursForm.current?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
  };

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const r = await call('volume.import', { teamId: team.id, bytes: await fileBase64(file), encoding });
      setImportError(null);
      setNotice(t('forecast.imported', { rows: r.rows, intervals: r.intervals, channels: r.channels.map(names.channel).join(', '), from: r.from ? fmt.day(r.from) : '–', to: r.to ? fmt.day(r.to) : '–' }));
    } catch (err) {
      if (err instanceof CallError) setImportError(err.error);
      else throw err;
    }
  }

  const moveWeek = (weeks: number) => {
    const d = new Date(`${weekStart}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7 * weeks);
    setWeekStart(d.toISOString().slice(0, 10));
  };
  const label = (iso: string) => `${fmt.weekday(iso.slice(0, 10))} ${clock(iso.slice(11, 16))}`;
  const volumeData = (forecast?.points ?? []).map((p) => ({ label: label(p.start), model: p.model, volume: p.volume }));
  // Closed hours shaded behind the forecast too: those contacts are drawn, but nobody answers them.
  const openByStart = new Map((coverage?.intervals ?? []).map((x) => [x.start, x.open]));
  const closedRuns: { from: string; to: string }[] = [];
  let run: { from: string; to: string } | null = null;
  for (const p of forecast?.points ?? []) {
    if (openByStart.get(p.start) === false) {
      if (run) run.to = label(p.start);
      else closedRuns.push((run = { from: label(p.start), to: label(p.start) }));
    } else run = null;
  }
  const percent = (x: number | null) => (x === null ? '–' : new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 }).format(x));
  const under = (coverage?.intervals ?? []).filter((x) => x.open && x.status === 'under');
  const mySettings = settings.find((s) => s.channel === channel) ?? null;
  // Callers hang up only with a patience (Erlang A): only then is there a share of hang-ups to show.
  const withPatience = mySettings?.model === 'erlang' && mySettings.patienceSeconds !== null;

  return (
    <section className="card" aria-labelledby="forecast-title">
      <div className="toolbar">
        <h2 id="forecast-title">{t('forecast.title')}</h2>
        <label className="inline">
          <span>{t('forecast.channel')}</span>
          <select aria-label={t('forecast.channel')} value={channel} onChange={(e) => setChannel(e.target.value)}>
            {team.skills.map((s) => (
              <option key={s} value={s}>
                {names.channel(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-label={t('forecast.previousWeek')} onClick={() => moveWeek(-1)}>
          ‹
        </button>
        <strong>{t('forecast.weekOf', { date: fmt.day(weekStart) })}</strong>
        <button type="button" aria-label={t('forecast.nextWeek')} onClick={() => moveWeek(1)}>
          ›
        </button>
        <label className="inline">
          <span>{t('forecast.interval')}</span>
          <select aria-label={t('forecast.interval')} value={intervalMinutes} onChange={(e) => setIntervalMinutes(Number(e.target.value) === 15 ? 15 : Number(e.target.value) === 60 ? 60 : 30)}>
            {[15, 30, 60].map((m) => (
              <option key={m} value={m}>
                {t('forecast.minutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('forecast.import')}
        </button>
        <EncodingSelect />
        <input ref={fileInput} type="file" accept=".csv,text/csv" hidden aria-label={t('forecast.import')} onChange={(e) => void importFile(e)} />
      </div>
      <p className="muted small">{t('forecast.importHint')}</p>
      <ImportErrors error={importError} failedText={t('forecast.importFailed')} />
      {notice && <p role="status">{notice}</p>}
      <FormError error={error} fieldCount={0} />
      <LoadError errors={[forecastQuery.error, coverageQuery.error, adjustmentsQuery.error, settingsQuery.error, hoursQuery.error]} />

      {forecast && (
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
                {closedRuns.map((r) => (
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
      )}

      {coverage && coverage.intervals.length > 0 && (
        <>
          <h3>{t('forecast.coverageTitle')}</h3>
          <p className="muted small">{t('forecast.coverageHint')}</p>
          {outside && outside.contacts > 0 && (
            <p className="outside-notice">
              {t('forecast.outsideHours', { count: Math.round(outside.contacts), contacts: fmt.number(outside.contacts, 0), channel: names.channel(channel) })}
              {myHours && (
                <button type="button" className="link" onClick={goToHours}>
                  {t('forecast.editHours')}
                </button>
              )}
            </p>
          )}
          <div className="day-picker" role="group" aria-label={t('forecast.dayPicker')}>
            {coverage.days.map((d) => {
              const closed = closedAllDay(d.day);
              return (
                <button key={d.day} type="button" aria-pressed={d.day === shownDay} onClick={() => {
                    setPickedDay({ weekStart, day: d.day });
                    // The explanation belongs to the chart above it: another day, another interval.
                    if (selected?.start.slice(0, 10) !== d.day) setPicked(null);
                  }}>
                  <span>{fmt.weekday(d.day)} {fmt.dayMonth(d.day)}</span>{' '}
                  <span className={d.underIntervals ? 'day-state short' : 'day-state'}>
                    {closed ? t('forecast.closed') : d.underIntervals ? t('forecast.shortCount', { count: d.underIntervals, n: fmt.number(d.underIntervals) }) : t('forecast.allCovered')}
                  </span>
                </button>
              );
            })}
          </div>
          <h4 className="chart-day">{fmt.dayLong(shownDay)}</h4>
          <CoverageChart intervals={dayIntervals} maxAgents={maxAgents} selected={selected?.start ?? null} onSelect={(start) => setSelected(coverage.intervals.find((x) => x.start === start) ?? null)} dayName={fmt.dayLong(shownDay)} channel={channel} endOf={endOf} />
          <ul className="chart-legend small">
            <li>
              <span className="swatch" style={{ backgroundColor: STATUS_COLOR.under }} aria-hidden="true" />
              {t('forecast.status.under')}
            </li>
            <li>
              <span className="swatch" style={{ backgroundColor: STATUS_COLOR.ok }} aria-hidden="true" />
              {t('forecast.status.ok')}
            </li>
            <li>
              <span className="swatch" style={{ backgroundColor: STATUS_COLOR.over }} aria-hidden="true" />
              {t('forecast.status.over')}
            </li>
            <li>
              <span className="swatch line" aria-hidden="true" />
              {t('forecast.required')}
            </li>
            <li>
              <span className="swatch closed" aria-hidden="true" />
              {t('forecast.closedHours')}
            </li>
            <li>
              <span className="swatch" style={{ backgroundColor: CLOSED_BAR }} aria-hidden="true" />
              {t('forecast.onShiftClosed')}
            </li>
          </ul>
          {selected && (
            <section aria-label={t('forecast.explainTitle')} className="explain">
              <h4>{t('forecast.explainWhen', { when: `${fmt.dayLong(selected.start.slice(0, 10))} ${clock(selected.start.slice(11, 16))}–${clock(endOf(selected).slice(11, 16))}` })}</h4>
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
          )}
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
              {coverage.days.map((d) => {
                const closed = closedAllDay(d.day);
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
          {under.length > 0 && (
            <details>
              <summary>{t('forecast.underList', { count: under.length, n: fmt.number(under.length) })}</summary>
              <ul>
                {under.map((x) => (
                  <li key={x.start}>
                    <button type="button" className="link" onClick={() => setSelected(x)}>
                      {fmt.dayLong(x.start.slice(0, 10))} {clock(x.start.slice(11, 16))}: {t('forecast.shortBy', { onShift: fmt.number(x.onShift, 1), required: fmt.number(x.required) })}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}

      <AdjustmentsPanel team={team} channel={channel} weekStart={weekStart} adjustments={adjustments} act={act} />
      <div className="channel-settings" ref={hoursForm}>
        {myHours && <OpeningHoursForm key={`${channel}-${JSON.stringify(myHours)}`} team={team} hours={myHours} saved={hoursSaved === channel} onSaved={(ok) => setHoursSaved(ok ? channel : null)} />}
        {mySettings && <StaffingSettingsForm key={`${channel}-${JSON.stringify(mySettings)}`} team={team} settings={mySettings} />}
      </div>
    </section>
  );
}

function AdjustmentsPanel({ team, channel, weekStart, adjustments, act }: { team: Team; channel: string; weekStart: string; adjustments: Adjustment[]; act(work: () => Promise<unknown>): Promise<void> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [day, setDay] = useState(weekStart);
  const [time, setTime] = useState('');
  const [kind, setKind] = useState<'percent' | 'absolute'>('percent');
  const [value, setValue] = useState('10');
  const [note, setNote] = useState('');
  function add(e: FormEvent) {
    e.preventDefault();
    const v = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    void act(() => call('forecast.adjust', { teamId: team.id, channel, day, timeLocal: time || null, kind, value: v, note }));
  }
  return (
    <section aria-labelledby="adjust-title">
      <h3 id="adjust-title">{t('forecast.adjustTitle')}</h3>
      {adjustments.length === 0 ? (
        <p className="muted">{t('forecast.noAdjustments')}</p>
      ) : (
        <ul>
          {adjustments.map((a) => (
            <li key={a.id}>
              {fmt.dayLong(a.day)} {a.timeLocal ?? t('forecast.wholeDay')}: {a.kind === 'percent' ? `${a.value > 0 ? '+' : ''}${fmt.number(a.value, 1)} %` : `${a.value > 0 ? '+' : ''}${fmt.number(a.value, 1)}`}
              {a.note && ` · ${a.note}`}{' '}
              <button type="button" className="link" onClick={() => void act(() => call('forecast.deleteAdjustment', { id: a.id }))}>
                {t('forecast.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form-grid" aria-label={t('forecast.adjustTitle')} onSubmit={add} noValidate>
        <label className="field">
          <span>{t('forecast.day')}</span>
          <DateField value={day} weekStart={team.weekStart} onChange={setDay} />
        </label>
        <label className="field">
          <span>{t('forecast.time')}</span>
          <TimeInput value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('forecast.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value === 'absolute' ? 'absolute' : 'percent')}>
            <option value="percent">{t('forecast.percent')}</option>
            <option value="absolute">{t('forecast.absolute')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('forecast.value')}</span>
          <NumberInput inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('forecast.note')}</span>
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit">{t('forecast.addAdjustment')}</button>
        </div>
      </form>
    </section>
  );
}
