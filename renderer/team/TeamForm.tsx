import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { KNOWN_LOCALES, placeOfZone, type Team } from '../../core/team';
import { fold } from '../../core/text';
import { timeZones } from '../../core/time';
import { call, CallError } from '../api/client';
import { fieldErrors, type ShownError } from '../api/errors';
import { useFormat } from '../format';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { RulesFields, rulesDraft, rulesPatch, type RulesDraft } from './RulesFields';

const COMMON_CURRENCIES = ['TRY', 'PLN', 'IRR', 'EUR', 'USD', 'GBP'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function guessZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Istanbul';
}

/** Names in the UI language for codes; a code Intl does not know names itself. */
function namer(locale: string, type: 'region' | 'language' | 'currency') {
  const names = new Intl.DisplayNames([locale], { type, fallback: 'none' });
  return (code: string): string | undefined => {
    try {
      return names.of(code);
    } catch {
      return undefined;
    }
  };
}

/** What the lead typed, as the code the service takes: a code as is, or a name from the list by its code. */
function codeOf(typed: string, options: readonly { code: string; name: string }[], upper: boolean): string {
  const text = typed.trim();
  const asCode = upper ? text.toUpperCase() : text;
  if (text === '' || options.some((o) => o.code === asCode)) return asCode;
  const byName = options.find((o) => fold(o.name) === fold(text));
  return byName ? byName.code : asCode;
}

/** The zone a lead means by "Warsaw" or "new york": the one whose city matches, else the text as typed. */
function zoneOf(typed: string, zones: readonly string[]): string {
  const text = typed.trim();
  if (zones.includes(text)) return text;
  const city = fold(text.replaceAll(' ', '_'));
  return zones.find((z) => fold(z.slice(z.lastIndexOf('/') + 1)) === city) ?? text;
}

/**
 * Field errors in words that name the field ("Give the team a name"), for the codes that only
 * say what kind of value was wrong; specific codes (a duplicate name) keep their own words.
 */
const GENERIC = new Set(['required', 'too_small', 'too_big', 'invalid_type', 'invalid_format', 'invalid', 'invalid_value', 'control_characters', 'invalid_time_zone', 'invalid_locale', 'invalid_currency']);
const NAMED_FIELDS = ['name', 'timeZone', 'locale', 'country', 'currency', 'skills'] as const;
function namedErrors(errors: Map<string, ApiError>): Map<string, ShownError> {
  const out = new Map<string, ShownError>(errors);
  for (const field of NAMED_FIELDS) {
    const e = errors.get(field);
    if (!e || !GENERIC.has(e.code)) continue;
    // A bad skill in the list is its own problem; only an empty list is "give at least one".
    if (field === 'skills' && e.path.length > 1) continue;
    out.set(field, { ...e, code: field === 'name' && e.code === 'too_big' ? 'teamField.nameTooLong' : `teamField.${field}` });
  }
  return out;
}

interface Props {
  team: Team | null;
  onSaved(team: Team): void;
  onCancel?: () => void;
}

/**
 * Creates a team, or edits one when `team` is given. Time zone, country, locale and currency are
 * searchable lists; a new team's country, locale, currency and week start follow its time zone
 * until the lead picks them.
 */
