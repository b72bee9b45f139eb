import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { ImportErrors } from '../shell/ImportErrors';
import { LoadError } from '../shell/LoadError';
import { EncodingSelect } from '../shell/SpreadsheetOptions';
import { AdjustmentsPanel } from './AdjustmentsPanel';
import { CoverageSection } from './CoverageSection';
import { OpeningHoursForm } from './OpeningHoursForm';
import { StaffingSettingsForm } from './StaffingSettingsForm';
import { useForecastView } from './useForecastView';
import { useVolumeImport } from './useVolumeImport';
import { VolumeSection } from './VolumeSection';
import './forecast.css';

interface Props {
  team: Team;
}

/** Forecast and staffing of one channel for a week: volume, accuracy, requirement against the rota, and why. */
export function ForecastPage({ team }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const { channel, setChannel, weekStart, weekEnd, intervalMinutes, setIntervalMinutes, shownDay, moveWeek, ...viewOf } = useForecastView(team);
  const { fileInput, importFile, importError, notice } = useVolumeImport(team);
  const [hoursSaved, setHoursSaved] = useState<string | null>(null);
  const { error, act } = useAction();

  const forecastQuery = useApiQuery('forecast.run', { teamId: team.id, channel, from: weekStart, weeks: 1, intervalMinutes });
  const coverageQuery = useApiQuery('coverage.range', { teamId: team.id, channel, from: weekStart, to: weekEnd, intervalMinutes });
  const adjustmentsQuery = useApiQuery('forecast.adjustments', { teamId: team.id, channel, from: weekStart, to: weekEnd });
  const settingsQuery = useApiQuery('staffing.settings', { teamId: team.id, before: weekStart });
  const hoursQuery = useApiQuery('staffing.openingHours', { teamId: team.id });
  // Without history there is no forecast: show the error instead of the last week's figures.
  const forecast = forecastQuery.error ? null : (forecastQuery.data ?? null);
  const coverage = coverageQuery.error ? null : (coverageQuery.data ?? null);
  const adjustments = adjustmentsQuery.data ?? [];
  const selected = viewOf.selectedIn(coverage?.intervals);
  const myHours = hoursQuery.data?.find((h) => h.channel === channel) ?? null;
  const mySettings = (settingsQuery.data ?? []).find((s) => s.channel === channel) ?? null;
  const hoursForm = useRef<HTMLDivElement>(null);
  const goToHours = () => {
    hoursForm.current?.scrollIntoView({ block: 'start' });
    hoursForm.current?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
  };

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

      {forecast && <VolumeSection forecast={forecast} intervals={coverage?.intervals ?? []} channel={channel} />}

      {coverage && coverage.intervals.length > 0 && (
        <CoverageSection
          coverage={coverage}
          channel={channel}
          intervalMinutes={intervalMinutes}
          shownDay={shownDay}
          selected={selected}
          onPickDay={(day) => viewOf.pickDay(day, selected)}
          onSelect={viewOf.select}
          settings={mySettings}
          goToHours={myHours ? goToHours : null}
        />
      )}

      <AdjustmentsPanel team={team} channel={channel} weekStart={weekStart} adjustments={adjustments} act={act} />
      <div className="channel-settings" ref={hoursForm}>
        {myHours && <OpeningHoursForm key={`${channel}-${JSON.stringify(myHours)}`} team={team} hours={myHours} saved={hoursSaved === channel} onSaved={(ok) => setHoursSaved(ok ? channel : null)} />}
        {mySettings && <StaffingSettingsForm key={`${channel}-${JSON.stringify(mySettings)}`} team={team} settings={mySettings} />}
      </div>
    </section>
  );
}
