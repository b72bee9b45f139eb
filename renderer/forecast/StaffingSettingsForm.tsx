import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffingSettings } from '../../core/staffing';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { fieldErrors } from '../api/errors';
import { useAction } from '../api/useAction';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { NumberInput } from '../shell/NumberInput';

/** A channel's staffing targets; percentages are typed as percentages and sent as fractions. */
export function StaffingSettingsForm({ team, settings }: { team: Team; settings: StaffingSettings }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const pct = (x: number) => String(Math.round(x * 1000) / 10);
  const [model, setModel] = useState(settings.model);
  const [sl, setSl] = useState(pct(settings.targetServiceLevel));
  const [seconds, setSeconds] = useState(String(settings.targetSeconds));
  const [aht, setAht] = useState(settings.ahtSeconds === null ? '' : String(settings.ahtSeconds));
  const [shrinkage, setShrinkage] = useState(pct(settings.shrinkage));
  const [occupancy, setOccupancy] = useState(pct(settings.maxOccupancy));
  const [patience, setPatience] = useState(settings.patienceSeconds === null ? '' : String(settings.patienceSeconds));
  const [maxAbandon, setMaxAbandon] = useState(pct(settings.maxAbandonRate));
  const [shortAbandon, setShortAbandon] = useState(String(settings.shortAbandonSeconds));
  const [response, setResponse] = useState(String(settings.responseMinutes));
  const { error, act } = useAction();
  const errors = fieldErrors(error);
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
  const orNull = (s: string) => (s.trim() === '' ? null : num(s));

  function save(e: FormEvent) {
    e.preventDefault();
    void act(() =>
      call('staffing.setSettings', {
        teamId: team.id,
        channel: settings.channel,
        model,
        targetServiceLevel: num(sl) / 100,
        targetSeconds: num(seconds),
        ahtSeconds: orNull(aht),
        shrinkage: num(shrinkage) / 100,
        maxOccupancy: num(occupancy) / 100,
        patienceSeconds: orNull(patience),
        maxAbandonRate: num(maxAbandon) / 100,
        shortAbandonSeconds: num(shortAbandon),
        responseMinutes: num(response),
      }),
    );
  }

  return (
    <form className="form-grid" aria-label={t('forecast.settingsTitle', { channel: names.channel(settings.channel) })} onSubmit={save} noValidate>
      <h3>{t('forecast.settingsTitle', { channel: names.channel(settings.channel) })}</h3>
      <Field label={t('forecast.model')} error={errors.get('model')}>
        {(p) => (
          <select {...p} value={model} onChange={(e) => setModel(e.target.value === 'workload' ? 'workload' : 'erlang')}>
            <option value="erlang">{t('forecast.models.erlang')}</option>
            <option value="workload">{t('forecast.models.workload')}</option>
          </select>
        )}
      </Field>
      {model === 'erlang' ? (
        <>
          <Field label={t('forecast.targetSl')} hint={t('forecast.targetSlHint')} error={errors.get('targetServiceLevel')}>
            {(p) => <NumberInput {...p} inputMode="decimal" value={sl} onChange={(e) => setSl(e.target.value)} />}
          </Field>
          <Field label={t('forecast.targetSeconds')} error={errors.get('targetSeconds')}>
            {(p) => <NumberInput {...p} inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} />}
          </Field>
          <Field label={t('forecast.patience')} hint={t('forecast.patienceHint')} error={errors.get('patienceSeconds')}>
            {(p) => <NumberInput {...p} inputMode="numeric" value={patience} onChange={(e) => setPatience(e.target.value)} />}
          </Field>
          <Field label={t('forecast.maxAbandon')} hint={t('forecast.maxAbandonHint')} error={errors.get('maxAbandonRate')}>
            {(p) => <NumberInput {...p} inputMode="decimal" value={maxAbandon} onChange={(e) => setMaxAbandon(e.target.value)} />}
          </Field>
          <Field label={t('forecast.shortAbandon')} hint={t('forecast.shortAbandonHint')} error={errors.get('shortAbandonSeconds')}>
            {(p) => <NumberInput {...p} inputMode="numeric" value={shortAbandon} onChange={(e) => setShortAbandon(e.target.value)} />}
          </Field>
        </>
      ) : (
        <Field label={t('forecast.responseMinutes')} error={errors.get('responseMinutes')}>
          {(p) => <NumberInput {...p} inputMode="numeric" value={response} onChange={(e) => setResponse(e.target.value)} />}
        </Field>
      )}
      <Field label={t('forecast.ahtSeconds')} hint={settings.ahtFromHistory === null ? t('forecast.ahtDefault') : t('forecast.ahtHistory', { seconds: fmt.number(Math.round(settings.ahtFromHistory)) })} error={errors.get('ahtSeconds')}>
        {(p) => <NumberInput {...p} inputMode="numeric" value={aht} onChange={(e) => setAht(e.target.value)} />}
      </Field>
      <Field label={t('forecast.shrinkage')} error={errors.get('shrinkage')}>
        {(p) => <NumberInput {...p} inputMode="decimal" value={shrinkage} onChange={(e) => setShrinkage(e.target.value)} />}
      </Field>
      <Field label={t('forecast.maxOccupancy')} error={errors.get('maxOccupancy')}>
        {(p) => <NumberInput {...p} inputMode="decimal" value={occupancy} onChange={(e) => setOccupancy(e.target.value)} />}
      </Field>
      <FormError error={error} fieldCount={errors.size} />
      <div className="actions">
        <button type="submit">{t('forecast.saveSettings')}</button>
      </div>
    </form>
  );
}