export function TeamForm({ team, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [initialZone] = useState(() => team?.timeZone ?? guessZone());
  const place = team ? null : placeOfZone(initialZone);
  const [name, setName] = useState(team?.name ?? '');
  const [timeZone, setTimeZone] = useState(initialZone);
  const [locale, setLocale] = useState(team?.locale ?? place?.locale ?? 'en-GB');
  const [weekStart, setWeekStart] = useState<Team['weekStart']>(team?.weekStart ?? place?.weekStart ?? 'mon');
  const [country, setCountry] = useState(team?.country ?? place?.country ?? '');
  const [currency, setCurrency] = useState(team?.currency ?? place?.currency ?? 'EUR');
  // Which of the zone-led fields the lead has typed in: those are theirs, the zone no longer moves them.
  const [chosen, setChosen] = useState<ReadonlySet<'country' | 'locale' | 'currency' | 'weekStart'>>(() => new Set(team ? ['country', 'locale', 'currency', 'weekStart'] : []));
  const [skills, setSkills] = useState((team?.skills ?? ['phone', 'chat', 'email']).join(', '));
  const [rules, setRules] = useState<RulesDraft | null>(team ? rulesDraft(team.rules) : null);
  const [error, setError] = useState<ApiError | null>(null);
  const zones = useMemo(() => timeZones(), []);
  const countries = useMemo(() => {
    const nameOf = namer(fmt.locale, 'region');
    const out: { code: string; name: string }[] = [];
    for (const a of LETTERS) {
      for (const b of LETTERS) {
        const n = nameOf(a + b);
        if (n && n !== a + b) out.push({ code: a + b, name: n });
      }
    }
    return out.sort((x, y) => x.name.localeCompare(y.name, fmt.locale));
  }, [fmt.locale]);
  const currencies = useMemo(() => {
    const nameOf = namer(fmt.locale, 'currency');
    const all = Intl.supportedValuesOf('currency');
    return [...COMMON_CURRENCIES, ...all.filter((c) => !COMMON_CURRENCIES.includes(c))].map((code) => ({ code, name: nameOf(code) ?? code }));
  }, [fmt.locale]);
  const locales = useMemo(() => {
    const nameOf = namer(fmt.locale, 'language');
    return KNOWN_LOCALES.map((code) => ({ code, name: nameOf(code) ?? code }));
  }, [fmt.locale]);
  const errors = namedErrors(fieldErrors(error));

  function pickZone(text: string) {
    setTimeZone(text);
    const next = placeOfZone(zoneOf(text, zones));
    if (!next) return;
    if (!chosen.has('country')) setCountry(next.country);
    if (!chosen.has('locale')) setLocale(next.locale);
    if (!chosen.has('currency')) setCurrency(next.currency);
    if (!chosen.has('weekStart')) setWeekStart(next.weekStart ?? 'mon');
  }
  const choose = (field: 'country' | 'locale' | 'currency' | 'weekStart', set: (v: string) => void) => (value: string) => {
    set(value);
    setChosen((c) => new Set([...c, field]));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = {
      name,
      timeZone: zoneOf(timeZone, zones),
      locale: codeOf(locale, locales, false),
      weekStart,
      country: codeOf(country, countries, true),
      currency: codeOf(currency, currencies, true),
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
      <Field label={t('team.timeZone')} hint={team ? t('team.searchHint') : t('team.timeZoneHint')} error={errors.get('timeZone')}>
        {(p) => (
          <>
            <input {...p} dir="ltr" value={timeZone} list="rd-zones" autoComplete="off" spellCheck={false} onChange={(e) => pickZone(e.target.value)} onFocus={(e) => e.target.select()} />
            <datalist id="rd-zones">
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.slice(z.lastIndexOf('/') + 1).replaceAll('_', ' ')}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('team.weekStart')} error={errors.get('weekStart')}>
        {(p) => (
          <select {...p} value={weekStart} onChange={(e) => choose('weekStart', () => setWeekStart(e.target.value as Team['weekStart']))(e.target.value)}>
            {(['mon', 'sat', 'sun'] as const).map((w) => (
              <option key={w} value={w}>
                {t(`weekStart.${w}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('team.locale')} hint={t('team.localeHint')} error={errors.get('locale')}>
        {(p) => (
          <>
            <input {...p} dir="ltr" value={locale} onChange={(e) => choose('locale', setLocale)(e.target.value)} onFocus={(e) => e.target.select()} list="rd-locales" autoComplete="off" spellCheck={false} />
            <datalist id="rd-locales">
              {locales.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('team.country')} hint={t('team.countryHint')} error={errors.get('country')}>
        {(p) => (
          <>
            <input {...p} dir="ltr" value={country} onChange={(e) => choose('country', setCountry)(e.target.value)} onFocus={(e) => e.target.select()} list="rd-countries" autoComplete="off" spellCheck={false} />
            <datalist id="rd-countries">
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('team.currency')} hint={t('team.searchHint')} error={errors.get('currency')}>
        {(p) => (
          <>
            <input {...p} dir="ltr" value={currency} onChange={(e) => choose('currency', setCurrency)(e.target.value)} onFocus={(e) => e.target.select()} list="rd-currencies" autoComplete="off" spellCheck={false} />
            <datalist id="rd-currencies">
              {currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </datalist>
          </>
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
