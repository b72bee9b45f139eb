import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { timeZones } from '../../core/time';
import { call, CallError } from '../api/client';
import { fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { RulesFields, rulesDraft, rulesPatch, type RulesDraft } from './RulesFields';

const LOCALES = ['en-GB', 'en-US', 'tr-TR', 'pl-PL', 'fa-IR', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'uk-UA', 'ar-SA'];
const COMMON_CURRENCIES = ['TRY', 'PLN', 'IRR', 'EUR', 'USD', 'GBP'];

function guessZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Istanbul';
}

interface Props {
  team: Team | null;
  onSaved(team: Team): void;
  onCancel?: () => void;
}

/** Creates a team, or edits one when `team` is given. */
export function TeamForm({ team, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(team?.name ?? '');
  const [timeZone, setTimeZone] = useState(team?.timeZone ?? guessZone());
  const [locale, setLocale] = useState(team?.locale ?? 'en-GB');
  const [weekStart, setWeekStart] = useState<Team['weekStart']>(team?.weekStart ?? 'mon');
  const [country, setCountry] = useState(team?.country ?? '');
  const [currency, setCurrency] = useState(team?.currency ?? 'EUR');
  const [skills, setSkills] = useState((team?.skills ?? ['phone', 'chat', 'email']).join(', '));
  const [rules, setRules] = useState<RulesDraft | null>(team ? rulesDraft(team.rules) : null);
  const [error, setError] = useState<ApiError | null>(null);
  const zones = useMemo(() => timeZones(), []);
  const currencies = useMemo(() => {
    const all = Intl.supportedValuesOf('currency');
    return [...COMMON_CURRENCIES, ...all.filter((c) => !COMMON_CURRENCIES.includes(c))];
  }, []);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = {
      name,
      timeZone,
      locale,
      weekStart,
      country: country.trim().toUpperCase(),
      currency,
      skills: skills.split(',').map((s) => s.trim()).filter(Boolean),
    };
    try {
      const result = team ? await call('team.update', { id: team.id, ...values, ...(rules ? { rules: rulesPatch(rules) } : {}) }) : await call('team.create', values);
      setError(null);
      onSaved(result);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label={team ? t('team.settingsTitle') : t('team.createTitle')} noValidate>
      <h2>{team ? t('team.settingsTitle') : t('team.createTitle')}</h2>
      <Field label={t('team.name')} error={errors.get('name')}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label={t('team.timeZone')} error={errors.get('timeZone')}>
        {(p) => (
          <select {...p} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('team.weekStart')} error={errors.get('weekStart')}>
        {(p) => (
          <select {...p} value={weekStart} onChange={(e) => setWeekStart(e.target.value as Team['weekStart'])}>
            {(['mon', 'sat', 'sun'] as const).map((w) => (
              <option key={w} value={w}>
                {t(`weekStart.${w}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('team.locale')} error={errors.get('locale')}>
        {(p) => (
          <>
            <input {...p} value={locale} onChange={(e) => setLocale(e.target.value)} list="rd-locales" autoComplete="off" />
            <datalist id="rd-locales">
              {LOCALES.map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('team.country')} hint={t('team.countryHint')} error={errors.get('country')}>
        {(p) => <input {...p} value={country} maxLength={2} onChange={(e) => setCountry(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label={t('team.currency')} error={errors.get('currency')}>
        {(p) => (
          <select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('team.skills')} hint={t('team.skillsHint')} error={errors.get('skills')}>
        {(p) => <input {...p} value={skills} onChange={(e) => setSkills(e.target.value)} autoComplete="off" />}
      </Field>
      {rules && <RulesFields draft={rules} onChange={setRules} errors={errors} skills={team?.skills ?? []} />}
      <FormError error={error} fieldCount={errors.size} />
      <div className="actions">
        <button type="submit" className="primary">
          {team ? t('team.save') : t('team.create')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('team.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
