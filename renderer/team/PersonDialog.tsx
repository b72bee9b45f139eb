import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import type { MethodOutput } from '../../core/contract';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { errorText, fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { DateField } from '../shell/DateField';
import { NumberInput } from '../shell/NumberInput';
import { useHubDecision, useHubWaiting } from '../roster/hub/useHubWaiting';
import { HubPreferenceAsk } from './HubPreferenceAsk';

interface Props {
  team: Team;
  /** null: add a new person. */
  person: Person | null;
  onSaved(person: Person): void;
  onClose(): void;
}

type Preference = MethodOutput<'person.preferences'>[number];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function numberOrNaN(text: string): number {
  // Accept the decimal comma Turkish and Polish keyboards type.
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}

/** The add/edit person form, as a modal dialog (Escape closes it, focus stays inside). */
export function PersonDialog({ team, person, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [color, setColor] = useState(person?.color ?? '#4e79a7');
  const [skills, setSkills] = useState<string[]>(person?.skills ?? []);
  const [hours, setHours] = useState(String(person?.contractHoursPerWeek ?? 40));
  const [rate, setRate] = useState(String(person?.hourlyRate ?? 0));
  const [start, setStart] = useState(person?.employmentStart ?? '');
  const [end, setEnd] = useState(person?.employmentEnd ?? '');
  const [holidayCountry, setHolidayCountry] = useState(person?.holidayCountry ?? '');
  const [notes, setNotes] = useState(person?.notes ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const errors = fieldErrors(error);
  const fmt = useFormat();
  const names = useBuiltinNames();
  // What the person cannot or would rather not work, which auto-scheduling respects.
  const templates = useApiQuery('template.list', { teamId: team.id }).data ?? [];
  const prefsQuery = useApiQuery('person.preferences', person ? { personId: person.id } : null);
  const prefsLoaded = prefsQuery.data ?? [];
  // null until edited: the stored preferences are shown as they load.
  const [edited, setPrefs] = useState<Preference[] | null>(null);
  const prefs = edited ?? prefsLoaded;
  // What this person asked for on the hub, if the team has one: approving it sets their preferences, which the rows below then show.
  const hub = useHubWaiting(team.id, 'preferences');
  const asks = person ? hub.waiting.filter((r) => r.personId === person.id) : [];
  const decision = useHubDecision(team.id, { onDone: (d) => d === 'approved' && setPrefs(null) });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  // Put the keyboard on the first field that needs fixing, once the error is on the page
  // (after React commits it, not at the next frame, which a busy machine can reach first).
  useEffect(() => {
    if (error) dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = {
      name,
      email,
      phone,
      skills,
      contractHoursPerWeek: numberOrNaN(hours),
      hourlyRate: numberOrNaN(rate),
      employmentStart: start || null,
      employmentEnd: end || null,
      holidayCountry: holidayCountry.trim().toUpperCase(),
      notes,
    };
    try {
      const saved = person
        ? await call('person.update', { id: person.id, ...values, color })
        : await call('person.create', { teamId: team.id, ...values, ...(color !== '#4e79a7' ? { color } : {}) });
      if (JSON.stringify(prefs) !== JSON.stringify(prefsLoaded)) await call('person.setPreferences', { personId: saved.id, preferences: prefs });
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof CallError)) throw err;
      setError(err.error);
    }
  }

  const title = person ? t('person.editTitle', { name: person.name }) : t('person.addTitle');
  return (
    <dialog ref={dialog} aria-label={title} onCancel={onClose} className="dialog">
      <form onSubmit={(e) => void submit(e)} noValidate className="form-grid">
        <h2>{title}</h2>
        <Field label={t('person.name')} error={errors.get('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" autoFocus />}
        </Field>
        <Field label={t('person.email')} error={errors.get('email')}>
          {(p) => <input {...p} type="email" dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label={t('person.phone')} error={errors.get('phone')}>
          {(p) => <input {...p} type="tel" dir="ltr" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label={t('person.color')} error={errors.get('color')}>
          {(p) => <input {...p} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}
        </Field>
        <fieldset className="skills" aria-invalid={errors.has('skills')}>
          <legend>{t('person.skills')}</legend>
          {team.skills.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={skills.includes(s)}
                onChange={(e) => setSkills(e.target.checked ? [...skills, s] : skills.filter((x) => x !== s))}
              />
              {names.channel(s)}
            </label>
          ))}
          {errors.get('skills') && (
            <span role="alert" className="error">
              {errorText(t, errors.get('skills') as ApiError)}
            </span>
          )}
        </fieldset>
        <Field label={t('person.contractHours')} error={errors.get('contractHoursPerWeek')}>
          {(p) => <NumberInput {...p} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />}
        </Field>
        <Field label={t('person.hourlyRate', { currency: team.currency })} error={errors.get('hourlyRate')}>
          {(p) => <NumberInput {...p} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />}
        </Field>
        <Field label={t('person.employmentStart')} error={errors.get('employmentStart')}>
          {(p) => <DateField {...p} weekStart={team.weekStart} value={start} onChange={setStart} />}
        </Field>
        <Field label={t('person.employmentEnd')} error={errors.get('employmentEnd')}>
          {(p) => <DateField {...p} weekStart={team.weekStart} value={end} onChange={setEnd} />}
        </Field>
        <Field label={t('person.holidayCountry')} hint={t('person.holidayCountryHint', { country: team.country || '—' })} error={errors.get('holidayCountry')}>
          {(p) => <input {...p} value={holidayCountry} maxLength={2} autoComplete="off" onChange={(e) => setHolidayCountry(e.target.value)} />}
        </Field>
        <fieldset className="rules preferences">
          <legend>{t('person.preferences')}</legend>
          <p className="muted small">{t('person.preferencesHint')}</p>
          {asks.length > 0 && (
            <div className="hub-asks-dialog">
              {asks.map((r) => (
                <HubPreferenceAsk key={r.id} team={team} request={r} decision={decision} />
              ))}
              <p className="muted small">{t('hubAsk.dialogHint')}</p>
              <FormError error={decision.error} fieldCount={0} />
            </div>
          )}
          {prefs.map((p, i) => (
            <div key={i} className="activity-row">
              <select aria-label={t('person.prefWeekday')} value={p.weekday} onChange={(e) => setPrefs(prefs.map((x, j) => (j === i ? { ...x, weekday: Number(e.target.value) } : x)))}>
                {WEEKDAYS.map((wd) => (
                  <option key={wd} value={wd}>
                    {fmt.isoWeekday(wd)}
                  </option>
                ))}
              </select>{' '}
              <select aria-label={t('person.prefShift')} value={p.templateId ?? ''} onChange={(e) => setPrefs(prefs.map((x, j) => (j === i ? { ...x, templateId: e.target.value ? Number(e.target.value) : null } : x)))}>
                <option value="">{t('person.prefAnyShift')}</option>
                {templates.map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {tp.code} {tp.startLocal}–{tp.endLocal}
                  </option>
                ))}
              </select>{' '}
              <select aria-label={t('person.prefKind')} value={p.kind} onChange={(e) => setPrefs(prefs.map((x, j) => (j === i ? { ...x, kind: e.target.value === 'cannot' ? 'cannot' : 'prefer_not' } : x)))}>
                <option value="cannot">{t('person.prefCannot')}</option>
                <option value="prefer_not">{t('person.prefPreferNot')}</option>
              </select>{' '}
              <button type="button" onClick={() => setPrefs(prefs.filter((_, j) => j !== i))}>
                {t('person.prefRemove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setPrefs([...prefs, { weekday: 6, templateId: null, kind: 'prefer_not' }])}>
            {t('person.prefAdd')}
          </button>
        </fieldset>
        <Field label={t('person.notes')} error={errors.get('notes')}>
          {(p) => <textarea {...p} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <FormError error={error} fieldCount={errors.size} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('person.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('person.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
